'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After an answer, move keyboard and screen-reader focus to the new step's
 * heading, as a full page load would. Not on the first load: the browser
 * already starts at the top.
 */
export function FocusHeading() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    document.getElementById('step-title')?.focus();
  }, [pathname]);
  return null;
}
