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
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('step-title')?.focus();
  }, [pathname]);
  return null;
}
