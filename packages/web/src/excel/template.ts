import type { ImportColumn } from './import-columns.ts';
import { catalogItemsOf, type ImportReference } from './reference.ts';
import type { TableSheet } from './workbook.ts';

/** A sheet of a template workbook (`writeTableWorkbooks`). */
export type TemplateSheet = TableSheet & { textColumns?: readonly number[] };

/**
 * An import's template: the sheet to fill — its headers as the import reads them and one example row —
 * then 填写说明, every column with its English header, whether it must be filled, what to write and its
 * allowed values (code and labels), then any code lists the kind adds (`extra`). Every text column is
 * formatted as text, so Excel keeps codes and ID numbers as typed.
 * @example templateSheets('导入驻站社工', WORKER_IMPORT_COLUMNS, WORKER_TEMPLATE_EXAMPLE)
 */
export function templateSheets(
  title: string,
  columns: readonly ImportColumn[],
  example: Readonly<Record<string, string>>,
  extra: readonly TemplateSheet[] = [],
): TemplateSheet[] {
  const notes: TemplateSheet = {
    title: '填写说明 Notes',
    meta: [['说明', '第一张工作表每行一条；表头可用中文或英文列名；日期写成 2026-11-05']],
    headers: ['列名', 'Column', '必填 Required', '填写说明 Notes', '可选值 Allowed values'],
    rows: columns.map((c) => [
      c.zh,
      c.en,
      c.required ? '是 yes' : '否 no',
      c.note ? `${c.note.zh}（${c.note.en}）` : kindNote(c),
      (c.options ?? []).map((o) => `${o.code} ${o.zh}`).join('；') || (c.kind === 'boolean' ? '是 / 否' : ''),
    ]),
  };
  return [
    {
      title,
      meta: [],
      headers: columns.map((c) => c.zh),
      rows: [columns.map((c) => example[c.field] ?? '')],
      textColumns: columns.flatMap((c, i) => (c.kind === 'text' ? [i] : [])),
    },
    notes,
    ...extra,
  ];
}

function kindNote(column: ImportColumn): string {
  switch (column.kind) {
    case 'date':
      return '日期，如 2026-11-05（date）';
    case 'integer':
      return '整数（whole number）';
    case 'number':
      return '数字（number）';
    case 'enum':
      return '代码或名称（a code or its name）';
    case 'list':
      return '代码或名称，多个用“、”分隔（codes or names separated by 、）';
    default:
      return '';
  }
}

/**
 * The code lists a service-records sheet is written with, from the gateway's reference data: every item
 * of every catalog the county's stations may record under (`catalog.covering`: its city's, then its
 * province's — reporting accepts a record under any catalog issued on the station's region path [ZZ §3])
 * and the target population codes (`catalog.populations`).
 */
export function recordCodeSheets(reference: ImportReference): TemplateSheet[] {
  const catalogs = reference.catalogs.map((c) => `${c.id} ${c.title}`).join('；') || '无 none';
  return [
    {
      title: '服务项目 Catalog items',
      meta: [['适用', `区划 ${reference.regionCode} 所属市、省印发的服务目录 [ZZ §3]：${catalogs}`]],
      headers: ['服务目录', '目录名称', '目录项编号', '服务领域', '服务项目'],
      rows: catalogItemsOf(reference).map((i) => [i.catalogId, i.catalogTitle, i.ref, i.domain, i.item]),
      textColumns: [0, 2],
    },
    {
      title: '服务对象 Populations',
      meta: [],
      headers: ['代码 Code', '名称', 'Name'],
      rows: reference.populations.map((p) => [p.code, p.label.zh, p.label.en]),
    },
  ];
}
