import { describe, expect, it } from 'vitest';
import {
  chunksOf,
  type ImportColumn,
  itemsFromSheet,
  problemsOf,
  readCell,
  textHash,
} from './import-columns.ts';

const col = (kind: ImportColumn['kind'], extra: Partial<ImportColumn> = {}): ImportColumn => ({
  field: 'f',
  zh: '列',
  en: 'Col',
  kind,
  ...extra,
});

describe('readCell', () => {
  it('reads dates in the spellings clerks type, and Excel serial days', () => {
    const date = col('date');
    expect(readCell(date, '2026/3/5')).toBe('2026-03-05');
    expect(readCell(date, '2026.11.5')).toBe('2026-11-05');
    expect(readCell(date, '2026年3月15日')).toBe('2026-03-15');
    expect(readCell(date, '2026-11-05')).toBe('2026-11-05');
    expect(readCell(date, 46_000)).toBe('2025-12-09');
    // Not a date: goes on as written, so the server's schema names the cell.
    expect(readCell(date, '下周三')).toBe('下周三');
    expect(readCell(date, '2026-13-40')).toBe('2026-13-40');
  });

  it('reads numbers, booleans, enums and lists, leaving what does not read as written', () => {
    expect(readCell(col('integer'), '1,200')).toBe(1200);
    expect(readCell(col('number'), '1.5')).toBe(1.5);
    expect(readCell(col('integer'), '三')).toBe('三');
    expect(readCell(col('boolean'), '是')).toBe(true);
    expect(readCell(col('boolean'), 'No')).toBe(false);
    expect(readCell(col('boolean'), '也许')).toBe('也许');
    const options = [
      { code: 'dibao', zh: '最低生活保障对象', en: 'Dibao recipients' },
      { code: 'orphan', zh: '孤儿', en: 'Orphans' },
    ];
    expect(readCell(col('enum', { options }), '孤儿')).toBe('orphan');
    expect(readCell(col('enum', { options }), 'orphans')).toBe('orphan');
    expect(readCell(col('list', { options }), '最低生活保障对象、orphan，外星人')).toEqual([
      'dibao',
      'orphan',
      '外星人',
    ]);
    expect(readCell(col('text'), 410105001)).toBe('410105001');
  });
});

describe('itemsFromSheet and problemsOf', () => {
  const columns: ImportColumn[] = [
    { field: 'id', zh: '编号', en: 'ID', kind: 'text' },
    { field: 'certificate.level', zh: '证书', en: 'Certificate', kind: 'text' },
    { field: 'certificate.passedOn', zh: '取证日期', en: 'Obtained on', kind: 'date' },
    { field: 'populations', zh: '服务对象', en: 'Populations', kind: 'list' },
  ];

  it('fills dotted fields as nested objects and leaves empty ones out', () => {
    const sheet = itemsFromSheet(
      columns,
      ['编号', 'Certificate', '取证日期', '备注'],
      [
        { row: 5, values: { 编号: 'a', Certificate: 'assistant', 取证日期: '2020/6/1' } },
        { row: 6, values: { 编号: 'b', 备注: 'x' } },
      ],
    );
    expect(sheet.items).toEqual([
      { id: 'a', certificate: { level: 'assistant', passedOn: '2020-06-01' } },
      { id: 'b' },
    ]);
    expect(sheet.unknownHeaders).toEqual(['备注']);
  });

  it('names a refusal by Excel row and the header the sheet used, whatever batch it came in', () => {
    const sheet = itemsFromSheet(
      columns,
      ['编号', 'Obtained on'],
      [10, 11, 12].map((row) => ({ row, values: { 编号: String(row) } })),
    );
    const problems = problemsOf(
      columns,
      [
        {
          index: 0,
          errors: [
            { path: 'records[0].certificate.passedOn', message: 'bad date' },
            { path: 'populations[1]', message: 'not a known population code' },
            { path: 'birthDate', message: 'mismatch' },
            { path: '', message: 'whole row' },
          ],
        },
      ],
      sheet,
      2, // the second call's first row is the sheet's third
    );
    expect(problems).toEqual([
      { row: 12, column: 'Obtained on', message: 'bad date' },
      { row: 12, column: '服务对象', message: 'not a known population code' }, // the template's header
      { row: 12, column: 'birthDate', message: 'mismatch' }, // no column: the field
      { row: 12, column: '—', message: 'whole row' },
    ]);
  });
});

describe('textHash and chunksOf', () => {
  it('hashes the same text the same, different text differently', () => {
    expect(textHash('a')).toBe(textHash('a'));
    expect(textHash('a')).not.toBe(textHash('b'));
    expect(textHash('a')).toMatch(/^[0-9a-z]{22}$/);
  });

  it('cuts rows into calls', () => {
    expect(chunksOf(5, 2)).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 4 },
      { from: 4, to: 5 },
    ]);
    expect(chunksOf(0, 2)).toEqual([]);
  });
});
