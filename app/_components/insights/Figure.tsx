/**
 * One chart and the table behind it. The drawing is hidden from screen
 * readers; the table, right after it, carries every number in words, for
 * them and for anyone who wants the figures (it starts open, and folds).
 */
export function Figure({ id, caption, chart, table }: { id: string; caption: string; chart: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="mt-4">
      <figcaption id={`${id}-caption`} className="font-medium">
        {caption}
      </figcaption>
      <div aria-hidden="true" className="mt-3">
        {chart}
      </div>
      <details open className="mt-3 rounded border border-slate-300 dark:border-slate-700">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
          The figures as a table<span className="sr-only">: {caption}</span>
        </summary>
        {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
        <div className="overflow-x-auto border-t border-slate-200 dark:border-slate-800" tabIndex={0} role="region" aria-label={`${caption}: the figures`}>
          {table}
        </div>
      </details>
    </figure>
  );
}

export interface Column {
  label: string;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

/** A plain data table: the first cell of each row is its header. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: (string | number)[][] }) {
  return (
    <table className="insights-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'text-right' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells], i) => (
          // Rows of one table have distinct first cells, but an index keeps React quiet if a label repeats.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never move
          <tr key={i}>
            <th scope="row">{head}</th>
            {cells.map((cell, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells never move
              <td key={j} className={columns[j + 1]?.numeric ? 'text-right tabular-nums' : undefined}>
                {typeof cell === 'number' ? cell.toLocaleString('en') : cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A label and its figures: "Fixed: 5", but "Is this your website? 10", with no colon after a question. */
export function labelled(label: string): string {
  return /[?!:.]$/.test(label) ? `${label} ` : `${label}: `;
}
