import { addDays, type IsoDate } from '@shegong/kernel';
import { expectedReports, getReportDefinition, listReportProfiles, reportProfileFor } from '@shegong/plans';
import { childrenOf } from '@shegong/regions';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  type ReportingHarness,
  startReporting,
  stationOpened,
  stationStatusChanged,
} from '../test-harness.ts';
import { layOutReportCalendar } from './completeness.ts';

/**
 * Completeness and timeliness as the province reads it [ZZ §2, §5.4, §5.6; PY §2.2]: counties' quarterly
 * reports (due the 10th of the next month under both Henan profiles), cities' half-year reports, operators'
 * monthly briefs where stations operate — counted from the report workflow's own transactions.
 */

const QUARTERLY = 'county-quarterly-report';
const HALF_YEAR = 'city-half-year-report';
const BRIEF = 'operator-monthly-brief';

/** The counties owing the quarterly report in a city: its county-level divisions, functional zones aside. */
const countiesOf = (city: string) =>
  childrenOf(city)
    .filter((c) => c.level === 'county' && !c.functionalZone)
    .map((c) => c.code);
const ZZ_COUNTIES = countiesOf('410100');
const PY_COUNTIES = countiesOf('410900');

function on(reporting: ReportingHarness, day: IsoDate) {
  return reporting.service.router.createCaller({ db: reporting.db, today: () => day });
}

/** A unit's report drafted on `draftedOn` and submitted on `submittedOn`; returns its id. */
async function submit(
  reporting: ReportingHarness,
  unit: string,
  definitionId: string,
  period: string,
  submittedOn: IsoDate,
): Promise<string> {
  const report = await on(reporting, submittedOn).reports.draft({
    definitionId,
    unitRegionCode: unit,
    period,
  });
  await on(reporting, submittedOn).reports.submit({ reportId: report.id, unitRegionCode: unit });
  return report.id;
}

const read = (reporting: ReportingHarness, asOf: IsoDate, regionCode: string, period: string) =>
  on(reporting, asOf).reports.completeness({ regionCode, period, overdueLimit: 500 });

type Read = Awaited<ReturnType<typeof read>>;
const defOf = (r: Read['region'], id: string) => r.byDefinition.find((d) => d.definitionId === id);

describe('completeness: on time and late at the due day', () => {
  it('counts a submission on the due day as on time, the next day as 1 day late; the due day is not overdue', async () => {
    await using reporting = await startReporting();
    // 2023-Q1 is due on 2023-04-10 [zz-2021: day-of-next-month 10, a default].
    await submit(reporting, '410105', QUARTERLY, '2023-Q1', '2023-04-10');
    await submit(reporting, '410102', QUARTERLY, '2023-Q1', '2023-04-11');

    const onDueDay = await read(reporting, '2023-04-10', '410100', '2023-Q1');
    expect(defOf(onDueDay.region, QUARTERLY)).toMatchObject({
      expected: ZZ_COUNTIES.length,
      // 410102's submission is dated the 11th: on the 10th only the owed one counts (received, on time).
      owed: 2,
      received: 2,
      onTime: 1,
      late: 1,
      overdue: 0,
      notDue: ZZ_COUNTIES.length - 2,
    });
    expect(onDueDay.overdue).toMatchObject({ total: 0, items: [] });

    const dayAfter = await read(reporting, '2023-04-11', '410100', '2023-Q1');
    const quarterly = defOf(dayAfter.region, QUARTERLY);
    expect(quarterly).toMatchObject({
      expected: ZZ_COUNTIES.length,
      owed: ZZ_COUNTIES.length,
      received: 2,
      onTime: 1,
      late: 1,
      overdue: ZZ_COUNTIES.length - 2,
      notDue: 0,
      completenessBasisPoints: Math.floor((2 * 10_000) / ZZ_COUNTIES.length),
      timelinessBasisPoints: Math.floor(10_000 / ZZ_COUNTIES.length),
    });
    expect(dayAfter.overdue.total).toBe(ZZ_COUNTIES.length - 2);
    expect(dayAfter.overdue.items.map((o) => o.unitRegionCode).sort()).toEqual(
      ZZ_COUNTIES.filter((c) => c !== '410105' && c !== '410102').sort(),
    );
    expect(dayAfter.overdue.items[0]).toMatchObject({
      definitionId: QUARTERLY,
      title: '项目实施情况报告（季度）',
      periodKey: '2023-Q1',
      dueOn: '2023-04-10',
      daysLate: 1,
    });

    // Per child: each county its own figures; a county that has not reported is overdue.
    const child = (code: string) => dayAfter.children.find((c) => c.regionCode === code)?.totals;
    expect(child('410105')).toMatchObject({ expected: 1, received: 1, onTime: 1, late: 0 });
    expect(child('410102')).toMatchObject({ expected: 1, received: 1, onTime: 0, late: 1 });
    expect(child('410103')).toMatchObject({ expected: 1, received: 0, overdue: 1 });
    expect(dayAfter.children.map((c) => c.regionCode)).toEqual(childrenOf('410100').map((c) => c.code));

    // A page of the overdue list, the total unchanged.
    const page = await on(reporting, '2023-04-11').reports.completeness({
      regionCode: '410100',
      period: '2023-Q1',
      overdueLimit: 2,
      overdueOffset: 1,
    });
    expect(page.overdue.total).toBe(ZZ_COUNTIES.length - 2);
    expect(page.overdue.items).toEqual(dayAfter.overdue.items.slice(1, 3));
  });

  it('refuses a malformed period and an unknown region, naming the field', async () => {
    await using reporting = await startReporting();
    await expect(read(reporting, '2023-04-11', '410100', '2023-13')).rejects.toThrow(/period/);
    await expect(read(reporting, '2023-04-11', '419999', '2023')).rejects.toMatchObject({
      cause: { code: 'REGION_NOT_FOUND' },
    });
  });
});

describe('completeness: the workflow counted once', () => {
  it('return → draft → resubmit counts one report, timed by its first submission; unlock takes back the approval only', async () => {
    await using reporting = await startReporting();
    const id = await submit(reporting, '410105', QUARTERLY, '2023-Q1', '2023-04-12'); // 2 days late
    const ref = { reportId: id, unitRegionCode: '410105' };
    const figures = async (code: string) =>
      defOf((await read(reporting, '2023-05-01', code, '2023-Q1')).region, QUARTERLY);

    await on(reporting, '2023-04-13').reports.return({ ...ref, reason: '数据不全' });
    for (const code of ['410105', '410100', '410000']) {
      expect(await figures(code)).toMatchObject({ received: 1, late: 1, onTime: 0, inRevision: 1 });
    }
    await on(reporting, '2023-04-14').reports.draft({
      definitionId: QUARTERLY,
      unitRegionCode: '410105',
      period: '2023-Q1',
    });
    await on(reporting, '2023-04-14').reports.submit(ref);
    expect(await figures('410105')).toMatchObject({
      expected: 1,
      received: 1,
      late: 1,
      inRevision: 0,
      approved: 0,
    });

    await on(reporting, '2023-04-15').reports.approve(ref);
    expect(await figures('410000')).toMatchObject({ received: 1, approved: 1, inRevision: 0 });

    await on(reporting, '2023-04-20').reports.unlock({ ...ref, reason: '补录服务记录' });
    expect(await figures('410100')).toMatchObject({ received: 1, approved: 0, inRevision: 1 });

    await on(reporting, '2023-04-21').reports.draft({
      definitionId: QUARTERLY,
      unitRegionCode: '410105',
      period: '2023-Q1',
    });
    await on(reporting, '2023-04-21').reports.submit(ref);
    await on(reporting, '2023-04-22').reports.approve(ref);
    const after = await figures('410000');
    expect(after).toMatchObject({ received: 1, late: 1, approved: 1, inRevision: 0 });
    expect(after?.expected).toBe(ZZ_COUNTIES.length + PY_COUNTIES.length);
  });
});

/** A fixed-seed generator (mulberry32): the same reports every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('completeness: the province equals the ground truth', () => {
  it('matches counts over the raw reports table and the profiles’ calendars, and a rebuild from scratch', async () => {
    await using reporting = await startReporting();
    const random = prng(8);
    const units = [
      ...[...ZZ_COUNTIES, ...PY_COUNTIES].map((unit) => ({
        unit,
        definitionId: QUARTERLY,
        periods: ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'],
      })),
      ...['410100', '410900'].map((unit) => ({
        unit,
        definitionId: HALF_YEAR,
        periods: ['2023-H1', '2023-H2'],
      })),
    ];
    for (const { unit, definitionId, periods } of units) {
      const definition = getReportDefinition(reportProfileFor(unit), definitionId);
      for (const e of expectedReports(
        definition,
        { id: unit, party: definition.submitter, regionCode: unit },
        '2023-01-01',
        '2023-12-31',
      )) {
        expect(periods).toContain(e.period.key);
        const draw = random();
        if (draw < 0.15) continue; // never sent: overdue
        const day = addDays(e.dueOn, draw < 0.6 ? -Math.floor(random() * 4) : Math.floor(random() * 20));
        if (draw < 0.2) {
          // Drafted only: not received.
          await on(reporting, day).reports.draft({
            definitionId,
            unitRegionCode: unit,
            period: e.period.key,
          });
          continue;
        }
        const id = await submit(reporting, unit, definitionId, e.period.key, day);
        const ref = { reportId: id, unitRegionCode: unit };
        const next = random();
        if (next < 0.25) {
          await on(reporting, addDays(day, 1)).reports.return({ ...ref, reason: '请补充' });
          if (next < 0.15) {
            await on(reporting, addDays(day, 2)).reports.draft({
              definitionId,
              unitRegionCode: unit,
              period: e.period.key,
            });
            await on(reporting, addDays(day, 2)).reports.submit(ref);
          }
        } else if (next < 0.7) {
          await on(reporting, addDays(day, 3)).reports.approve(ref);
          if (next < 0.35) await on(reporting, addDays(day, 5)).reports.unlock({ ...ref, reason: '补录' });
        }
      }
    }

    const asOf: IsoDate = '2024-02-01';
    const province = await read(reporting, asOf, '410000', '2023');

    // Ground truth: the raw reports table, and the calendars of the profiles for what is expected.
    const truth = await sql<{
      definition_id: string;
      received: number;
      on_time: number;
      approved: number;
      in_revision: number;
    }>`
      select definition_id,
             count(*) filter (where first_submitted_on is not null)::int as received,
             count(*) filter (where first_submitted_on <= due_on)::int as on_time,
             count(*) filter (where status = 'approved')::int as approved,
             count(*) filter (where first_submitted_on is not null and status in ('draft', 'returned'))::int as in_revision
      from reporting.reports where unit_region_code like '41%' and period_key like '2023-%'
      group by definition_id order by definition_id`.execute(reporting.db);
    const expectedCount = (id: string) =>
      units.filter((u) => u.definitionId === id).reduce((n, u) => n + u.periods.length, 0);
    for (const row of truth.rows) {
      const figures = defOf(province.region, row.definition_id);
      const expected = expectedCount(row.definition_id);
      expect(figures).toMatchObject({
        expected,
        owed: expected,
        received: row.received,
        onTime: row.on_time,
        late: row.received - row.on_time,
        approved: row.approved,
        inRevision: row.in_revision,
        overdue: expected - row.received,
      });
    }
    expect(truth.rows.map((r) => r.definition_id)).toEqual([HALF_YEAR, QUARTERLY]);
    // The cities' sums are the province's.
    const sum = province.children.reduce((n, c) => n + c.totals.received, 0);
    expect(sum).toBe(province.region.totals.received);

    // The overdue list is exactly the expected reports never submitted.
    const all = await on(reporting, asOf).reports.completeness({
      regionCode: '410000',
      period: '2023',
      overdueLimit: 500,
    });
    const submitted = await sql<{ k: string }>`
      select unit_region_code || ' ' || period_key as k from reporting.reports
      where first_submitted_on is not null`.execute(reporting.db);
    const got = new Set(submitted.rows.map((r) => r.k));
    const missing = units.flatMap((u) => u.periods.map((p) => `${u.unit} ${p}`).filter((k) => !got.has(k)));
    expect(all.overdue.items.map((o) => `${o.unitRegionCode} ${o.periodKey}`).sort()).toEqual(missing.sort());
    expect(all.overdue.total).toBe(missing.length);

    // Kept incrementally, the counters equal the ones laid out again from the reports.
    const snapshot = async () =>
      (
        await sql<Record<string, unknown>>`
        select * from reporting.report_completeness
        where expected <> 0 or received <> 0 order by region_code, period_key, definition_id, due_on`.execute(
          reporting.db,
        )
      ).rows;
    const incremental = await snapshot();
    const layout = await layOutReportCalendar(reporting.db, 2023, { rebuild: true });
    expect(layout).toMatchObject({ laidOut: true, received: got.size });
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('completeness: operators owe briefs where stations operate', () => {
  it('a station that opens adds its township’s monthly briefs from that month; one that closes takes the later ones away', async () => {
    await using reporting = await startReporting();
    await layOutReportCalendar(reporting.db, 2023);
    const brief = async (code: string, asOf: IsoDate = '2023-05-10') =>
      await read(reporting, asOf, code, '2023');

    await reporting.deliver(...stationOpened('st-jbl', { regionCode: '410105001' }, '2023-03-15'));
    const opened = await brief('410105001');
    expect(defOf(opened.region, BRIEF)).toMatchObject({ expected: 10, owed: 2, overdue: 2, notDue: 8 });
    // March was due 2023-04-05, April 2023-05-05 [zz-2021: the 5th of the next month, a default].
    expect(opened.overdue.items.map((o) => [o.periodKey, o.dueOn, o.daysLate])).toEqual([
      ['2023-03', '2023-04-05', 35],
      ['2023-04', '2023-05-05', 5],
    ]);
    for (const code of ['410105', '410100', '410000'])
      expect(defOf((await brief(code)).region, BRIEF)?.expected).toBe(10);

    // A second station in the same township owes nothing more: the township is the unit.
    await reporting.deliver(...stationOpened('st-jbl-2', { regionCode: '410105001' }, '2023-04-01'));
    expect(defOf((await brief('410105')).region, BRIEF)?.expected).toBe(10);

    // Both close on 2023-06-20: June is still owed, July on is not.
    await reporting.deliver(stationStatusChanged('st-jbl', 'operating', 'closed', '2023-06-20'));
    expect(defOf((await brief('410105001')).region, BRIEF)?.expected).toBe(10);
    await reporting.deliver(stationStatusChanged('st-jbl-2', 'operating', 'closed', '2023-06-20'));
    expect(defOf((await brief('410105001')).region, BRIEF)).toMatchObject({ expected: 4 });
    expect(defOf((await brief('410000')).region, BRIEF)).toMatchObject({ expected: 4 });

    // Wuhan has no report profile: its stations owe no brief the hub knows of.
    await reporting.deliver(...stationOpened('st-wh', { regionCode: '420102002' }, '2023-03-15'));
    expect((await brief('420000')).region.byDefinition).toEqual([]);
    // A township code the division data does not know is stored, not counted, and refuses nothing.
    await reporting.deliver(...stationOpened('st-x', { regionCode: '410105999' }, '2023-03-15'));
    expect(defOf((await brief('410000')).region, BRIEF)).toMatchObject({ expected: 4 });
  });

  it('a year laid out after the stations opened counts the same briefs', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl', { regionCode: '410105001' }, '2023-03-15'));
    await reporting.deliver(...stationOpened('st-py', { regionCode: '410902001' }, '2022-07-01'));
    const province = await read(reporting, '2024-02-01', '410000', '2023');
    // Puyang's operators owe monthly and quarterly briefs [PY §5.4].
    expect(defOf(province.region, BRIEF)?.expected).toBe(10 + 12);
    expect(defOf(province.region, 'operator-quarterly-brief')?.expected).toBe(4);
    expect(listReportProfiles().map((p) => p.id)).toEqual(expect.arrayContaining(['zz-2021', 'py-2021']));
  });
});
