import Table from 'cli-table3';

export type OutputFormat = 'table' | 'json';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | undefined;
}

/** Writes rows as a readable table (default) or as JSON (`--format json`), which prints `json` as is. */
export function printRows<T>(
  format: OutputFormat,
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
  json: unknown = rows,
  write: (text: string) => void = (text) => process.stdout.write(text),
): void {
  if (format === 'json') {
    write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    write('(none)\n');
    return;
  }
  const table = new Table({
    head: columns.map((c) => c.header),
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(columns.map((c) => String(c.value(row) ?? '')));
  write(`${table.toString()}\n`);
}
