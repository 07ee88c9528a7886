import { randomUUID } from 'node:crypto';
import { addDays, type IsoDate } from '@shegong/kernel';
import { expectedReports, getReportDefinition, listReportProfiles, reportProfileFor } from '@shegong/plans';
import { childrenOf } from '@shegong/regions';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  hubEvent,
  type ReportingHarness,
  startReporting,
  stationOpened,
  stationRegistered,
  stationStatusChanged,
} from '../test-harness.ts';
import { layOutProjectReports, layOutReportCalendar, trackReport } from './completeness.ts';

/**
 * Completeness and timeliness as the province reads it [ZZ §2, §5.4, §5.6; PY §2.2]: counties' quarterly
 * reports (due the 10th of the next month under both Henan profiles), cities' half-year reports, operators'
 * monthly briefs where stations operate — counted from the report workflow's own transactions.
 */

const QUARTERLY = 'county-quarterly-report';
const HALF_YEAR = 'city-half-year-report';
const BRIEF = 'operator-monthly-brief';
const MID_TERM = 'operator-mid-term-report';
const FINAL = 'operator-final-report';

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

/** `contract.signed.v1` as funding publishes it. */
function contractSigned(
  contractId: string,
  stationIds: string[],
  termStart: IsoDate,
  termEnd: IsoDate,
  countyCode = '410105',
) {
  return hubEvent(
    'contract.signed.v1',
    {
      contractId,
      countyCode,
      operatorId: `op-${contractId}`,
      stationIds,
      signedOn: termStart,
      termStart,
      termEnd,
      amountFen: 60_000_000,
    },
    { source: 'funding', key: `contract:${contractId}` },
  );
}

describe('completeness: project milestone reports by contract year [ZZ §5.4, PY §5.4]', () => {
  it('a contract for a township’s station owes each contract year’s mid-term and final report, counted by due day', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl', { regionCode: '410105001' }, '2022-12-01'));
    await reporting.deliver(...stationOpened('st-fcl', { regionCode: '410105002' }, '2022-12-01'));
    // Read once first: the contract below then moves the counters incrementally.
    expect(defOf((await read(reporting, '2023-07-18', '410105', '2023')).region, MID_TERM)).toBeUndefined();

    const signed = contractSigned('C-jinshui', ['st-jbl', 'st-fcl'], '2023-01-01', '2024-12-31');
    await reporting.deliver(signed);
    // A second delivery of the same event (the inbox), and the same contract published again: no double.
    await reporting.deliver(signed);
    await reporting.deliver({ ...signed, id: randomUUID() });

    // Year 1: mid-term 2023-01-01 … 2023-07-02 (⌊364 / 2⌋ days), due 15 days later; final due 2024-01-15.
    // Year 2 (2024, 366 days): mid-term ends 2024-07-01, due 2024-07-16; final due 2025-01-15
    // [zz-2021: days-after-end 15, a default].
    const year = async (period: string, asOf: IsoDate = '2023-07-18', code = '410105001') =>
      (await read(reporting, asOf, code, period)).region;
    expect(defOf(await year('2023'), MID_TERM)).toMatchObject({ expected: 1, owed: 1, overdue: 1 });
    expect(defOf(await year('2023'), FINAL)).toBeUndefined();
    expect(defOf(await year('2024'), MID_TERM)).toMatchObject({ expected: 1, notDue: 1 });
    expect(defOf(await year('2024'), FINAL)).toMatchObject({ expected: 1, notDue: 1 });
    expect(defOf(await year('2025'), FINAL)).toMatchObject({ expected: 1 });
    expect(defOf(await year('2025'), MID_TERM)).toBeUndefined();
    // Inside a year, in the month, quarter and half-year its due day falls in, and no other.
    for (const period of ['2023-07', '2023-Q3', '2023-H2']) {
      expect(defOf(await year(period), MID_TERM)).toMatchObject({ expected: 1, title: '中期工作报告' });
    }
    for (const period of ['2023-06', '2023-08', '2023-Q2', '2023-H1']) {
      expect(defOf(await year(period), MID_TERM)).toBeUndefined();
    }
    expect(defOf(await year('2024-Q1'), FINAL)).toMatchObject({ expected: 1 });
    // Up the chain: two townships' reports in the county, the city and the province.
    for (const code of ['410105', '410100', '410000']) {
      expect(defOf(await year('2023', '2023-07-18', code), MID_TERM)).toMatchObject({ expected: 2 });
      expect(defOf(await year('2024', '2023-07-18', code), FINAL)).toMatchObject({ expected: 2 });
    }

    // 经八路街道 files its mid-term report on the due day: on time; 丰产路街道 is overdue a day later.
    await submit(reporting, '410105001', MID_TERM, 'mid-term:2023-01-01', '2023-07-17');
    const dayAfter = await read(reporting, '2023-07-18', '410105', '2023-07');
    expect(defOf(dayAfter.region, MID_TERM)).toMatchObject({
      expected: 2,
      received: 1,
      onTime: 1,
      late: 0,
      overdue: 1,
    });
    expect(dayAfter.overdue.items.filter((o) => o.definitionId === MID_TERM)).toEqual([
      {
        definitionId: MID_TERM,
        title: '中期工作报告',
        unitRegionCode: '410105002',
        unitName: expect.any(String),
        periodKey: 'mid-term:2023-01-01',
        dueOn: '2023-07-17',
        daysLate: 1,
      },
    ]);
    await submit(reporting, '410105002', MID_TERM, 'mid-term:2023-01-01', '2023-07-18');
    for (const code of ['410105', '410100', '410000']) {
      const figures = defOf(await year('2023', '2023-07-20', code), MID_TERM);
      expect(figures).toMatchObject({ expected: 2, received: 2, onTime: 1, late: 1, overdue: 0 });
      expect(figures?.timelinessBasisPoints).toBe(5_000);
    }
    const township = (await read(reporting, '2023-07-20', '410105', '2023')).children;
    expect(
      defOf(township.find((c) => c.regionCode === '410105002') as Read['region'], MID_TERM),
    ).toMatchObject({ received: 1, late: 1 });

    // Kept incrementally, the counters equal the ones laid out again from contracts, stations and reports.
    const incremental = await counterSnapshot(reporting);
    expect(await layOutProjectReports(reporting.db, { rebuild: true })).toEqual({
      laidOut: true,
      expected: 8,
      received: 2,
    });
    expect(await counterSnapshot(reporting)).toEqual(incremental);
  });

  it('owes nothing before a covered station operates, and stops owing the years that start after it closes', async () => {
    await using reporting = await startReporting();
    await layOutProjectReports(reporting.db);
    await reporting.deliver(stationRegistered('st-jbl', { regionCode: '410105001' }));
    await reporting.deliver(contractSigned('C-jbl', ['st-jbl'], '2023-01-01', '2024-12-31'));
    const expected = async (period: string) =>
      (await read(reporting, '2023-09-01', '410105001', period)).region.byDefinition
        .filter((d) => d.definitionId === MID_TERM || d.definitionId === FINAL)
        .map((d) => [d.definitionId, d.expected]);
    // Planned: no operator reports yet.
    expect(await expected('2024')).toEqual([]);

    // Operating from 2023-08-01: year 1's mid-term span (to 2023-07-02) ended before, its final did not.
    await reporting.deliver(stationStatusChanged('st-jbl', 'planned', 'operating', '2023-08-01'));
    expect(await expected('2023')).toEqual([]);
    expect(await expected('2024')).toEqual([
      [FINAL, 1],
      [MID_TERM, 1],
    ]);
    expect(await expected('2025')).toEqual([[FINAL, 1]]);

    // Closed on 2023-11-01: the contract year starting 2024-01-01 is no longer owed; 2023's final still is.
    await reporting.deliver(stationStatusChanged('st-jbl', 'operating', 'closed', '2023-11-01'));
    expect(await expected('2024')).toEqual([[FINAL, 1]]);
    expect(await expected('2025')).toEqual([]);
    expect(defOf((await read(reporting, '2024-02-01', '410000', '2024')).region, FINAL)).toMatchObject({
      expected: 1,
      overdue: 1,
    });

    // Wuhan has no report profile: a contract there owes nothing the hub knows of.
    await reporting.deliver(...stationOpened('st-wh', { regionCode: '420102002' }, '2023-03-15'));
    await reporting.deliver(contractSigned('C-wh', ['st-wh'], '2023-01-01', '2023-12-31', '420102'));
    expect((await read(reporting, '2024-02-01', '420000', '2024')).region.byDefinition).toEqual([]);
  });

  it('the province equals the ground truth from the raw contracts, stations and reports', async () => {
    await using reporting = await startReporting();
    const random = prng(5);
    // Stations in three counties of Zhengzhou and Puyang (both profiles owe mid-term and final reports),
    // a contract per county over three of them, each starting on its own day; every station operating
    // since 2022 but one that opens on 2023-03-01.
    const counties = ['410105', '410183', '410902', '410922'];
    const stations: Array<{ id: string; township: string; county: string }> = [];
    for (const county of counties) {
      for (const t of childrenOf(county)
        .filter((c) => c.level === 'township')
        .slice(0, 4)) {
        stations.push({ id: `st-${t.code}`, township: t.code, county });
      }
    }
    const late = stations[0] as (typeof stations)[number];
    for (const s of stations) {
      const opened = s === late ? '2023-03-01' : '2022-03-01';
      await reporting.deliver(...stationOpened(s.id, { regionCode: s.township }, opened));
    }
    const starts: IsoDate[] = ['2022-07-01', '2022-10-15', '2023-01-01', '2023-04-01'];
    for (const [i, county] of counties.entries()) {
      const covered = stations.filter((s) => s.county === county).slice(0, 3);
      const start = starts[i] as IsoDate;
      const end = addDays(`${Number(start.slice(0, 4)) + 2}${start.slice(4)}`, -1);
      await reporting.deliver(
        contractSigned(
          `C-${county}`,
          covered.map((s) => s.id),
          start,
          end,
          county,
        ),
      );
    }

    // What is owed, from the raw tables alone: per covered operating township and contract year (the
    // anniversary's eve or the term's end), the mid-term report due 15 days after the middle day, the final
    // one 15 days after the year's end [zz-2021, py-2021: days-after-end 15]; none whose span ended before
    // the station operated.
    const truth = async () =>
      (
        await sql<{ definition_id: string; unit: string; period_key: string; due_on: string }>`
        with years as (
          select distinct s.region_code as unit, s.opened_on as since, y.from_on,
                 least((y.from_on + interval '1 year')::date - 1, c.term_end) as to_on
          from reporting.contracts c
          join reporting.stations s on s.id = any(c.station_ids) and s.status = 'operating'
          cross join lateral (
            select (c.term_start + make_interval(years => g))::date as from_on from generate_series(0, 49) g
          ) y
          where y.from_on <= c.term_end
        )
        select 'operator-mid-term-report' as definition_id, unit, 'mid-term:' || from_on as period_key,
               (from_on + (to_on - from_on) / 2 + 15)::text as due_on
        from years where from_on + (to_on - from_on) / 2 >= since
        union all
        select 'operator-final-report', unit, 'final:' || from_on, (to_on + 15)::text from years
        where to_on >= since
        order by 1, 2, 3`.execute(reporting.db)
      ).rows;
    const owed = await truth();
    // 4 contracts × 3 townships × 2 years × 2 reports, less the late station's first mid-term one.
    expect(owed.length).toBe(4 * 3 * 2 * 2 - 1);

    for (const e of owed) {
      const draw = random();
      if (draw < 0.2) continue; // never sent
      const day = addDays(e.due_on, draw < 0.6 ? -Math.floor(random() * 4) : Math.floor(random() * 20));
      const id = await submit(reporting, e.unit, e.definition_id, e.period_key, day);
      const ref = { reportId: id, unitRegionCode: e.unit };
      const next = random();
      if (next < 0.2) await on(reporting, addDays(day, 1)).reports.return({ ...ref, reason: '请补充' });
      else if (next < 0.6) await on(reporting, addDays(day, 3)).reports.approve(ref);
    }
    for (const year of ['2023', '2024']) {
      const asOf: IsoDate = `${Number(year) + 1}-03-01`;
      const province = await read(reporting, asOf, '410000', year);
      const raw = await sql<{
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
        from reporting.reports
        where (period_key like 'mid-term:%' or period_key like 'final:%') and due_on between ${`${year}-01-01`} and ${`${year}-12-31`}
        group by definition_id order by definition_id`.execute(reporting.db);
      const submitted = new Set(
        (
          await sql<{ k: string }>`
          select definition_id || ' ' || unit_region_code || ' ' || period_key as k from reporting.reports
          where first_submitted_on is not null`.execute(reporting.db)
        ).rows.map((r) => r.k),
      );
      const inYear = (o: { due_on: string }) => o.due_on.startsWith(year);
      const k = (o: { definition_id: string; unit: string; period_key: string }) =>
        `${o.definition_id} ${o.unit} ${o.period_key}`;
      const expectedSet = owed.filter(inYear);
      for (const id of [MID_TERM, FINAL]) {
        const expected = expectedSet.filter((o) => o.definition_id === id).length;
        const row = raw.rows.find((r) => r.definition_id === id);
        expect(defOf(province.region, id)).toMatchObject({
          expected,
          owed: expected,
          received: row?.received ?? 0,
          onTime: row?.on_time ?? 0,
          late: (row?.received ?? 0) - (row?.on_time ?? 0),
          approved: row?.approved ?? 0,
          inRevision: row?.in_revision ?? 0,
          overdue: expected - (row?.received ?? 0),
        });
      }
      const missing = expectedSet.filter((o) => !submitted.has(k(o))).map(k);
      const listed = province.overdue.items
        .filter((o) => o.definitionId === MID_TERM || o.definitionId === FINAL)
        .map((o) => `${o.definitionId} ${o.unitRegionCode} ${o.periodKey}`);
      expect(listed.sort()).toEqual(missing.sort());
      const cities = province.children.reduce((n, c) => n + (defOf(c, FINAL)?.expected ?? 0), 0);
      expect(cities).toBe(defOf(province.region, FINAL)?.expected);
    }

    const incremental = await counterSnapshot(reporting);
    await layOutProjectReports(reporting.db, { rebuild: true });
    expect(await counterSnapshot(reporting)).toEqual(incremental);
  });
});

/** Every non-zero counter row, in key order. */
async function counterSnapshot(reporting: ReportingHarness) {
  return (
    await sql<Record<string, unknown>>`
    select * from reporting.report_completeness
    where expected <> 0 or received <> 0 order by region_code, period_key, definition_id, due_on`.execute(
      reporting.db,
    )
  ).rows;
}

describe('trackReport under concurrency', () => {
  it('counts a report first tracked by two transactions at once as one expectation', async () => {
    await using reporting = await startReporting();
    // the year laid out before (so neither tracker waits on laying it out), and a unit × period no layout
    // expects (a definition no profile holds): the first tracker inserts it, the second must not again
    await layOutReportCalendar(reporting.db, 2023);
    const report = {
      id: 'rp-race',
      definition_id: 'race-only-definition',
      definition_version: '1',
      unit_region_code: '410105',
      period_key: '2023-Q1',
      period_start: '2023-01-01',
      period_end: '2023-03-31',
      status: 'submitted' as const,
      figures: {},
      corrections: '[]',
      narrative: null,
      due_on: '2023-04-10',
      submitted_at: new Date('2023-04-09T02:00:00Z'),
      submitted_on: '2023-04-09',
      first_submitted_on: '2023-04-09',
      submitted_by: null,
      approved_at: null,
      approved_by: null,
      returned_at: null,
      returned_by: null,
      return_reason: null,
      accepted_at: null,
      accepted_by: null,
      created_at: new Date('2023-04-01T00:00:00Z'),
    };
    let commitFirst = () => {};
    const firstMayCommit = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    let firstTracked = () => {};
    const tracked = new Promise<void>((resolve) => {
      firstTracked = resolve;
    });
    const first = reporting.db.transaction().execute(async (trx) => {
      await trackReport(trx, report as never);
      firstTracked();
      await firstMayCommit;
    });
    await tracked;
    // the second waits on the first's uncommitted row, then finds it stored
    const second = reporting.db.transaction().execute((trx) => trackReport(trx, report as never));
    await new Promise((resolve) => setTimeout(resolve, 200));
    commitFirst();
    await Promise.all([first, second]);
    const cells = await sql<{ region_code: string; expected: number; received: number }>`
      select region_code, expected::int, received::int from reporting.report_completeness
      where definition_id = 'race-only-definition' order by region_code`.execute(reporting.db);
    expect(cells.rows.map((r) => [r.region_code, r.expected, r.received])).toEqual([
      ['410000', 1, 1],
      ['410100', 1, 1],
      ['410105', 1, 1],
    ]);
  });
});
