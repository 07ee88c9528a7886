import { describe, expect, it } from 'vitest';
import {
  assessReports,
  classifySubmission,
  dueDate,
  expectedReports,
  getReportDefinition,
  listReportProfiles,
  type ReportingUnit,
  reportProfileFor,
  summarizeByRegion,
  summarizeReports,
} from './reports.ts';

const zz = reportProfileFor('410105001');
const py = reportProfileFor('410927');
const monthly = getReportDefinition(zz, 'operator-monthly-brief');
const quarterly = getReportDefinition(zz, 'county-quarterly-report');
const halfYear = getReportDefinition(zz, 'city-half-year-report');
const operator: ReportingUnit = { id: 'op-1', party: 'operator', regionCode: '410105001' };

describe('report profiles [ZZ §2, §5.4, §5.6, PY §2.1, §2.2, §5.4]', () => {
  it('say who reports to whom and how often; every due day is a documented default', () => {
    expect(zz.id).toBe('zz-2021');
    expect(py.id).toBe('py-2021');
    expect(zz.reports.map((r) => [r.id, r.submitter, r.recipients, r.period])).toEqual([
      ['operator-monthly-brief', 'operator', ['county', 'city'], 'month'],
      ['operator-mid-term-report', 'operator', ['county', 'city'], 'mid-term'],
      ['operator-final-report', 'operator', ['county', 'city'], 'final'],
      ['county-quarterly-report', 'county', ['province', 'city'], 'quarter'],
      ['city-half-year-report', 'city', ['province'], 'half-year'],
    ]);
    expect(py.reports.map((r) => r.id)).toContain('operator-quarterly-brief');
    expect(getReportDefinition(py, 'county-quarterly-report').recipients).toEqual(['city']);
    for (const profile of listReportProfiles())
      for (const r of profile.reports) expect(r.dueIsDefault).toBe(true);
  });
});

describe('expectedReports and dueDate', () => {
  it('monthly briefs across a year boundary, due the 5th of the next month', () => {
    expect(
      expectedReports(monthly, operator, '2023-11-01', '2024-02-29').map((r) => [
        r.period.key,
        r.period.end,
        r.dueOn,
      ]),
    ).toEqual([
      ['2023-11', '2023-11-30', '2023-12-05'],
      ['2023-12', '2023-12-31', '2024-01-05'],
      ['2024-01', '2024-01-31', '2024-02-05'],
      ['2024-02', '2024-02-29', '2024-03-05'],
    ]);
  });

  it('owes a period only when it ends inside the range', () => {
    expect(expectedReports(monthly, operator, '2023-01-15', '2023-03-30').map((r) => r.period.key)).toEqual([
      '2023-01',
      '2023-02',
    ]);
  });

  it('quarters and half-years cross their boundaries', () => {
    const county: ReportingUnit = { id: 'c', party: 'county', regionCode: '410105' };
    expect(
      expectedReports(quarterly, county, '2023-03-31', '2024-01-01').map((r) => [
        r.period.key,
        r.period.start,
        r.dueOn,
      ]),
    ).toEqual([
      ['2023-Q1', '2023-01-01', '2023-04-10'],
      ['2023-Q2', '2023-04-01', '2023-07-10'],
      ['2023-Q3', '2023-07-01', '2023-10-10'],
      ['2023-Q4', '2023-10-01', '2024-01-10'],
    ]);
    const city: ReportingUnit = { id: 'zz', party: 'city', regionCode: '410100' };
    expect(
      expectedReports(halfYear, city, '2023-01-01', '2024-06-30').map((r) => [
        r.period.key,
        r.period.end,
        r.dueOn,
      ]),
    ).toEqual([
      ['2023-H1', '2023-06-30', '2023-07-15'],
      ['2023-H2', '2023-12-31', '2024-01-15'],
      ['2024-H1', '2024-06-30', '2024-07-15'],
    ]);
  });

  it('starts with the period a unit became active in and stops after it left', () => {
    const late: ReportingUnit = { ...operator, activeFrom: '2023-03-20', activeTo: '2023-05-02' };
    expect(expectedReports(monthly, late, '2023-01-01', '2023-12-31').map((r) => r.period.key)).toEqual([
      '2023-03',
      '2023-04',
      '2023-05',
    ]);
  });

  it('clamps a due day to the month: the 31st after a period ending in March is 30 April', () => {
    expect(
      dueDate(
        { kind: 'day-of-next-month', day: 31 },
        { key: '2023-Q1', start: '2023-01-01', end: '2023-03-31' },
      ),
    ).toBe('2023-04-30');
    expect(
      dueDate(
        { kind: 'day-of-next-month', day: 30 },
        { key: '2024-01', start: '2024-01-01', end: '2024-01-31' },
      ),
    ).toBe('2024-02-29');
  });

  it('places project reports at the midpoint and the end of the project', () => {
    const project: ReportingUnit = { ...operator, project: { startOn: '2023-03-01', endOn: '2024-02-29' } };
    const mid = expectedReports(
      getReportDefinition(zz, 'operator-mid-term-report'),
      project,
      '2023-01-01',
      '2024-12-31',
    );
    expect(mid.map((r) => [r.period.end, r.dueOn])).toEqual([['2023-08-30', '2023-09-14']]);
    const final = expectedReports(
      getReportDefinition(zz, 'operator-final-report'),
      project,
      '2023-01-01',
      '2024-12-31',
    );
    expect(final.map((r) => [r.period.key, r.dueOn])).toEqual([['final:2023-03-01', '2024-03-15']]);
    expect(
      expectedReports(getReportDefinition(zz, 'operator-final-report'), operator, '2023-01-01', '2024-12-31'),
    ).toEqual([]);
  });
});

describe('timeliness', () => {
  it('is on time exactly on the due day and 1 day late the next day', () => {
    expect(classifySubmission('2023-04-10', '2023-04-10')).toEqual({ status: 'on-time', daysLate: 0 });
    expect(classifySubmission('2023-04-10', '2023-04-11')).toEqual({ status: 'late', daysLate: 1 });
    expect(classifySubmission('2023-04-10', '2023-03-31')).toEqual({ status: 'on-time', daysLate: 0 });
    expect(classifySubmission('2023-02-05', '2023-03-05')).toEqual({ status: 'late', daysLate: 28 });
  });

  it('assesses completeness and timeliness, rolled up by region', () => {
    const expected = expectedReports(monthly, operator, '2023-01-01', '2023-04-30');
    const submissions = [
      { definitionId: monthly.id, unitId: 'op-1', periodKey: '2023-01', submittedOn: '2023-02-05' },
      { definitionId: monthly.id, unitId: 'op-1', periodKey: '2023-02', submittedOn: '2023-03-08' },
      { definitionId: monthly.id, unitId: 'op-1', periodKey: '2023-02', submittedOn: '2023-03-09' },
      { definitionId: monthly.id, unitId: 'op-1', periodKey: '2023-04', submittedOn: '2023-05-20' }, // after asOf
    ];
    const assessed = assessReports(expected, submissions, '2023-05-05');
    expect(assessed.map((r) => [r.period.key, r.status, r.daysLate])).toEqual([
      ['2023-01', 'on-time', 0],
      ['2023-02', 'late', 3],
      ['2023-03', 'missing', 30],
      ['2023-04', 'not-due', 0],
    ]);
    expect(summarizeReports(assessed)).toMatchObject({
      expected: 4,
      owed: 3,
      submitted: 2,
      onTime: 1,
      completenessBasisPoints: 6_666,
      timelinessBasisPoints: 3_333,
    });
    const byRegion = summarizeByRegion(assessed, () => '410105001');
    expect([...byRegion.keys()]).toEqual(['410105001', '410105', '410100', '410000']);
    expect(byRegion.get('410000')?.submitted).toBe(2);
  });
});
