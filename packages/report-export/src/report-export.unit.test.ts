import type { Report } from '@shegong/contracts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { figureLabel, figureRows, periodLabel, reportFileName, reportJson, reportXlsx } from './index.ts';

const figures = {
  asOf: '2023-04-03',
  stations: { operating: 12, byStatus: { operating: 12, building: 2 }, townships: 16, coveredTownships: 11 },
  staffing: {
    stations: 12,
    compliant: 9,
    nonCompliant: 2,
    notEvaluated: 1,
    errorRules: { 'zz.resident-count': 2 },
  },
  services: {
    records: 340,
    beneficiaries: 1_250,
    hours: 612.5,
    volunteers: 88,
    byDomain: { elderly: { records: 200, beneficiaries: 700, hours: 400, volunteers: 50 } },
  },
};

const report: Report = {
  id: '410105-county-quarterly-report-2023-Q1',
  definitionId: 'county-quarterly-report',
  definitionVersion: '1',
  title: '项目实施情况报告（季度）',
  unitRegionCode: '410105',
  unitName: '金水区',
  period: { key: '2023-Q1', start: '2023-01-01', end: '2023-03-31' },
  status: 'approved',
  dueOn: '2023-04-10',
  figures,
  corrections: [
    {
      path: 'services.beneficiaries',
      computed: 1_250,
      value: 1_300,
      reason: '50 人次的纸质台账尚未录入',
      by: 'jinshui',
      at: '2023-04-05T02:00:00.000Z',
    },
  ],
  reported: { ...figures, services: { ...figures.services, beneficiaries: 1_300 } },
  narrative: '一季度各站点运营平稳。',
  submittedOn: '2023-04-08',
  submittedBy: 'jinshui',
  timeliness: { status: 'on-time', daysLate: 0, firstSubmittedOn: '2023-04-08' },
  approvedAt: '2023-04-12T02:30:00.000Z',
  approvedBy: 'zhengzhou',
  returnedAt: null,
  returnedBy: null,
  returnReason: null,
  acceptedAt: '2023-04-15T01:00:00.000Z',
  acceptedBy: 'henan',
  locked: true,
};

/** Every cell's text of the first sheet, row by row, empty rows dropped. */
async function readBack(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => {
      if (!cell.isMerged || cell.master === cell) cells.push(String(cell.value ?? ''));
    });
    rows.push(cells);
  });
  return rows;
}

describe('periodLabel', () => {
  it.each([
    ['2023-Q1', '2023年第一季度', 'Q1 2023'],
    ['2023-Q4', '2023年第四季度', 'Q4 2023'],
    ['2023-H1', '2023年上半年', 'H1 2023'],
    ['2023-H2', '2023年下半年', 'H2 2023'],
    ['2023-03', '2023年3月', '2023-03'],
  ])('%s → %s / %s', (key, zh, en) => {
    expect(periodLabel(key, 'zh-CN')).toBe(zh);
    expect(periodLabel(key, 'en')).toBe(en);
  });
});

describe('figureRows', () => {
  it('lists every figure once with computed beside reported and the correction in force', () => {
    const rows = figureRows(report, 'zh-CN');
    expect(rows.map((r) => r.path)).toContain('services.byDomain.elderly.hours');
    expect(rows.some((r) => r.path === 'asOf')).toBe(false);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    const beneficiaries = rows.find((r) => r.path === 'services.beneficiaries');
    expect(beneficiaries).toMatchObject({ label: '服务人次', computed: 1_250, reported: 1_300 });
    expect(beneficiaries?.correction?.reason).toBe('50 人次的纸质台账尚未录入');
    expect(rows.filter((r) => r.correction !== null)).toHaveLength(1);
  });

  it('names domains, station statuses and rules in the locale', () => {
    expect(figureLabel('services.byDomain.elderly.records', 'zh-CN')).toBe('养老服务：服务记录数（条）');
    expect(figureLabel('services.byDomain.elderly.records', 'en')).toBe('Elderly services: Service records');
    expect(figureLabel('stations.byStatus.building', 'zh-CN')).toBe('建设中站点数（个）');
    expect(figureLabel('staffing.errorRules.zz.resident-count', 'en')).toContain('zz');
  });
});

describe('reportXlsx', () => {
  it('writes the title row, unit, period, figures with the correction and the sign-off', async () => {
    const rows = await readBack(await reportXlsx(report, { exportedAt: new Date('2023-04-20T01:00:00Z') }));
    expect(rows[0]).toEqual(['金水区2023年第一季度项目实施情况报告（季度）']);
    expect(rows[1]).toEqual([
      '填报单位',
      '金水区（410105）',
      '报告期',
      '2023年第一季度（2023-01-01 — 2023-03-31）',
    ]);
    expect(rows[2]).toEqual(['报送截止日期', '2023-04-10', '状态', '已审核，按时报送']);
    expect(rows[3]).toEqual(['类别', '指标', '系统计算值', '填报值', '更正说明']);
    const corrected = rows.find((r) => r[1] === '服务人次');
    expect(corrected).toEqual([
      '服务开展',
      '服务人次',
      '1250',
      '1300',
      '50 人次的纸质台账尚未录入（jinshui，2023-04-05 10:00）',
    ]);
    expect(rows.find((r) => r[1] === '运营站点数（个）')).toEqual([
      '站点建设',
      '运营站点数（个）',
      '12',
      '12',
    ]);
    expect(rows).toContainEqual(['情况说明：一季度各站点运营平稳。']);
    expect(rows).toContainEqual(['审核签发人', 'zhengzhou', '审核时间', '2023-04-12 10:30']);
    expect(rows).toContainEqual(['签收人', 'henan', '签收时间', '2023-04-15 09:00']);
    expect(rows).toContainEqual(['数据截至', '2023-04-03', '导出时间', '2023-04-20 09:00']);
    expect(rows.filter((r) => r[0] === '服务开展')).toHaveLength(8);
  });

  it('writes English when asked, with lateness and the return reason', async () => {
    const late: Report = {
      ...report,
      status: 'returned',
      approvedAt: null,
      approvedBy: null,
      acceptedAt: null,
      acceptedBy: null,
      returnReason: 'hours do not match the ledger',
      timeliness: { status: 'late', daysLate: 3, firstSubmittedOn: '2023-04-13' },
      locked: false,
    };
    const rows = await readBack(await reportXlsx(late, { locale: 'en' }));
    expect(rows[2]).toEqual(['Due on', '2023-04-10', 'Status', 'Returned, 3 days late']);
    expect(rows).toContainEqual(['Returned because: hours do not match the ledger']);
  });
});

describe('reportJson and reportFileName', () => {
  it('carries the report and its labelled rows', () => {
    const exported = reportJson(report, { exportedAt: new Date('2023-04-20T01:00:00Z') });
    expect(exported).toMatchObject({
      format: 'shegong.report-export.v1',
      exportedAt: '2023-04-20T01:00:00.000Z',
    });
    expect(exported.report).toBe(report);
    expect(exported.rows).toEqual(figureRows(report, 'zh-CN'));
  });

  it('names the file by unit, period and title, without characters a file system refuses', () => {
    expect(reportFileName(report, 'xlsx')).toBe('金水区-2023年第一季度-项目实施情况报告（季度）.xlsx');
    expect(reportFileName({ ...report, title: 'a/b:c' }, 'json')).toBe('金水区-2023年第一季度-a_b_c.json');
  });
});
