import type { Period } from './period';
import type { Store } from './types';

/**
 * The stored rows of one table for a period, as CSV (RFC 4180). Sorted by
 * day and fields, never by the order rows came in, which would tell more
 * than the day does.
 */

export const exportTables = {
  outcomes: {
    columns: ['day', 'machine_version', 'ending', 'fixed_by', 'tried', 'tried_count', 'path', 'error_page', 'cf_code', 'found', 'checked'],
    order: 'day, ending, fixed_by, path, machine_version',
  },
  steps: { columns: ['day', 'step', 'from_step', 'machine_version', 'views', 'starts'], order: 'day, step, from_step, machine_version', table: 'step_views' },
  helpful: { columns: ['day', 'ending', 'fixed_by', 'answer', 'votes', 'machine_version'], order: 'day, ending, fixed_by, answer, machine_version' },
} as const;

export type ExportTable = keyof typeof exportTables;

export function isExportTable(value: unknown): value is ExportTable {
  return typeof value === 'string' && Object.hasOwn(exportTables, value);
}

/** One cell: quoted when it must be, and a leading = + - @ made inert, so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function exportCsv(store: Store, table: ExportTable, period: Period): Promise<string> {
  const spec = exportTables[table];
  const name = 'table' in spec ? spec.table : table;
  const rows = await store.query<Record<string, unknown>>(`SELECT ${spec.columns.join(', ')} FROM ${name} WHERE day BETWEEN ? AND ?`, [period.from, period.to]);
  // Sorted here, by code point: PostgreSQL's ORDER BY follows the database's collation, SQLite's the bytes, and both stores must export alike.
  const keys = spec.order.split(', ');
  rows.sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [String(a[key]), String(b[key])];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const lines = [spec.columns.join(','), ...rows.map((row) => spec.columns.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
