'use client';

import { useEffect } from 'react';
import { forgetProgress, saveProgress } from './saved-progress';

/**
 * Remembers the step a person is on, so the home page can offer it back. It
 * stores the step's clean address, so a mangled link never replaces good progress.
 */
export function SaveProgress({ version, path, title, finished }: { version: string; path: string; title: string; finished: boolean }) {
  useEffect(() => {
    if (finished) forgetProgress();
    else if (path.startsWith('/fix/')) saveProgress({ version, path, title, savedAt: Date.now() });
  }, [path, version, title, finished]);
  return null;
}
