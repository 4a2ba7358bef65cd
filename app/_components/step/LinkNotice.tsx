import type { Rejected } from '../../../machines/url-state';

/** Explains which parts of a mangled or tampered link were left out. */
export function LinkNotice({ rejected }: { rejected: Rejected[] }) {
  if (!rejected.length) return null;
  return (
    <div role="status" className="mb-6 rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm dark:bg-amber-950/40">
      <p className="font-semibold">Part of this link didn’t make sense, so we left it out.</p>
      <p className="mt-1">You’re at the furthest step the rest of the link reached. Nothing else was lost.</p>
      <ul className="mt-2 list-disc pl-5">
        {rejected.map((r, i) => (
          <li key={i}>
            <code className="break-all">{r.segment}</code>: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
