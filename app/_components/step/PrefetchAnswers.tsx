'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Fetches the steps the answers lead to as soon as a step is shown, rather
 * than when their links scroll into view: on a phone the answers sit below
 * the guidance, and the next step should appear the moment one is chosen.
 * It reads the answer links from the page rather than taking them as props,
 * so each step page carries its links once.
 */
export function PrefetchAnswers() {
  const router = useRouter();
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step (pathname) brings new answer links to read
  useEffect(() => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('#answers a[href]')) router.prefetch(link.pathname);
  }, [pathname, router]);
  return null;
}
