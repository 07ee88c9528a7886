import { describe, expect, it } from 'vitest';
import { problemsOf, stationRowsFromSheet } from './station-import.ts';

describe('stationRowsFromSheet', () => {
  it('maps headers in either language to fields, labels to codes, numbers to text', () => {
    const rows = stationRowsFromSheet(
      ['站点编号', 'Name', '区划代码', '站点类型', '状态', '备注'],
      [
        {
          row: 2,
          values: {
            站点编号: 'st-1',
            Name: '甲站',
            区划代码: 410105001,
            站点类型: '乡镇（街道）社工站',
            状态: 'Operating',
          },
        },
        { row: 4, values: { 站点编号: 'st-2', 站点类型: '服务中心', 备注: 'x' } },
      ],
    );
    expect(rows.items).toEqual([
      { id: 'st-1', name: '甲站', regionCode: '410105001', type: 'township-station', status: 'operating' },
      // An unknown label goes on as written: the server's schema names it.
      { id: 'st-2', type: '服务中心' },
    ]);
    expect(rows.sheetRows).toEqual([2, 4]);
    expect(rows.unknownHeaders).toEqual(['备注']);
  });

  it("names each refusal by the sheet's row number and the sheet's own header", () => {
    const rows = stationRowsFromSheet(
      ['站点编号', 'Region code'],
      [
        { row: 7, values: { 站点编号: 'a' } },
        { row: 9, values: { 站点编号: 'b' } },
      ],
    );
    const checks = [
      { index: 0, errors: [] },
      {
        index: 1,
        errors: [
          { path: 'regionCode', code: 'OUT_OF_JURISDICTION', message: 'outside' },
          { path: 'name', code: 'REGISTRY_INPUT_INVALID', message: 'required' },
        ],
      },
    ];
    expect(problemsOf(checks, rows)).toEqual([
      { row: 9, column: 'Region code', message: 'outside' },
      { row: 9, column: '站点名称', message: 'required' }, // not in the sheet: the template's header
    ]);
  });
});
