import type { Rejected } from '@/machines/url-state';

/**
 * A part of a link is shown back only when it looks like one of ours; a
 * sentence slipped into a link ("your site was hacked, call…") is not
 * repeated on our page.
 */
const showable = /^[A-Za-z0-9=.+%<>'"()-]{1,80}…?$/;

/** Explains which parts of a mangled or tampered link were left out, and old names that were understood. */
export function LinkNotice({ rejected, notes = [] }: { rejected: Rejected[]; notes?: string[] }) {
  if (!rejected.length && !notes.length) return null;
  if (!rejected.length) {
    return (
      <div role="status" className="mb-6 rounded border-l-4 border-blue-700 bg-blue-50 px-4 py-3 text-sm dark:border-blue-400 dark:bg-blue-950/40">
        <p className="font-semibold">This link is from an earlier version of the troubleshooter.</p>
        <ul className="mt-1 list-disc pl-5">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="status" className="mb-6 rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm dark:bg-amber-950/40">
      <p className="font-semibold">Part of this link didn’t make sense, so we left it out.</p>
      <p className="mt-1">You’re at the furthest step the rest of the link reached. Nothing else was lost.</p>
      {notes.map((n) => (
        <p key={n} className="mt-1">
          {n}
        </p>
      ))}
      <ul className="mt-2 list-disc pl-5">
        {rejected.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for one page, whose parts may repeat
          <li key={i}>
            {showable.test(r.segment) ? <code className="break-all">{r.segment}</code> : `Part ${i + 1}`}: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
