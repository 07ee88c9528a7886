import ExcelJS from 'exceljs';
import { InputError } from './input-error.ts';

/** One data row of a sheet: its 1-based row number and its cells by header name. */
export interface SheetRow {
  row: number;
  values: Record<string, unknown>;
}

export type Workbook = Record<string, SheetRow[]>;

/** A cell value as plain data: dates become ISO dates, formulas their result, rich text its text. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return value.text;
    if ('error' in value) return undefined;
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return value;
}

/**
 * Reads an XLSX file into sheets of rows keyed by the header row's names. Empty rows are skipped; an empty
 * cell is absent from `values`.
 * @throws InputError naming the file when it is not a readable XLSX
 */
export async function readWorkbook(file: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new InputError(file, [
      { field: '', message: `not a readable .xlsx file (${(error as Error).message})` },
    ]);
  }
  const sheets: Workbook = {};
  workbook.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => {
      headers[col] = String(plain(cell.value) ?? '').trim();
    });
    const rows: SheetRow[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, unknown> = {};
      row.eachCell((cell, col) => {
        const header = headers[col];
        const value = plain(cell.value);
        if (header && value !== undefined) values[header] = value;
      });
      if (Object.keys(values).length > 0) rows.push({ row: rowNumber, values });
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

/**
 * Writes sheets of plain rows to an XLSX file (header from the first row's keys, in order of first
 * appearance). Used for the worked examples and by tests.
 */
export async function writeWorkbook(
  file: string,
  sheets: Record<string, Array<Record<string, unknown>>>,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
  }
  await workbook.xlsx.writeFile(file);
}
