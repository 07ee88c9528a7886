import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readCoverage } from './domain/rollups.ts';
import { migrateReporting } from './service.ts';
import {
  type ReportingHarness,
  startReporting,
  stationOpened,
  stationRegistered,
  stationStatusChanged,
} from './test-harness.ts';

/** 经八路街道, 金水区, 郑州市, 河南省: the regions an operating station at 410105001 counts in. */
const PATH = ['410105001', '410105', '410100', '410000'] as const;

async function countsAlong(reporting: ReportingHarness, codes: readonly string[] = PATH) {
  const out: Record<string, { operating: number; township: number; covered: number }> = {};
  for (const code of codes) {
    const c = await readCoverage(reporting.db, code);
    out[code] = { operating: c.operatingStations, township: c.townshipStations, covered: c.coveredTownships };
  }
  return out;
}

const along = (operating: number, township: number, covered: number) =>
  Object.fromEntries(PATH.map((code) => [code, { operating, township, covered }]));

describe('migrations', () => {
  it('create reporting’s tables and run once', async () => {
    await using reporting = await startReporting();
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'reporting' order by table_name`.execute(
      reporting.db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'coverage',
        'dead_letters',
        'inbox',
        'ingest_requests',
        'service_records',
        'service_rollups',
        'stations',
      ]),
    );
    expect(await migrateReporting(reporting.db)).toEqual([]);
  });
});

describe('township coverage', () => {
  it('counts an opened station at township, county, city and province, and drops it when suspended', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(stationRegistered('st-jbl'));
    // registered but only planned: not yet counted
    expect(await countsAlong(reporting)).toEqual(along(0, 0, 0));

    await reporting.deliver(stationStatusChanged('st-jbl', 'planned', 'operating', '2021-03-01'));
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));

    const city = await readCoverage(reporting.db, '4101');
    expect(city).toMatchObject({ regionCode: '410100', name: '郑州市', level: 'city', coveredTownships: 1 });
    expect(city.townships).toBeGreaterThan(100);
    expect(city.coverage).toBeCloseTo(1 / city.townships, 4);
    expect(city.children.find((c) => c.regionCode === '410105')).toMatchObject({ coveredTownships: 1 });
    expect(city.children.find((c) => c.regionCode === '410103')).toMatchObject({ coveredTownships: 0 });
    const township = await readCoverage(reporting.db, '410105001');
    expect(township).toMatchObject({ townships: 1, coverage: 1, children: [] });

    await reporting.deliver(stationStatusChanged('st-jbl', 'operating', 'suspended', '2022-01-10'));
    expect(await countsAlong(reporting)).toEqual(along(0, 0, 0));

    // reopening counts it again, once
    await reporting.deliver(stationStatusChanged('st-jbl', 'suspended', 'operating', '2022-02-10'));
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));
    const station = await reporting.db
      .selectFrom('stations')
      .selectAll()
      .where('id', '=', 'st-jbl')
      .executeTakeFirst();
    expect(station).toMatchObject({ status: 'operating', opened_on: '2021-03-01' });
  });

  it('covers a township once however many township stations it has', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-a'), ...stationOpened('st-b'));
    expect(await countsAlong(reporting)).toEqual(along(2, 2, 1));

    // one of the two closes: still covered
    await reporting.deliver(stationStatusChanged('st-a', 'operating', 'closed', '2022-06-01'));
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));
    await reporting.deliver(stationStatusChanged('st-b', 'operating', 'suspended', '2022-06-02'));
    expect(await countsAlong(reporting)).toEqual(along(0, 0, 0));
  });

  it('covers a township once when its stations open at the same time (events on different partitions)', async () => {
    await using reporting = await startReporting();
    const ids = Array.from({ length: 8 }, (_, i) => `st-${i}`);
    await Promise.all(ids.map((id) => reporting.deliver(...stationOpened(id))));
    expect(await countsAlong(reporting)).toEqual(along(8, 8, 1));
    await Promise.all(
      ids.map((id) => reporting.deliver(stationStatusChanged(id, 'operating', 'suspended', '2022-01-01'))),
    );
    expect(await countsAlong(reporting)).toEqual(along(0, 0, 0));
  });

  it('counts a community room as an operating station but not as covering its township', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('room', { stationType: 'community-room' }));
    expect(await countsAlong(reporting)).toEqual(along(1, 0, 0));
    // a county centre counts at county and above only
    await reporting.deliver(
      ...stationOpened('centre', { stationType: 'county-centre', regionCode: '410105' }),
    );
    expect(await countsAlong(reporting)).toEqual({
      ...along(2, 0, 0),
      '410105001': { operating: 1, township: 0, covered: 0 },
    });
  });

  it('counts a redelivered event once', async () => {
    await using reporting = await startReporting();
    const [registered, opened] = stationOpened('st-jbl');
    if (!registered || !opened) throw new Error('stationOpened gives two events');
    await reporting.deliver(registered, opened, opened, registered, opened);
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));
    const inbox = await reporting.db.selectFrom('inbox').select('event_id').execute();
    expect(inbox).toHaveLength(2);
  });

  it('does not count a repeated status change under a new event id twice', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(
      ...stationOpened('st-jbl'),
      // a producer that sent the opening again, or an out-of-date from
      stationStatusChanged('st-jbl', 'planned', 'operating', '2021-03-02'),
      stationStatusChanged('st-jbl', 'building', 'operating', '2021-03-03'),
    );
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));
  });

  it('counts a station whose opening arrived before its registration once its region is known', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(stationStatusChanged('st-jbl', 'planned', 'operating', '2021-03-01'));
    expect(await countsAlong(reporting)).toEqual(along(0, 0, 0));
    await reporting.deliver(stationRegistered('st-jbl', { status: 'planned' }));
    expect(await countsAlong(reporting)).toEqual(along(1, 1, 1));
  });

  it('moves a station’s weight when it is registered again in another township', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...stationOpened('st-jbl'));
    await reporting.deliver(stationRegistered('st-jbl', { regionCode: '410105002' }));
    expect(await countsAlong(reporting, ['410105001', '410105002', '410105', '410000'])).toEqual({
      '410105001': { operating: 0, township: 0, covered: 0 },
      '410105002': { operating: 1, township: 1, covered: 1 },
      '410105': { operating: 1, township: 1, covered: 1 },
      '410000': { operating: 1, township: 1, covered: 1 },
    });
  });
});
