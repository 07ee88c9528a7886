import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/** What coverage needs to know of a station. */
export interface CoverageSubject {
  status: string;
  region_code: string | null;
  region_path: readonly string[] | null;
  station_type: string | null;
}

interface Contribution {
  path: readonly string[];
  /** The township a township station covers, if it is one. */
  township: string | null;
}

/** An operating, located station counts in every region of its path; suspended and closed ones do not. */
function contributionOf(station: CoverageSubject | undefined): Contribution | undefined {
  if (station?.status !== 'operating' || !station.region_path || !station.region_code) return;
  const township =
    station.station_type === 'township-station' && station.region_code.length === 9
      ? station.region_code
      : null;
  return { path: station.region_path, township };
}

/**
 * Moves a station's weight in the coverage rollup from what it was to what it is: +1 in every region of its
 * path when it starts operating, −1 when it stops (or moves region). Derived from the stored state before
 * and after, not from the event's `from`, so a repeated or out-of-date status event cannot count twice.
 * A township is covered while it has at least one operating township station [ZZ §1.3].
 */
export async function adjustCoverage(
  trx: Db,
  before: CoverageSubject | undefined,
  after: CoverageSubject | undefined,
): Promise<void> {
  const b = contributionOf(before);
  const a = contributionOf(after);
  if (b?.path.join() === a?.path.join() && b?.township === a?.township) return;
  const deltas = new Map<string, [number, number]>();
  const add = (c: Contribution | undefined, sign: number) => {
    for (const region of c?.path ?? []) {
      const d = deltas.get(region) ?? [0, 0];
      d[0] += sign;
      if (c?.township) d[1] += sign;
      deltas.set(region, d);
    }
  };
  add(b, -1);
  add(a, +1);
  const townshipStations = await upsertCoverage(trx, deltas, 'stations');

  // A township's coverage flips when its township-station count crosses zero.
  const covered = new Map<string, [number, number]>();
  for (const c of [b, a]) {
    if (!c?.township) continue;
    const delta = deltas.get(c.township)?.[1] ?? 0;
    const now = townshipStations.get(c.township) ?? 0;
    const was = now - delta;
    const flip = was === 0 && now > 0 ? 1 : was > 0 && now === 0 ? -1 : 0;
    if (flip === 0) continue;
    for (const region of c.path) covered.set(region, [(covered.get(region)?.[0] ?? 0) + flip, 0]);
  }
  if (covered.size > 0) await upsertCoverage(trx, covered, 'townships');
}

async function upsertCoverage(
  trx: Db,
  deltas: Map<string, [number, number]>,
  what: 'stations' | 'townships',
): Promise<Map<string, number>> {
  const entries = [...deltas]
    .filter(([, d]) => d[0] !== 0 || d[1] !== 0)
    .sort(([x], [y]) => (x < y ? -1 : 1));
  if (entries.length === 0) return new Map();
  const codes = entries.map(([code]) => code);
  const first = entries.map(([, d]) => d[0]);
  const second = entries.map(([, d]) => d[1]);
  if (what === 'townships') {
    await sql`
      insert into reporting.coverage as c (region_code, operating_stations, township_stations, covered_townships)
      select g, 0, 0, n from unnest(${codes}::text[], ${first}::int[]) as t(g, n)
      on conflict (region_code) do update set covered_townships = c.covered_townships + excluded.covered_townships`.execute(
      trx,
    );
    return new Map();
  }
  const result = await sql<{ region_code: string; township_stations: number }>`
    insert into reporting.coverage as c (region_code, operating_stations, township_stations, covered_townships)
    select g, n, t, 0 from unnest(${codes}::text[], ${first}::int[], ${second}::int[]) as u(g, n, t)
    on conflict (region_code) do update set
      operating_stations = c.operating_stations + excluded.operating_stations,
      township_stations = c.township_stations + excluded.township_stations
    returning region_code, township_stations`.execute(trx);
  return new Map(result.rows.map((r) => [r.region_code, r.township_stations]));
}
