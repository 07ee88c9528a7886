import { describe, expect, it } from 'vitest';
import { itemsFromSheet, problemsOf } from './import-columns.ts';
import { templateSheets } from './template.ts';
import { WORKER_IMPORT_COLUMNS, WORKER_TEMPLATE_EXAMPLE } from './worker-import.ts';

describe('the resident workers sheet', () => {
  it('reads the template’s own example row into a WorkerInputSchema input', () => {
    const [sheet] = templateSheets('驻站社工', WORKER_IMPORT_COLUMNS, WORKER_TEMPLATE_EXAMPLE);
    const headers = sheet?.headers ?? [];
    const values = Object.fromEntries(
      headers.flatMap((h, i) => {
        const v = sheet?.rows[0]?.[i];
        return v === '' || v === undefined || v === null ? [] : [[h, v]];
      }),
    );
    const { items, unknownHeaders } = itemsFromSheet(WORKER_IMPORT_COLUMNS, headers, [{ row: 2, values }]);
    expect(unknownHeaders).toEqual([]);
    expect(items[0]).toEqual({
      id: 'w-410105001-09',
      stationId: 'st-410105001',
      name: '示例社工',
      idNumber: '410105199501010018',
      role: 'resident',
      fullTime: true,
      appointedOn: '2026-01-05',
      education: 'bachelor',
      socialWorkMajor: true,
      graduatedOn: '2017-07-01',
      localHukou: true,
      certificate: { level: 'assistant', passedOn: '2019-06-20' },
      relatedExperienceSince: '2017-07-01',
    });
  });

  it('reads English headers and labels, and names the ID number column for its refusal', () => {
    const sheet = itemsFromSheet(
      WORKER_IMPORT_COLUMNS,
      ['Worker ID', 'Resident ID number', 'Role', 'Education', 'Full-time'],
      [
        {
          row: 3,
          values: { 'Worker ID': 'w1', Role: 'Station lead', Education: 'Master', 'Full-time': 'no' },
        },
      ],
    );
    expect(sheet.items[0]).toEqual({ id: 'w1', role: 'lead', education: 'master', fullTime: false });
    expect(
      problemsOf(
        WORKER_IMPORT_COLUMNS,
        [{ index: 0, errors: [{ path: 'idNumber', message: 'check' }] }],
        sheet,
      ),
    ).toEqual([{ row: 3, column: 'Resident ID number', message: 'check' }]);
  });

  it('writes notes listing every column with its allowed values, and formats the ID number as text', () => {
    const [main, notes] = templateSheets('驻站社工', WORKER_IMPORT_COLUMNS, WORKER_TEMPLATE_EXAMPLE);
    expect(main?.textColumns).toContain(WORKER_IMPORT_COLUMNS.findIndex((c) => c.field === 'idNumber'));
    expect(notes?.rows.map((r) => r[0])).toEqual(WORKER_IMPORT_COLUMNS.map((c) => c.zh));
    const education = notes?.rows.find((r) => r[0] === '学历');
    expect(education?.[2]).toBe('是 yes');
    expect(String(education?.[4])).toContain('bachelor 本科');
  });
});
