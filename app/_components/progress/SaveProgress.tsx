'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { forgetProgress, saveProgress } from './saved-progress';

/** Remembers the step a person is on, so the home page can offer it back. */
export function SaveProgress({ version, title, finished }: { version: string; title: string; finished: boolean }) {
  const pathname = usePathname();
  useEffect(() => {
    if (finished) forgetProgress();
    else if (pathname.startsWith('/fix/')) saveProgress({ version, path: pathname, title, savedAt: Date.now() });
  }, [pathname, version, title, finished]);
  return null;
}
