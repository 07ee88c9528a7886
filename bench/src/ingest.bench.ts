import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { catalogFor, crosswalk, listPopulations } from '@shegong/catalog';
import { childrenOf, townshipsOf } from '@shegong/regions';
import {
  connectReportingDatabase,
  createReportingService,
  domainsOf,
  foldPendingRecords,
  ingestServiceRecords,
  MAX_INGEST_RECORDS,
  migrateReporting,
  readServiceRollup,
  type ServiceRecord,
} from '@shegong/reporting-service';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startPostgres } from './postgres.ts';
import { type Row, report } from './report.ts';
import { prng } from './staffing-data.ts';

/** Records to ingest; CI may set it lower. */
const ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 1_000_000);
/** Records per call: the most one ingest call takes, as a bulk load sends them. */
const BATCH = MAX_INGEST_RECORDS;
const READS = 200;
const RATIO_TARGET = 0.5;
const READ_P95_TARGET_MS = 10;
const CITIES: readonly string[] = ['410100', '410900', '420100']; // Zhengzhou, Puyang, Wuhan: three catalogs
const PROVINCES = ['410000', '420000'] as const;
const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
/** The bare table's load: the same batches, each one COPY in text format (pg-copy-streams). */
const BASELINE = 'COPY FROM STDIN (text format, one COPY per batch)';

/**
 * Issue target: ingest service records through the reporting ingest path (validation, raw rows by COPY,
 * rollups by province, city and county × month × domain × population) until the rollups include them, at
 * ≥ 0.5× the speed of a bare bulk load of the same rows, and read province × month and city × month
 * rollups with p95 ≤ 10 ms, equal to a GROUP BY over the raw records.
 *
 * The ratio times a bulk load as a loader would run it: every call `rollups: 'background'` (what a city
 * system sends to `serviceRecords.ingest` or `POST /service-records` for a bulk load; the call returns
 * once its rows are stored; folds add them to the rollups behind the calls), then `foldPendingRecords`,
 * which returns once the rollups include every row; that wait is part of the ingest time. The same rows
 * are also ingested `inline` (each call adds its rows to the rollups in its own transaction, what the API
 * does) into a second database, for the figure a caller of the API sees.
 */
export async function benchIngest(): Promise<void> {
  const server = startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const dbName = `bench_ingest_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${dbName}`);
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;
  const db = connectReportingDatabase(url.toString(), { maxConnections: 4 });
  const client = new pg.Client({ connectionString: url.toString() });
  const inlineName = `${dbName}_inline`;
  await admin.query(`create database ${inlineName}`);
  url.pathname = `/${inlineName}`;
  const inlineDb = connectReportingDatabase(url.toString(), { maxConnections: 4 });
  try {
    await client.connect();
    const stations = CITIES.flatMap((city) =>
      childrenOf(city).flatMap((county) =>
        townshipsOf(county.code).map((t) => ({ id: `st-${t.code}`, regionCode: t.code, city })),
      ),
    );
    for (const target of [db, inlineDb]) await registerStations(target, stations);
    const records = generateRecords(stations, ROWS);
    const batches = Array.from({ length: Math.ceil(ROWS / BATCH) }, (_, b) =>
      records.slice(b * BATCH, (b + 1) * BATCH),
    );

    // Baseline: the same rows into a bare table of the same shape (no key, no index).
    await client.query(`create table public.service_records_bare (like reporting.service_records)`);
    await checkCopyEscaping(client);
    const baselineMs = await timeEach(batches, (batch) => copyBare(client, batch));
    // The reporting ingest path, batch by batch, the rollups folded behind the calls; then the wait until
    // they include every row, counted in the ingest time.
    const ingestMs = await timeEach(batches, (batch, b) => ingestBatch(db, batch, b, 'background'));
    const foldStarted = performance.now();
    await foldPendingRecords(db);
    const foldWaitMs = performance.now() - foldStarted;
    await expectAllInRollups(db);
    // Both loads stored the same rows: equal counts, and no bare row missing from the ingested ones.
    const columns =
      'station_id, id, catalog_id, item_ref, populations, kind, date, beneficiaries, hours, volunteers, domains';
    const compared = await client.query<{ bare: string | number; missing: string | number }>(
      `select (select count(*) from public.service_records_bare) as bare,
              (select count(*) from (select ${columns} from public.service_records_bare
                                     except all select ${columns} from reporting.service_records) d) as missing`,
    );
    const { bare, missing } = compared.rows[0] ?? { bare: 0, missing: Number.NaN };
    if (Number(bare) !== ROWS || Number(missing) !== 0)
      throw new Error(`bare table holds ${bare} rows, ${missing} of them not ingested; expected ${ROWS}, 0`);

    // Reads: rollup answers next to the same answer by GROUP BY over the raw records.
    const random = prng(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const truth = new Map<string, { rows: string; ms: number }>();
    const readSuite = async (regions: readonly string[]) => {
      const times: number[] = [];
      for (let i = 0; i < READS; i++) {
        const regionCode = pick(regions);
        const period = pick(MONTHS);
        const started = performance.now();
        const answer = await readServiceRollup(db, { regionCode, period, by: 'domain-population' });
        times.push(performance.now() - started);
        const key = `${regionCode}|${period}`;
        let expected = truth.get(key);
        if (!expected) {
          const t0 = performance.now();
          const rows = await groupByRaw(client, regionCode, period);
          expected = { rows: JSON.stringify(rows), ms: performance.now() - t0 };
          truth.set(key, expected);
        }
        const got = JSON.stringify({ totals: answer.totals, rows: answer.rows });
        if (got !== expected.rows)
          throw new Error(
            `rollup ${key} differs from GROUP BY:\n${got.slice(0, 500)}\n${expected.rows.slice(0, 500)}`,
          );
      }
      return times;
    };
    const provinceReads = await readSuite(PROVINCES);
    const cityReads = await readSuite(CITIES);
    const groupByTimes = [...truth.values()].map((t) => t.ms);
    // The same rows as the API ingests them, each call adding its rows to the rollups itself; after the
    // reads, so its database's autovacuum does not run under them.
    const inlineMs = await timeEach(batches, (batch, b) => ingestBatch(inlineDb, batch, b, 'inline'));
    await expectAllInRollups(inlineDb);

    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const ingestRate = ROWS / ((sum(ingestMs) + foldWaitMs) / 1000);
    const inlineRate = ROWS / (sum(inlineMs) / 1000);
    const baselineRate = ROWS / (sum(baselineMs) / 1000);
    const ratio = ingestRate / baselineRate;
    const p = (xs: number[], q: number) => Number(quantile(xs, q).toFixed(2));
    const rowOf = (task: string, times: number[], perCall: number): Row => ({
      task,
      'ops/s': Math.round((perCall * times.length) / (sum(times) / 1000)),
      'mean ms': Number((sum(times) / times.length).toFixed(3)),
      'p99 ms': p(times, 0.99),
      samples: times.length,
    });
    const rollupSize = await client.query<{ n: string }>(
      'select count(*) as n from reporting.service_rollups',
    );
    report(
      'ingest',
      [
        rowOf(`ingestServiceRecords background (${BATCH}/call), rows/s`, ingestMs, BATCH),
        rowOf('foldPendingRecords after the last call (ms)', [foldWaitMs], 0),
        rowOf(`ingestServiceRecords inline (${BATCH}/call), rows/s`, inlineMs, BATCH),
        rowOf(`baseline ${BASELINE.split(' (')[0]} (${BATCH}/stmt), rows/s`, baselineMs, BATCH),
        rowOf('rollups.services province × month (domain-population)', provinceReads, 1),
        rowOf('rollups.services city × month (domain-population)', cityReads, 1),
        rowOf('GROUP BY over raw records (same answers)', groupByTimes, 1),
      ],
      {
        records: ROWS,
        batch: BATCH,
        stations: stations.length,
        rollupRows: Number(rollupSize.rows[0]?.n),
        baseline: BASELINE,
        ingest: "rollups: 'background' per call, then foldPendingRecords (its wait counted)",
        ingestRowsPerSecond: Math.round(ingestRate),
        foldWaitMs: Number(foldWaitMs.toFixed(1)),
        inlineIngestRowsPerSecond: Math.round(inlineRate),
        inlineRatio: Number((inlineRate / baselineRate).toFixed(3)),
        baselineRowsPerSecond: Math.round(baselineRate),
        ratio: Number(ratio.toFixed(3)),
        ratioTarget: RATIO_TARGET,
        metRatio: ratio >= RATIO_TARGET,
        provinceMonthReadMs: { p50: p(provinceReads, 0.5), p95: p(provinceReads, 0.95) },
        cityMonthReadMs: { p50: p(cityReads, 0.5), p95: p(cityReads, 0.95) },
        groupByReadMs: { p50: p(groupByTimes, 0.5), p95: p(groupByTimes, 0.95), distinctQueries: truth.size },
        readP95TargetMs: READ_P95_TARGET_MS,
        metReadTarget:
          Math.max(quantile(provinceReads, 0.95), quantile(cityReads, 0.95)) <= READ_P95_TARGET_MS,
        answersEqualGroupBy: true,
      },
    );
  } finally {
    await client.end().catch(() => {});
    await db.destroy();
    await inlineDb.destroy();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`drop database if exists ${inlineName} with (force)`);
    await admin.end();
    server.stop();
  }
}

/** The province rollups of 2023 and 2024 count every ingested record. */
async function expectAllInRollups(db: ReturnType<typeof connectReportingDatabase>): Promise<void> {
  const inRollups = await Promise.all(
    PROVINCES.map(async (p) => {
      const years = await Promise.all(
        ['2023', '2024'].map((period) => readServiceRollup(db, { regionCode: p, period })),
      );
      return years.reduce((sum, y) => sum + y.totals.records, 0);
    }),
  );
  if (inRollups.reduce((a, b) => a + b, 0) !== ROWS)
    throw new Error(`rollups hold ${inRollups.join('+')} records, expected ${ROWS}`);
}

/** A migrated reporting database that knows the stations, as the registry's events register them. */
async function registerStations(
  db: ReturnType<typeof connectReportingDatabase>,
  stations: ReadonlyArray<{ id: string; regionCode: string }>,
): Promise<void> {
  await migrateReporting(db);
  const service = createReportingService({ db });
  for (const s of stations) {
    await service.handleEvent({
      id: randomUUID(),
      occurredAt: '2023-01-01T08:00:00+08:00',
      source: 'registry',
      key: `station:${s.id}`,
      type: 'station.registered.v1',
      data: {
        stationId: s.id,
        regionCode: s.regionCode,
        name: s.id,
        stationType: 'township-station',
        status: 'operating',
        projectStartOn: '2022-01-01',
      },
    });
  }
}

/** One ingest call of a batch; every row must be accepted. */
async function ingestBatch(
  db: ReturnType<typeof connectReportingDatabase>,
  batch: readonly Generated[],
  b: number,
  rollups: 'inline' | 'background',
): Promise<void> {
  const result = await ingestServiceRecords(
    db,
    { idempotencyKey: `bench-${b}`, records: batch.map((r) => r.record) },
    { rollups },
  );
  if (result.accepted !== batch.length) throw new Error(`batch ${b}: ${result.rejected.length} rejected`);
}

interface Generated {
  record: ServiceRecord;
  domains: string[];
}

/**
 * `n` records over the stations (fixed seed), dated over 2023–2024 in random order, each under an item of
 * its city's catalog, serving 0–2 target populations.
 */
function generateRecords(stations: ReadonlyArray<{ id: string; city: string }>, n: number): Generated[] {
  const random = prng(2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const items = new Map(
    CITIES.map((city) => {
      const catalog = catalogFor(city);
      return [city, { catalogId: catalog.id, refs: crosswalk(catalog).map((r) => r.ref) }] as const;
    }),
  );
  const populations = listPopulations().map((p) => p.code);
  const kinds = ['case', 'group', 'activity', 'visit'] as const;
  const start = Date.UTC(2023, 0, 1);
  const out: Generated[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const station = pick(stations);
    const { catalogId, refs } = items.get(station.city) as { catalogId: string; refs: string[] };
    const itemRef = pick(refs);
    const roll = random();
    const served =
      roll < 0.2 ? [] : roll < 0.7 ? [pick(populations)] : [pick(populations), pick(populations)];
    const record: ServiceRecord = {
      id: `r-${i}`,
      stationId: station.id,
      catalogId,
      itemRef,
      populations: [...new Set(served)],
      kind: pick(kinds),
      date: new Date(start + Math.floor(random() * 731) * 86_400_000).toISOString().slice(0, 10),
      beneficiaries: 1 + Math.floor(random() * 30),
      hours: 0.5 * (1 + Math.floor(random() * 16)),
      volunteers: Math.floor(random() * 6),
    };
    out[i] = { record, domains: domainsOf(catalogId, itemRef) ?? [] };
  }
  return out;
}

/** One `COPY … FROM STDIN` (text format) of a batch into the bare table. */
async function copyBare(client: pg.Client, batch: readonly Generated[]): Promise<void> {
  let text = '';
  for (const { record: r, domains } of batch) {
    text += `${copyField(r.stationId)}\t${copyField(r.id)}\t${copyField(r.catalogId)}\t${copyField(r.itemRef)}\t${copyField(arrayLiteral(r.populations))}\t${copyField(r.kind)}\t${r.date}\t${r.beneficiaries}\t${r.hours}\t${r.volunteers}\t${copyField(arrayLiteral(domains))}\t0\n`;
  }
  const stream = client.query(
    copyFrom(`copy public.service_records_bare (station_id, id, catalog_id, item_ref, populations, kind, date,
       beneficiaries, hours, volunteers, domains, request_id) from stdin`),
  );
  await pipeline(Readable.from([Buffer.from(text)]), stream);
  if (stream.rowCount !== batch.length)
    throw new Error(`COPY stored ${stream.rowCount} rows of ${batch.length}`);
}

/** COPYs awkward values (tab, newline, backslash, quotes, braces, `NULL`, empty) and reads them back. */
async function checkCopyEscaping(client: pg.Client): Promise<void> {
  const odd = ['a\tb', 'c\nd\re', 'back\\slash', 'say "hi"', '{x,y}', 'NULL', '', ' spaced '];
  await client.query('create temp table copy_check (t text, a text[])');
  const text = odd.map((v) => `${copyField(v)}\t${copyField(arrayLiteral([v, v]))}\n`).join('');
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom('copy copy_check from stdin')));
  const back = await client.query<{ t: string; a: string[] }>('select t, a from copy_check');
  const expected = JSON.stringify(odd.map((v) => ({ t: v, a: [v, v] })));
  if (JSON.stringify(back.rows) !== expected)
    throw new Error(`COPY escaping broken: ${JSON.stringify(back.rows)} ≠ ${expected}`);
  await client.query('drop table copy_check');
}

/** A value as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyField(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
}

/** A `text[]` literal, `{a,"b c"}`: an element Postgres would misread is quoted, its `"` and `\` escaped. */
function arrayLiteral(items: readonly string[]): string {
  const quoted = items.map((item) =>
    item === '' || /^null$/i.test(item) || /[{}",\\\s]/.test(item)
      ? `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`
      : item,
  );
  return `{${quoted.join(',')}}`;
}

/** The answer of `rollups.services … by: 'domain-population'`, computed from the raw records. */
async function groupByRaw(client: pg.Client, regionCode: string, period: string) {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const from = `${period}-01`;
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const where = `from reporting.service_records r join reporting.stations s on s.id = r.station_id
                 where s.region_path @> array[$1]::text[] and r.date >= $2 and r.date < $3`;
  const totals = await client.query(
    `select count(*)::int as records, coalesce(sum(beneficiaries), 0)::int as beneficiaries,
            coalesce(sum(hours), 0)::text as hours, coalesce(sum(volunteers), 0)::int as volunteers ${where}`,
    [regionCode, from, to],
  );
  const rows = await client.query(
    `select d as domain, p as population, count(*)::int as records, sum(beneficiaries)::int as beneficiaries,
            sum(hours)::text as hours, sum(volunteers)::int as volunteers
     ${where.replace('join reporting.stations s on s.id = r.station_id', 'join reporting.stations s on s.id = r.station_id cross join unnest(r.domains) d cross join unnest(r.populations) p')}
     group by d, p order by d, p`,
    [regionCode, from, to],
  );
  const t = totals.rows[0];
  return {
    totals: {
      records: t.records,
      beneficiaries: t.beneficiaries,
      hours: Number(t.hours),
      volunteers: t.volunteers,
    },
    rows: rows.rows.map((r) => ({ ...r, hours: Number(r.hours) })),
  };
}

async function timeEach<T>(
  items: readonly T[],
  work: (item: T, index: number) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (const [index, item] of items.entries()) {
    const started = performance.now();
    await work(item, index);
    times.push(performance.now() - started);
  }
  return times;
}

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
