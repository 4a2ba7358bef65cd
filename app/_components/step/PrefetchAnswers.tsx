'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Fetches the steps each answer leads to as soon as a step is shown, rather
 * than when its links scroll into view: on a phone the answers sit below
 * the guidance, and the next step should appear the moment one is chosen.
 */
export function PrefetchAnswers({ hrefs }: { hrefs: string[] }) {
  const router = useRouter();
  const key = hrefs.join(' ');
  useEffect(() => {
    for (const href of key.split(' ')) router.prefetch(href);
  }, [key, router]);
  return null;
}
