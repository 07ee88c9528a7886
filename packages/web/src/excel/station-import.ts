import type { Dictionaries } from '../i18n.tsx';
import { STATION_MESSAGES } from '../stations/messages.ts';
import {
  headersOf,
  type ImportColumn,
  type ImportOption,
  type ImportProblem,
  itemsFromSheet,
  problemsOf as problemsOfColumns,
  type SheetItems,
} from './import-columns.ts';
import type { SheetRow } from './workbook.ts';

export type { ImportProblem };

/** The codes under a message-key prefix (`type.`, `status.`) with their labels in both languages. */
export function optionsFromMessages(messages: Dictionaries, prefix: string): ImportOption[] {
  return Object.entries(messages['zh-CN'])
    .filter(([key]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.'))
    .map(([key, zh]) => ({ code: key.slice(prefix.length), zh, en: messages.en[key] ?? key }));
}

/**
 * The stations import sheet: each column the `StationInputSchema` field (@shegong/contracts) it fills,
 * its header Chinese as the template writes it; the English header and the field name are accepted too;
 * type and status by code or label. Facilities are left out on purpose: an upsert replaces the whole
 * facilities record, so a sheet with only areas would wipe the station's rooms and equipment.
 */
export const STATION_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'id', zh: '站点编号', en: 'Station ID', kind: 'text', required: true },
  { field: 'name', zh: '站点名称', en: 'Name', kind: 'text', required: true },
  { field: 'regionCode', zh: '区划代码', en: 'Region code', kind: 'text', required: true },
  {
    field: 'type',
    zh: '站点类型',
    en: 'Type',
    kind: 'enum',
    options: optionsFromMessages(STATION_MESSAGES, 'type.'),
    required: true,
  },
  {
    field: 'status',
    zh: '状态',
    en: 'Status',
    kind: 'enum',
    options: optionsFromMessages(STATION_MESSAGES, 'status.'),
  },
  { field: 'projectStartOn', zh: '项目实施日', en: 'Project start', kind: 'date' },
  { field: 'operatorId', zh: '承接机构编号', en: 'Operator ID', kind: 'text' },
  { field: 'communityName', zh: '村（社区）名称', en: 'Village or community', kind: 'text' },
];

/** Every header the import recognises, in any of its spellings. */
export const STATION_IMPORT_HEADERS: ReadonlySet<string> = headersOf(STATION_IMPORT_COLUMNS);

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

/** The sheet's rows turned into station inputs, in order, each remembering its sheet row. */
export type StationRows = SheetItems;

/**
 * The sheet's rows as `StationInputSchema` inputs: each known column's cell under its field, enum labels
 * turned into their codes, numbers typed into text columns (a region code typed as a number) as text,
 * empty cells left out (`itemsFromSheet` with the stations' columns).
 */
export function stationRowsFromSheet(headers: readonly string[], rows: readonly SheetRow[]): StationRows {
  return itemsFromSheet(STATION_IMPORT_COLUMNS, headers, rows);
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
  return problemsOfColumns(STATION_IMPORT_COLUMNS, checks, rows);
}
