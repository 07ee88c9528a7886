import { OPERATOR_MESSAGES } from '../operators/messages.ts';
import { headersOf, type ImportColumn, type ImportOption, textHash } from './import-columns.ts';
import { optionsFromMessages } from './station-import.ts';

/**
 * The service records import sheet: each column the `ServiceRecordSchema` field (@shegong/contracts) it
 * fills — the station, the local catalog and its item, the target populations, the kind (个案, 小组, 社区活动,
 * 探访), the day, beneficiaries, hours and volunteers. The record ID may be left empty: the import then
 * names each row by its content (`recordIdsFor`), so the same sheet uploaded twice names the same records
 * and reporting counts them once. The populations column reads the codes and labels it is given: the
 * gateway's `catalog.populations` (`populationOptions`), so the browser keeps no copy of the list.
 * @example recordImportColumns(populationOptions(reference))
 */
export function recordImportColumns(populations: readonly ImportOption[]): readonly ImportColumn[] {
  return RECORD_COLUMNS.map((c) => (c.field === 'populations' ? { ...c, options: populations } : c));
}

const RECORD_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'id',
    zh: '记录编号',
    en: 'Record ID',
    kind: 'text',
    note: {
      zh: '同一站点内唯一；可留空，由导入按行内容生成，同一张表重复上传不会重复计数',
      en: 'Unique within a station; may be left empty: the import derives it from the row, so uploading the same sheet again does not count it twice',
    },
  },
  { field: 'stationId', zh: '站点编号', en: 'Station ID', kind: 'text', required: true },
  {
    field: 'catalogId',
    zh: '服务目录',
    en: 'Catalog',
    kind: 'text',
    required: true,
    note: { zh: '目录编号，见“服务项目”表', en: 'The catalog’s ID, see the items sheet' },
  },
  {
    field: 'itemRef',
    zh: '服务项目',
    en: 'Catalog item',
    kind: 'text',
    required: true,
    note: {
      zh: '目录项编号（如 1.3），见“服务项目”表；可写成“1.3 资源链接”',
      en: 'The item’s number (e.g. 1.3), see the items sheet; “1.3 资源链接” reads too',
    },
  },
  {
    field: 'populations',
    zh: '服务对象',
    en: 'Populations',
    kind: 'list',
    note: {
      zh: '代码或名称，多个用“、”分隔；面向全体居民的活动可留空',
      en: 'Codes or names separated by “、”; may be empty for an activity open to everyone',
    },
  },
  {
    field: 'kind',
    zh: '服务方式',
    en: 'Kind',
    kind: 'enum',
    options: optionsFromMessages(OPERATOR_MESSAGES, 'records.kind.'),
    required: true,
  },
  {
    field: 'date',
    zh: '服务日期',
    en: 'Date',
    kind: 'date',
    required: true,
    note: { zh: '如 2026-11-05', en: 'e.g. 2026-11-05' },
  },
  { field: 'beneficiaries', zh: '受益人次', en: 'Beneficiaries', kind: 'integer', required: true },
  {
    field: 'hours',
    zh: '服务时长（小时）',
    en: 'Hours',
    kind: 'number',
    required: true,
    note: { zh: '最多两位小数', en: 'At most 2 decimal places' },
  },
  { field: 'volunteers', zh: '志愿者人次', en: 'Volunteers', kind: 'integer', required: true },
];

/** Every header the records import recognises, in any of its spellings (the same whatever the options). */
export const RECORD_IMPORT_HEADERS: ReadonlySet<string> = headersOf(RECORD_COLUMNS);

/** The template's example row by field: a case at 金水区's first station under Zhengzhou's catalog. */
export const RECORD_TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = {
  id: '',
  stationId: 'st-410105001',
  catalogId: 'zz-2021',
  itemRef: '1.3 资源链接',
  populations: '最低生活保障对象、特困人员',
  kind: '个案',
  date: '2026-11-05',
  beneficiaries: '2',
  hours: '1.5',
  volunteers: '0',
};

/**
 * The records as reporting takes them: the item's number alone (`1.3 资源链接` → `1.3`; a WH core item's
 * name-based ref has no space and stays whole), and every row without a record ID given one from its
 * content — its station, item, populations, kind, day and figures, and how many identical rows came before
 * it in the sheet (two identical visits on a day are two records). The same row in a later upload gets the
 * same ID, so reporting refuses it as ingested before instead of counting it twice.
 * @example recordIdsFor([{ stationId: 'st-1', itemRef: '1.3 资源链接', … }])[0].id // 'x-…'
 */
export function recordIdsFor(items: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  const seen = new Map<string, number>();
  return items.map((raw) => {
    const item = { ...raw };
    if (typeof item.itemRef === 'string') item.itemRef = item.itemRef.split(/\s+/)[0] ?? item.itemRef;
    if (item.id === undefined || item.id === '') {
      const content = JSON.stringify([
        item.stationId,
        item.catalogId,
        item.itemRef,
        item.populations,
        item.kind,
        item.date,
        item.beneficiaries,
        item.hours,
        item.volunteers,
      ]);
      const n = seen.get(content) ?? 0;
      seen.set(content, n + 1);
      item.id = `x-${textHash(`${content}#${n}`)}`;
    }
    return item;
  });
}

/**
 * The idempotency key of one call of an upload: the hash of the records it sends. Sending the same records
 * again (a retry after a lost answer, the same sheet uploaded twice) sends the same key, and reporting
 * answers the first call's result and writes nothing [ingest: `idempotencyKey`].
 */
export function idempotencyKeyOf(records: ReadonlyArray<Record<string, unknown>>): string {
  return `xlsx-${textHash(JSON.stringify(records))}-${records.length}`;
}
