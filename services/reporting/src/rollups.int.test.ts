import { crosswalk, listCatalogs, listPopulations } from '@shegong/catalog';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type ReportingDatabase, SCHEMA } from './db/schema.ts';
import { ingestServiceRecords } from './domain/ingest.ts';
import { foldOrphanedRecords, foldPendingRecords } from './domain/rollup-fold.ts';
import { periodRange, type RollupBreakdown, type ServiceRollup } from './domain/rollups.ts';
import {
  generateRecords,
  type ReportingHarness,
  rejection,
  serviceRecord,
  startReporting,
  stationOpened,
} from './test-harness.ts';

const itemRefs = (catalogId: string) => {
  const catalog = listCatalogs().find((c) => c.id === catalogId);
  if (!catalog) throw new Error(`no catalog ${catalogId}`);
  return crosswalk(catalog).map((row) => row.ref);
};

/** Stations over two cities, three counties each side of a county line, and a county-level centre. */
const STATIONS = [
  { id: 'st-jbl', regionCode: '410105001', catalogId: 'zz-2021' },
  { id: 'st-hyl', regionCode: '410105002', catalogId: 'zz-2021' },
  { id: 'st-jbl-2', regionCode: '410105001', catalogId: 'zz-2021', stationType: 'community-room' as const },
  { id: 'st-hhl', regionCode: '410103001', catalogId: 'zz-2021' },
  { id: 'st-jinshui', regionCode: '410105', catalogId: 'zz-2021', stationType: 'county-centre' as const },
  { id: 'st-zyl', regionCode: '410902001', catalogId: 'py-2021' },
  { id: 'st-sll', regionCode: '410902002', catalogId: 'py-2021' },
  // 清丰县 城关镇: another Puyang county
  { id: 'st-qf', regionCode: '410922100', catalogId: 'py-2021' },
] as const;

const REGIONS = [
  '410000',
  '410100',
  '410900',
  '410105',
  '410103',
  '410902',
  '410922',
  '410105001',
  '410105002',
  '410103001',
  '410902001',
  '410922100',
  // no station at all
  '410200',
];
const PERIODS = ['2023-03', '2023-04', '2023', '2023-05', '2024'];
const BREAKDOWNS: Array<RollupBreakdown | undefined> = [
  undefined,
  'domain',
  'population',
  'domain-population',
];

type Row = ServiceRollup['rows'][number];

/** The same question answered from the raw records: a GROUP BY over service_records × stations' paths. */
async function groundTruth(
  db: Kysely<ReportingDatabase>,
  regionCode: string,
  period: string,
  by: RollupBreakdown | undefined,
): Promise<{ totals: ServiceRollup['totals']; rows: Row[] }> {
  const [from, to] = periodRange(period);
  const scope = sql`
    select r.* from reporting.service_records r
    join reporting.stations s on s.id = r.station_id
    where s.region_path @> array[${regionCode}]::text[] and to_char(r.date, 'YYYY-MM') between ${from} and ${to}`;
  const counters = sql`count(*)::int as records, coalesce(sum(beneficiaries), 0)::int as beneficiaries,
    coalesce(sum(hours), 0)::text as hours, coalesce(sum(volunteers), 0)::int as volunteers`;
  type Counted = { records: number; beneficiaries: number; hours: string; volunteers: number };
  const numbers = (r: Counted) => ({
    records: r.records,
    beneficiaries: r.beneficiaries,
    hours: Number(r.hours),
    volunteers: r.volunteers,
  });
  const totals = await sql<Counted>`select ${counters} from (${scope}) t`.execute(db);
  let rows: Row[] = [];
  if (by === 'domain') {
    const found = await sql<Counted & { domain: string }>`
      select d as domain, ${counters} from (${scope}) t cross join unnest(t.domains) d group by d`.execute(
      db,
    );
    rows = found.rows.map((r) => ({ domain: r.domain, ...numbers(r) }));
  } else if (by === 'population') {
    const found = await sql<Counted & { population: string }>`
      select p as population, ${counters} from (${scope}) t cross join unnest(t.populations) p group by p`.execute(
      db,
    );
    rows = found.rows.map((r) => ({ population: r.population, ...numbers(r) }));
  } else if (by === 'domain-population') {
    const found = await sql<Counted & { domain: string; population: string }>`
      select d as domain, p as population, ${counters}
      from (${scope}) t cross join unnest(t.domains) d cross join unnest(t.populations) p
      group by d, p`.execute(db);
    rows = found.rows.map((r) => ({ domain: r.domain, population: r.population, ...numbers(r) }));
  }
  return { totals: numbers(totals.rows[0] as Counted), rows: sorted(rows) };
}

function sorted(rows: Row[]): Row[] {
  const key = (r: Row) => `${r.domain ?? ''}\u0000${r.population ?? ''}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Every region × period × breakdown of the suite, rollup answer against the raw records. */
async function expectRollupsEqualGroundTruth(reporting: ReportingHarness): Promise<number> {
  let compared = 0;
  for (const regionCode of REGIONS) {
    for (const period of PERIODS) {
      for (const by of BREAKDOWNS) {
        const actual = await reporting.caller.rollups.services({ regionCode, period, ...(by ? { by } : {}) });
        const expected = await groundTruth(reporting.db, regionCode, period, by);
        const where = `${regionCode} ${period} by ${by ?? 'nothing'}`;
        expect(actual.totals, where).toEqual(expected.totals);
        expect(sorted(actual.rows), where).toEqual(expected.rows);
        compared++;
      }
    }
  }
  return compared;
}

async function withSuiteStations(): Promise<ReportingHarness> {
  const reporting = await startReporting();
  for (const s of STATIONS) {
    await reporting.deliver(
      ...stationOpened(s.id, {
        regionCode: s.regionCode,
        stationType: 'stationType' in s ? s.stationType : 'township-station',
      }),
    );
  }
  return reporting;
}

function suiteRecords(seed: number, count: number, idPrefix: string) {
  return generateRecords({
    seed,
    count,
    stations: STATIONS.map((s) => ({ id: s.id, catalogId: s.catalogId, itemRefs: itemRefs(s.catalogId) })),
    months: ['2023-03', '2023-04'],
    populations: listPopulations().map((p) => p.code),
    idPrefix,
  });
}

async function pendingMarks(db: Kysely<ReportingDatabase>): Promise<number> {
  const rows = await sql<{ n: number }>`select count(*)::int as n from reporting.rollup_pending`.execute(db);
  return rows.rows[0]?.n ?? -1;
}

describe('service rollups', () => {
  it('equal a GROUP BY over the raw records at every region level × month and year × breakdown', async () => {
    await using reporting = await startReporting();
    for (const s of STATIONS) {
      await reporting.deliver(
        ...stationOpened(s.id, {
          regionCode: s.regionCode,
          stationType: 'stationType' in s ? s.stationType : 'township-station',
        }),
      );
    }
    const records = generateRecords({
      seed: 20_231_114,
      count: 4_000,
      stations: STATIONS.map((s) => ({ id: s.id, catalogId: s.catalogId, itemRefs: itemRefs(s.catalogId) })),
      months: ['2023-03', '2023-04'],
      populations: listPopulations().map((p) => p.code),
    });
    // several batches, so the rollups are added to, not just written once
    for (let i = 0; i < records.length; i += 1_000) {
      const result = await reporting.caller.serviceRecords.ingest({
        idempotencyKey: `seeded-${i}`,
        records: records.slice(i, i + 1_000),
      });
      expect(result).toMatchObject({ accepted: 1_000, rejected: [] });
    }
    // a batch sent again under its key changes nothing
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'seeded-0',
      records: records.slice(0, 1_000),
    });
    // a partial batch overlapping earlier ones: only its new, good rows count
    const extra = generateRecords({
      seed: 7,
      count: 300,
      stations: STATIONS.map((s) => ({ id: s.id, catalogId: s.catalogId, itemRefs: itemRefs(s.catalogId) })),
      months: ['2023-04'],
      populations: listPopulations().map((p) => p.code),
      idPrefix: 'extra',
    });
    const overlapping = await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'overlap',
      partial: true,
      records: [...records.slice(3_900), ...extra, serviceRecord('bad', { stationId: 'st-zyl' })],
    });
    expect(overlapping).toMatchObject({ received: 401, accepted: 300 });
    expect(overlapping.rejected).toHaveLength(101);

    const stored = await sql<{ n: number }>`select count(*)::int as n from reporting.service_records`.execute(
      reporting.db,
    );
    expect(stored.rows[0]?.n).toBe(4_300);

    let compared = 0;
    for (const regionCode of REGIONS) {
      for (const period of PERIODS) {
        for (const by of BREAKDOWNS) {
          const actual = await reporting.caller.rollups.services({
            regionCode,
            period,
            ...(by ? { by } : {}),
          });
          const expected = await groundTruth(reporting.db, regionCode, period, by);
          const where = `${regionCode} ${period} by ${by ?? 'nothing'}`;
          expect(actual.totals, where).toEqual(expected.totals);
          expect(sorted(actual.rows), where).toEqual(expected.rows);
          expect(actual).toMatchObject({ regionCode, period, by: by ?? null });
          compared++;
        }
      }
    }
    expect(compared).toBe(REGIONS.length * PERIODS.length * BREAKDOWNS.length);

    // the comparison is not vacuous: the province holds every record, the year is the sum of its months
    const province = await reporting.caller.rollups.services({ regionCode: '41', period: '2023' });
    expect(province.totals.records).toBe(4_300);
    expect(province).toMatchObject({ regionCode: '410000', name: '河南省', level: 'province', rows: [] });
    const [march, april] = await Promise.all(
      ['2023-03', '2023-04'].map((period) =>
        reporting.caller.rollups.services({ regionCode: '410000', period }),
      ),
    );
    expect((march?.totals.records ?? 0) + (april?.totals.records ?? 0)).toBe(4_300);
    const byDomain = await reporting.caller.rollups.services({
      regionCode: '410100',
      period: '2023',
      by: 'domain',
    });
    expect(byDomain.rows.length).toBeGreaterThan(3);
    const byPopulation = await reporting.caller.rollups.services({
      regionCode: '410900',
      period: '2023-03',
      by: 'population',
    });
    expect(byPopulation.rows.length).toBeGreaterThan(10);
  });

  it('shows a record in the month of its date, at the station’s township and every region above', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl'));
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'k',
      records: [
        serviceRecord('r1', {
          date: '2023-03-31',
          populations: ['dibao', 'orphan'],
          beneficiaries: 2,
          hours: 0.75,
        }),
      ],
    });
    for (const regionCode of ['410105001', '410105', '410100', '410000']) {
      const rollup = await reporting.caller.rollups.services({
        regionCode,
        period: '2023-03',
        by: 'domain-population',
      });
      expect(rollup.totals).toEqual({ records: 1, beneficiaries: 2, hours: 0.75, volunteers: 0 });
      expect(rollup.rows).toEqual([
        {
          domain: 'social-assistance',
          population: 'dibao',
          records: 1,
          beneficiaries: 2,
          hours: 0.75,
          volunteers: 0,
        },
        {
          domain: 'social-assistance',
          population: 'orphan',
          records: 1,
          beneficiaries: 2,
          hours: 0.75,
          volunteers: 0,
        },
      ]);
    }
    expect(
      (await reporting.caller.rollups.services({ regionCode: '410105002', period: '2023-03' })).totals,
    ).toEqual({
      records: 0,
      beneficiaries: 0,
      hours: 0,
      volunteers: 0,
    });
    expect(
      (await reporting.caller.rollups.services({ regionCode: '410000', period: '2023-04' })).totals.records,
    ).toBe(0);
  });

  it('folded behind the calls (rollups: background): lag until foldPendingRecords, then equal the GROUP BY', async () => {
    await using reporting = await withSuiteStations();
    const batches = [0, 1, 2, 3].map((b) => suiteRecords(100 + b, 500, `bg${b}`));
    const first = batches[0] ?? [];
    // concurrent calls, as several systems send, and folds asked for from two places at once
    const results = await Promise.all(
      batches.map((records, b) =>
        ingestServiceRecords(reporting.db, { idempotencyKey: `bg-${b}`, records }, { rollups: 'background' }),
      ),
    );
    expect(results.map((r) => r.accepted)).toEqual([500, 500, 500, 500]);
    // folds asked for from two places at once, while the background one may be running: each mark once
    const folded = await Promise.all([foldPendingRecords(reporting.db), foldPendingRecords(reporting.db)]);
    expect(folded[0] + folded[1]).toBeLessThanOrEqual(4);
    expect(await pendingMarks(reporting.db)).toBe(0);
    // a partial batch overlapping the folded ones, and a repeat under a key: only new rows count, once
    const partial = await ingestServiceRecords(
      reporting.db,
      {
        idempotencyKey: 'bg-overlap',
        partial: true,
        records: [...first.slice(0, 50), ...suiteRecords(7, 60, 'late')],
      },
      { rollups: 'background' },
    );
    expect(partial).toMatchObject({ received: 110, accepted: 60 });
    await ingestServiceRecords(
      reporting.db,
      { idempotencyKey: 'bg-0', records: first },
      { rollups: 'background' },
    );
    await foldPendingRecords(reporting.db);
    expect(
      (await reporting.caller.rollups.services({ regionCode: '410000', period: '2023' })).totals.records,
    ).toBe(2_060);
    expect(await expectRollupsEqualGroundTruth(reporting)).toBe(
      REGIONS.length * PERIODS.length * BREAKDOWNS.length,
    );
  });

  it("a service's loop folds orphaned marks only: a live process's recent ones are left to its own fold", async () => {
    await using reporting = await withSuiteStations();
    // the process that ingests: its own handle and folder, which would fold a second after the call
    const live = reporting.db.withSchema(SCHEMA);
    await ingestServiceRecords(
      live,
      { idempotencyKey: 'young', records: suiteRecords(3, 700, 'y') },
      { rollups: 'background' },
    );
    // another process's loop, at once: the mark is seconds old, its records are held by a live process
    expect(await foldOrphanedRecords(reporting.db)).toBe(0);
    expect(await pendingMarks(reporting.db)).toBe(1);
    // the same mark a minute old: nobody holds it any more, the loop folds it from the raw rows
    await sql`update reporting.rollup_pending set marked_at = now() - interval '1 minute'`.execute(
      reporting.db,
    );
    expect(await foldOrphanedRecords(reporting.db)).toBe(1);
    expect(await foldPendingRecords(live)).toBe(0);
    expect(
      (await reporting.caller.rollups.services({ regionCode: '410000', period: '2023' })).totals.records,
    ).toBe(700);
    expect(await expectRollupsEqualGroundTruth(reporting)).toBeGreaterThan(0);
  });

  it('retries a failed background fold by itself, and folds its own marks another fold had locked', async () => {
    await using reporting = await withSuiteStations();
    const totalRecords = async () =>
      (await reporting.caller.rollups.services({ regionCode: '410000', period: '2023' })).totals.records;
    /** Polls until the rollups hold `records` and no mark waits (the folds' own timers, no call of ours). */
    const folded = async (records: number) => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        if ((await pendingMarks(reporting.db)) === 0 && (await totalRecords()) === records) return true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return false;
    };
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (message: unknown) => errors.push(message);
    try {
      // the fold a second after the call fails (the upsert refused), and no call follows
      await sql`alter table reporting.service_rollups add constraint refuse_all check (false) not valid`.execute(
        reporting.db,
      );
      await ingestServiceRecords(
        reporting.db,
        { idempotencyKey: 'fails-once', records: suiteRecords(5, 200, 'f') },
        { rollups: 'background' },
      );
      while (errors.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      await sql`alter table reporting.service_rollups drop constraint refuse_all`.execute(reporting.db);
      expect(await folded(200)).toBe(true);

      // another fold holds the next request's mark while this process's fold runs, then rolls back
      const live = reporting.db.withSchema(SCHEMA);
      await ingestServiceRecords(
        live,
        { idempotencyKey: 'locked-once', records: suiteRecords(6, 100, 'l') },
        { rollups: 'background' },
      );
      let release = () => {};
      const holding = new Promise<void>((resolve) => {
        release = resolve;
      });
      const locker = reporting.db
        .transaction()
        .execute(async (trx) => {
          await sql`select request_id from reporting.rollup_pending for update`.execute(trx);
          await holding;
          throw new Error('the other fold fails');
        })
        .catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 1_800)); // live's fold ran, skipping the mark
      release();
      await locker;
      expect(await folded(300)).toBe(true);
      expect(await expectRollupsEqualGroundTruth(reporting)).toBeGreaterThan(0);
    } finally {
      console.error = log;
    }
  }, 60_000);

  it('loses nothing when the process that ingested dies before folding: another folds from the raw rows', async () => {
    await using reporting = await withSuiteStations();
    await ingestServiceRecords(
      reporting.db,
      { idempotencyKey: 'died-0', records: suiteRecords(1, 800, 'd0') },
      { rollups: 'background' },
    );
    await ingestServiceRecords(
      reporting.db,
      { idempotencyKey: 'died-1', records: suiteRecords(2, 800, 'd1') },
      { rollups: 'background' },
    );
    // another process: its own database handle, holding none of the records in memory
    const other = reporting.db.withSchema(SCHEMA);
    expect(await foldPendingRecords(other)).toBe(2);
    // the process that ingested folds later and finds nothing left to add
    expect(await foldPendingRecords(reporting.db)).toBe(0);
    expect(
      (await reporting.caller.rollups.services({ regionCode: '410000', period: '2023' })).totals.records,
    ).toBe(1_600);
    expect(await expectRollupsEqualGroundTruth(reporting)).toBeGreaterThan(0);
  });

  it('refuses a village, an unknown region and a bad period with 4xx naming the field', async () => {
    await using reporting = await startReporting();
    const village = await rejection(
      reporting.caller.rollups.services({ regionCode: '410105001001', period: '2023' }),
    );
    expect(village).toMatchObject({ status: 400, code: 'REGION_LEVEL_UNSUPPORTED', fields: ['regionCode'] });
    const unknown = await rejection(reporting.caller.rollups.coverage({ regionCode: '419999' }));
    expect(unknown).toMatchObject({ code: 'REGION_NOT_FOUND', fields: ['regionCode'] });
    expect(unknown.status).toBeLessThan(500);
    const period = await rejection(
      reporting.caller.rollups.services({ regionCode: '410000', period: '2023-13' }),
    );
    expect(period).toMatchObject({ status: 400, fields: ['period'] });
  });
});
