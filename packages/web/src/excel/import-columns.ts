import type { Locale } from '../format.ts';
import { serverMessage } from '../server-messages.ts';
import type { SheetRow } from './workbook.ts';

/**
 * How an import sheet's cells become a write's input, one description per kind of import (stations,
 * resident workers, service records): each column's field, its headers, and how its cell reads. Nothing is
 * validated here: the server's dry run checks each row with the schema the write uses, so there is one set
 * of rules. A cell that does not read as its kind goes on as written, and the server's error names it.
 */

/** A code a cell may hold, with its labels: a cell may hold the code or either label. */
export interface ImportOption {
  code: string;
  zh: string;
  en: string;
}

/**
 * How a cell reads:
 * - `text`: as written; a number typed into it (a region code) as its digits;
 * - `date`: an ISO day; `2026/3/5`, `2026.3.5`, `2026年3月5日` and Excel's serial day numbers are turned into
 *   `2026-03-05`, a date cell already is one;
 * - `integer`, `number`: a number; text that is one (`"12"`, `"1,200"`) too;
 * - `boolean`: 是/否, yes/no, true/false, 1/0, Y/N;
 * - `enum`: one code of `options`, by code or label;
 * - `list`: codes of `options` separated by 、，,；; or spaces, each by code or label.
 */
export type CellKind = 'text' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'list';

/** One column of an import sheet. */
export interface ImportColumn {
  /** The input field it fills; a dotted path fills a nested object (`certificate.level`). */
  field: string;
  /** The header the template writes; the English header and the field itself are accepted too. */
  zh: string;
  en: string;
  kind: CellKind;
  options?: readonly ImportOption[];
  /** The template's notes say the column must be filled. */
  required?: boolean;
  /** What the template's notes say about the column, beyond its allowed values. */
  note?: { zh: string; en: string };
}

/** A cell under its header: what the sheet says, for the person who wrote it. */
export interface ImportProblem {
  /** The row number as Excel shows it (0: the sheet as a whole). */
  row: number;
  /** The column's header as written in the sheet (or the template's, when the sheet lacks the column). */
  column: string;
  message: string;
}

/** The sheet's rows turned into inputs, in order, each remembering its sheet row. */
export interface SheetItems {
  items: Array<Record<string, unknown>>;
  /** `sheetRows[i]`: the Excel row number of `items[i]`. */
  sheetRows: number[];
  /** field → the header the sheet used for it. */
  headerOf: Map<string, string>;
  /** Headers in the sheet the import does not know. */
  unknownHeaders: string[];
}

/** Every header the columns recognise, in any of their spellings. */
export function headersOf(columns: readonly ImportColumn[]): ReadonlySet<string> {
  return new Set(columns.flatMap((c) => [c.zh, c.en, c.field]));
}

/**
 * The sheet's rows as inputs: each known column's cell under its field (nested for a dotted field), read
 * as its kind; empty cells left out, so a field the sheet leaves empty is absent (and its default applies).
 * @example itemsFromSheet(columns, ['站点编号', '服务日期'], [{ row: 2, values: { 站点编号: 'st-1', 服务日期: '2026/3/5' } }])
 * // { items: [{ stationId: 'st-1', date: '2026-03-05' }], sheetRows: [2], … }
 */
export function itemsFromSheet(
  columns: readonly ImportColumn[],
  headers: readonly string[],
  rows: readonly SheetRow[],
): SheetItems {
  const columnOf = new Map<string, ImportColumn>();
  const headerOf = new Map<string, string>();
  const unknownHeaders: string[] = [];
  for (const header of headers) {
    const column = columns.find((c) => c.zh === header || c.en === header || c.field === header);
    if (!column) unknownHeaders.push(header);
    else if (!headerOf.has(column.field)) {
      columnOf.set(header, column);
      headerOf.set(column.field, header);
    }
  }
  const items = rows.map((row) => {
    const item: Record<string, unknown> = {};
    for (const [header, value] of Object.entries(row.values)) {
      const column = columnOf.get(header);
      if (column) setPath(item, column.field, readCell(column, value));
    }
    return item;
  });
  return { items, sheetRows: rows.map((r) => r.row), headerOf, unknownHeaders };
}

function setPath(item: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let target = item;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      target[key] = created;
      target = created;
    }
  }
  target[keys.at(-1) ?? field] = value;
}

/** One cell read as its column's kind; what does not read goes on as written. */
export function readCell(column: ImportColumn, value: unknown): unknown {
  switch (column.kind) {
    case 'text':
      return typeof value === 'number' ? String(value) : value;
    case 'date':
      return readDate(value);
    case 'integer':
    case 'number':
      return readNumber(value);
    case 'boolean':
      return readBoolean(value);
    case 'enum':
      return typeof value === 'string' ? (optionCode(column.options ?? [], value) ?? value) : value;
    case 'list': {
      if (typeof value !== 'string') return typeof value === 'number' ? [String(value)] : value;
      return value
        .split(/[、，,；;\s]+/)
        .filter(Boolean)
        .map((part) => optionCode(column.options ?? [], part) ?? part);
    }
  }
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** Day 0 of Excel's serial day numbers (1900 system, past its phantom 29 February 1900). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function readDate(value: unknown): unknown {
  // A date cell formatted as a number: 46000 is 2025-12-09. Only plausible days (1954–2173) are read so.
  if (typeof value === 'number' && Number.isInteger(value) && value > 20_000 && value < 100_000)
    return new Date(EXCEL_EPOCH + value * 86_400_000).toISOString().slice(0, 10);
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : value;
  const match = YMD.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  return `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
}

function readNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const plain = value.replace(/[,，\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
}

const TRUE = new Set(['是', 'yes', 'y', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', 'no', 'n', 'false', '0', '×', '✗']);

function readBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return value;
}

function optionCode(options: readonly ImportOption[], text: string): string | undefined {
  const wanted = text.trim();
  const lower = wanted.toLowerCase();
  return options.find(
    (o) =>
      o.code === wanted || o.zh === wanted || o.en.toLowerCase() === lower || o.code.toLowerCase() === lower,
  )?.code;
}

/** One row's refusal as the server gives it: the row's position in the batch sent, each error's field path. */
export interface RowErrors {
  index: number;
  errors: ReadonlyArray<{ path: string; message: string; code?: string; issue?: Record<string, unknown> }>;
}

/**
 * The server's refusals as the sheet's words: the Excel row number and the column header the sheet uses
 * for the field the server named. A path is read under its row (`items[3].` and `records[3].` are cut off):
 * `certificate.passedOn` names that column, `populations[1]` the populations column; a field the sheet has
 * no column for is named by the template's header, the row itself by "—". `offset` is the position in the
 * sheet of the batch's first row (a sheet sent in several calls). The message is in `locale`
 * (`serverMessage`: the Chinese a clerk reads, the services' English otherwise).
 */
export function problemsOf(
  columns: readonly ImportColumn[],
  checks: readonly RowErrors[],
  rows: Pick<SheetItems, 'sheetRows' | 'headerOf'>,
  offset = 0,
  locale: Locale = 'en',
): ImportProblem[] {
  return checks.flatMap((check) =>
    check.errors.map((error) => {
      const path = error.path.replace(/^(items|records)\[\d+\]\.?/, '');
      const column = columnOfPath(columns, path);
      return {
        row: rows.sheetRows[offset + check.index] ?? 0,
        column: column ? (rows.headerOf.get(column.field) ?? column.zh) : path || '—',
        message: serverMessage(error, locale),
      };
    }),
  );
}

/** The column whose field is the longest prefix of `path` (`certificate.level` before `certificate`). */
function columnOfPath(columns: readonly ImportColumn[], path: string): ImportColumn | undefined {
  let best: ImportColumn | undefined;
  for (const column of columns) {
    const f = column.field;
    const covers = path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`);
    if (covers && (!best || f.length > best.field.length)) best = column;
  }
  // `certificate` (a refusal of the whole object) names its first column.
  return best ?? columns.find((c) => path !== '' && c.field.startsWith(`${path}.`));
}

/**
 * A 106-bit hash of a text (two 53-bit cyrb53 hashes), as 27 base-36 digits: the same text always gives
 * the same digits, in any browser, secure context or not (`crypto.subtle` needs one). Used for idempotency
 * keys and record ids, not for secrets.
 */
export function textHash(text: string): string {
  return `${cyrb53(text, 0x9e3779b1).toString(36).padStart(11, '0')}${cyrb53(text, 0x85ebca77)
    .toString(36)
    .padStart(11, '0')}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `[0, n)` cut into consecutive ranges of at most `size`: the calls a sheet is sent in. */
export function chunksOf(n: number, size: number): Array<{ from: number; to: number }> {
  const chunks: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < n; from += size) chunks.push({ from, to: Math.min(n, from + size) });
  return chunks;
}
