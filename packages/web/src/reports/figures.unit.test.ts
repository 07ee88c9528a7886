import { describe, expect, it } from 'vitest';
import { chinaToday, figureRows, periodKeys } from './figures.ts';

const figures = {
  asOf: '2026-12-03',
  stations: { operating: 3, byStatus: { operating: 3 }, townships: 12, coveredTownships: 3 },
  staffing: {
    stations: 3,
    compliant: 2,
    nonCompliant: 1,
    notEvaluated: 0,
    errorRules: { 'staffing.min-residents': 1 },
  },
  services: {
    records: 10,
    beneficiaries: 8,
    hours: 12.5,
    volunteers: 1,
    byDomain: { elderly: { records: 4, beneficiaries: 4, hours: 5, volunteers: 0 } },
  },
};

describe('figureRows', () => {
  it('lists every number by its dotted path, the computed value beside the reported one', () => {
    const correction = {
      path: 'services.beneficiaries',
      computed: 8,
      value: 9,
      reason: '一名服务对象漏登',
      by: 'u-1',
      at: '2026-12-03T02:00:00.000Z',
    };
    const reported = structuredClone(figures);
    reported.services.beneficiaries = 9;
    const rows = figureRows({ figures, reported, corrections: [correction] });
    expect(rows.map((r) => r.path)).toContain('services.byDomain.elderly.records');
    expect(rows.map((r) => r.path)).not.toContain('asOf');
    expect(rows.find((r) => r.path === 'services.beneficiaries')).toEqual({
      path: 'services.beneficiaries',
      computed: 8,
      reported: 9,
      correction,
      correctable: true,
    });
    expect(rows.find((r) => r.path === 'stations.operating')).toMatchObject({
      computed: 3,
      reported: 3,
      correction: null,
    });
    // A rule id holds dots: shown, with its count, but not addressable by a dotted path.
    expect(rows.find((r) => r.path === 'staffing.errorRules.staffing.min-residents')).toMatchObject({
      computed: 1,
      reported: 1,
      correctable: false,
    });
  });

  it('reads stations, staffing, services in that order, each total before its breakdown', () => {
    const rows = figureRows({
      figures: JSON.parse(JSON.stringify(figures)),
      reported: figures,
      corrections: [],
    });
    expect(rows.map((r) => r.path)).toEqual([
      'stations.operating',
      'stations.townships',
      'stations.coveredTownships',
      'stations.byStatus.operating',
      'staffing.stations',
      'staffing.compliant',
      'staffing.nonCompliant',
      'staffing.notEvaluated',
      'staffing.errorRules.staffing.min-residents',
      'services.records',
      'services.beneficiaries',
      'services.hours',
      'services.volunteers',
      'services.byDomain.elderly.records',
      'services.byDomain.elderly.beneficiaries',
      'services.byDomain.elderly.hours',
      'services.byDomain.elderly.volunteers',
    ]);
  });
});

describe('periodKeys', () => {
  it('counts quarters back across a year end', () => {
    expect(periodKeys('quarter', '2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(periodKeys('quarter', '2026-12-31', 2)).toEqual(['2026-Q4', '2026-Q3']);
  });
  it('counts half-years', () => {
    expect(periodKeys('half-year', '2026-07-01', 3)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    expect(periodKeys('half-year', '2026-06-30', 1)).toEqual(['2026-H1']);
  });
});

describe('chinaToday', () => {
  it('is the day in UTC+8: 16:00 UTC is already the next day', () => {
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaToday(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
  });
});
