import { STATION_MESSAGES } from '../stations/messages.ts';
import type { SheetRow } from './workbook.ts';

/**
 * One column of the stations import sheet: the `StationInputSchema` field (@shegong/contracts) it fills
 * and its header, Chinese as the template writes it; the English header and the field name are accepted
 * too. Facilities are left out on purpose: an upsert replaces the whole facilities record, so a sheet
 * with only areas would wipe the station's rooms and equipment.
 */
export interface ImportColumn {
  field: 'id' | 'name' | 'regionCode' | 'type' | 'status' | 'projectStartOn' | 'operatorId' | 'communityName';
  zh: string;
  en: string;
  /** `enum` cells may hold the code or its label in either language (`township-station`, `乡镇（街道）社工站`). */
  kind: 'text' | 'date' | 'enum';
  /** The message-key prefix of an enum's labels (`type.`, `status.`). */
  labels?: string;
}

export const STATION_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'id', zh: '站点编号', en: 'Station ID', kind: 'text' },
  { field: 'name', zh: '站点名称', en: 'Name', kind: 'text' },
  { field: 'regionCode', zh: '区划代码', en: 'Region code', kind: 'text' },
  { field: 'type', zh: '站点类型', en: 'Type', kind: 'enum', labels: 'type.' },
  { field: 'status', zh: '状态', en: 'Status', kind: 'enum', labels: 'status.' },
  { field: 'projectStartOn', zh: '项目实施日', en: 'Project start', kind: 'date' },
  { field: 'operatorId', zh: '承接机构编号', en: 'Operator ID', kind: 'text' },
  { field: 'communityName', zh: '村（社区）名称', en: 'Village or community', kind: 'text' },
];

/** Every header the import recognises, in any of its spellings. */
export const STATION_IMPORT_HEADERS: ReadonlySet<string> = new Set(
  STATION_IMPORT_COLUMNS.flatMap((c) => [c.zh, c.en, c.field]),
);

/** The template's example row: a township station of 金水区 (the county console's demo county). */
export const STATION_TEMPLATE_EXAMPLE: readonly string[] = [
  'st-410105099',
  '示例街道社会工作服务站',
  '410105001',
  '乡镇（街道）社工站',
  '规划中',
  '2026-01-01',
  '',
  '',
];

/** A cell under its header: what the sheet says, for the person who wrote it. */
export interface ImportProblem {
  /** The row number as Excel shows it. */
  row: number;
  /** The column's header as written in the sheet (or the template's, when the sheet lacks the column). */
  column: string;
  message: string;
}

/** The sheet's rows turned into station inputs, in order, each remembering its sheet row. */
export interface StationRows {
  items: Array<Record<string, unknown>>;
  /** `sheetRows[i]`: the Excel row number of `items[i]`. */
  sheetRows: number[];
  /** field → the header the sheet used for it. */
  headerOf: Map<string, string>;
  /** Headers in the sheet the import does not know. */
  unknownHeaders: string[];
}

/**
 * The sheet's rows as `StationInputSchema` inputs: each known column's cell under its field, enum labels
 * turned into their codes, numbers typed into text columns (a region code typed as a number) as text,
 * empty cells left out. Nothing is validated here: the server's dry run checks each row with the schema
 * the write uses, so there is one set of rules.
 */
export function stationRowsFromSheet(headers: readonly string[], rows: readonly SheetRow[]): StationRows {
  const columnOf = new Map<string, ImportColumn>();
  const headerOf = new Map<string, string>();
  const unknownHeaders: string[] = [];
  for (const header of headers) {
    const column = STATION_IMPORT_COLUMNS.find((c) => [c.zh, c.en, c.field].includes(header));
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
      if (column) item[column.field] = cellValue(column, value);
    }
    return item;
  });
  return { items, sheetRows: rows.map((r) => r.row), headerOf, unknownHeaders };
}

function cellValue(column: ImportColumn, value: unknown): unknown {
  const text = typeof value === 'number' ? String(value) : value;
  if (column.kind !== 'enum' || typeof text !== 'string' || !column.labels) return text;
  return enumCode(column.labels, text) ?? text;
}

/** `乡镇（街道）社工站` or `Township station` → `township-station`, from the station messages. */
function enumCode(prefix: string, label: string): string | undefined {
  for (const messages of [STATION_MESSAGES['zh-CN'], STATION_MESSAGES.en]) {
    for (const [key, text] of Object.entries(messages)) {
      if (key.startsWith(prefix) && (text === label || key.slice(prefix.length) === label))
        return key.slice(prefix.length);
    }
  }
  return undefined;
}

/** A row's verdict from the dry run (`registry.stations.upsertMany` with `dryRun: true`). */
export interface RowCheck {
  index: number;
  errors: ReadonlyArray<{ path: string; code: string; message: string }>;
}

/**
 * The dry run's refusals as the sheet's words: the Excel row number and the column header the sheet uses
 * for the field the server named (`regionCode` → `区划代码`); a field the sheet has no column for is named
 * by the template's header, the row itself by "—".
 */
export function problemsOf(
  checks: readonly RowCheck[],
  rows: Pick<StationRows, 'sheetRows' | 'headerOf'>,
): ImportProblem[] {
  return checks.flatMap((check) =>
    check.errors.map((error) => {
      const field = error.path.split(/[.[]/)[0] ?? '';
      const template = STATION_IMPORT_COLUMNS.find((c) => c.field === field)?.zh;
      return {
        row: rows.sheetRows[check.index] ?? 0,
        column: rows.headerOf.get(field) ?? template ?? (field || '—'),
        message: error.message,
      };
    }),
  );
}
