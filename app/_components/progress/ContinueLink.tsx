'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readProgress, type SavedProgress } from './saved-progress';

/** "Continue where you left off", when this browser has progress to offer. */
export function ContinueLink({ version }: { version: string }) {
  const [saved, setSaved] = useState<SavedProgress | null>(null);
  useEffect(() => setSaved(readProgress(version)), [version]);
  if (!saved) return null;
  return (
    <p className="mt-4 rounded-md bg-slate-100 px-4 py-3 dark:bg-slate-900">
      <Link href={saved.path} className="link font-medium">
        Continue where you left off: {saved.title}
      </Link>
    </p>
  );
}
