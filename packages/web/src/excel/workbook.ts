import type ExcelJS from 'exceljs';

/**
 * exceljs, the library the CLI reads and writes XLSX with (`packages/cli/src/input/workbook.ts`), loaded
 * on first use: its browser build is large (~0.9 MB) and only an export or an import needs it, so it is
 * its own chunk and never slows a page's first load.
 */
async function loadExcel(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return module.default ?? module;
}

/** What an exported table carries above its header row: a clerk files it, so it says what and when. */
export interface TableSheet {
  /** The table's title, the sheet's first row (and the sheet's name). */
  title: string;
  /** Label → value lines under the title: unit, period, data as of. */
  meta: ReadonlyArray<readonly [label: string, value: string]>;
  headers: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>;
}

/**
 * One sheet as an XLSX file: the title row (bold, merged over the table's width), the meta lines, a blank
 * row, then the header row (bold, frozen) and the rows exactly as given.
 * @example await writeTableWorkbook({ title: '本辖区社工站', meta: [['单位', '金水区']], headers: ['站点名称'], rows: [['经八路街道社工站']] })
 */
export async function writeTableWorkbook(sheet: TableSheet): Promise<Blob> {
  return writeTableWorkbooks([sheet]);
}

/**
 * Several sheets in one XLSX file, each laid out as `writeTableWorkbook` lays out one (an import template:
 * the sheet to fill, then the notes with the allowed values). `textColumns` (0-based) are formatted as
 * text, so Excel keeps an 18-digit ID number typed into them as written.
 */
export async function writeTableWorkbooks(
  sheets: ReadonlyArray<TableSheet & { textColumns?: readonly number[] }>,
): Promise<Blob> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  const names = new Set<string>();
  for (const sheet of sheets) {
    // Sheet names are at most 31 characters and may not hold []:*?/\ (Excel's own rule), and are unique.
    let name = sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
    while (names.has(name)) name = `${name.slice(0, 29)}${names.size + 1}`;
    names.add(name);
    const ws = workbook.addWorksheet(name);
    const width = Math.max(sheet.headers.length, 1);
    ws.addRow([sheet.title]).font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, width);
    for (const [label, value] of sheet.meta) ws.addRow([`${label}：${value}`]);
    ws.addRow([]);
    const header = ws.addRow([...sheet.headers]);
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of sheet.rows) ws.addRow(row.map((cell) => cell ?? null));
    sheet.headers.forEach((title, i) => {
      const longest = Math.max(
        displayWidth(title),
        ...sheet.rows.map((row) => displayWidth(String(row[i] ?? ''))),
      );
      const column = ws.getColumn(i + 1);
      column.width = Math.min(Math.max(longest + 2, 8), 60);
      if (sheet.textColumns?.includes(i)) column.numFmt = '@';
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** A CJK character takes two columns in Excel's width unit. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/** One data row of an uploaded sheet: its row number as Excel shows it and its cells by header. */
export interface SheetRow {
  row: number;
  values: Record<string, unknown>;
}

/** The first sheet of an upload: the header row found, the headers as written, the rows under it. */
export interface UploadedSheet {
  sheetName: string;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

/**
 * Reads the first sheet of an XLSX upload. The header row is the first row naming at least two of
 * `knownHeaders` (so a sheet exported with a title block above its table reads too); rows below it are
 * keyed by header, empty rows skipped, empty cells absent. Returns null when no such row exists.
 * @throws Error when the file is not a readable XLSX
 */
export async function readUploadedSheet(
  data: ArrayBuffer,
  knownHeaders: ReadonlySet<string>,
): Promise<UploadedSheet | null> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(data);
  const ws = workbook.worksheets[0];
  if (!ws) return null;
  let headerRow = 0;
  const headers: string[] = [];
  ws.eachRow((row, number) => {
    if (headerRow) return;
    const names: string[] = [];
    row.eachCell((cell, col) => {
      names[col] = String(plain(cell.value) ?? '').trim();
    });
    if (names.filter((n) => knownHeaders.has(n)).length >= 2) {
      headerRow = number;
      headers.push(...names);
    }
  });
  if (!headerRow) return null;
  const rows: SheetRow[] = [];
  ws.eachRow((row, number) => {
    if (number <= headerRow) return;
    const values: Record<string, unknown> = {};
    row.eachCell((cell, col) => {
      const header = headers[col];
      const value = plain(cell.value);
      if (header && value !== undefined) values[header] = value;
    });
    if (Object.keys(values).length > 0) rows.push({ row: number, values });
  });
  return { sheetName: ws.name, headerRow, headers: headers.filter(Boolean), rows };
}

/** A cell as plain data: dates as ISO dates, formulas as their result, rich text as its text (as the CLI reads). */
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

/** Hands a file to the browser's download (an object URL on a temporary link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
