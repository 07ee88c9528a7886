import { DomainError, type Finding, type IsoDate } from '@shegong/kernel';
import {
  evaluateStation,
  type PolicyProfile,
  profileFor,
  type ResidentWorker,
  type StaffChange,
  type Supervisor,
} from '@shegong/staffing';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { regionOf } from './regions.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

interface PlacedStation {
  id: string;
  region_code: string;
  region_path: string[];
  project_start_on: string | null;
  opened_on: string | null;
  registered_on: string | null;
}

/** A station's current staffing verdict. */
export interface StationCompliance {
  stationId: string;
  asOf: IsoDate;
  /** The policy profile applied, or null when none covers the station's region (not evaluated). */
  profile: string | null;
  /** No `error` finding; null when not evaluated. */
  compliant: boolean | null;
  counts: { error: number; warning: number; info: number };
  findings: Finding[];
}

/**
 * Re-evaluates stations' staffing from the read models and replaces their stored findings, in the caller's
 * transaction. A station not registered yet (known only from staff events) is skipped: it is evaluated
 * when its registration arrives. The 2-year qualification clock runs from the project start; a station
 * registered without one counts from the day it opened, else the day it was registered.
 * @returns the verdicts stored
 */
export async function reevaluateStations(
  trx: Db,
  stationIds: readonly string[],
  asOf: IsoDate,
): Promise<StationCompliance[]> {
  if (stationIds.length === 0) return [];
  const stations = await sql<PlacedStation>`
    select id, region_code, region_path, project_start_on, opened_on, registered_on
    from reporting.stations
    where id = any(${[...stationIds]}::text[]) and region_path is not null
    order by id`.execute(trx);
  return evaluateAndStore(trx, stations.rows, asOf);
}

/**
 * Re-runs compliance for every registered station in a region on a given day (the nightly job: deadlines
 * pass without any event).
 */
export async function reevaluateRegion(
  db: Kysely<ReportingDatabase>,
  regionCode: string,
  asOf: IsoDate,
): Promise<{ regionCode: string; asOf: IsoDate; stations: number; compliant: number; nonCompliant: number }> {
  const region = regionOf(regionCode);
  const verdicts = await db.transaction().execute(async (trx) => {
    const stations = await sql<PlacedStation>`
      select id, region_code, region_path, project_start_on, opened_on, registered_on
      from reporting.stations
      where region_path @> array[${region.code}]::text[]
      order by id`.execute(trx);
    const out: StationCompliance[] = [];
    for (let i = 0; i < stations.rows.length; i += 500)
      out.push(...(await evaluateAndStore(trx, stations.rows.slice(i, i + 500), asOf)));
    return out;
  });
  return {
    regionCode: region.code,
    asOf,
    stations: verdicts.length,
    compliant: verdicts.filter((v) => v.compliant === true).length,
    nonCompliant: verdicts.filter((v) => v.compliant === false).length,
  };
}

async function evaluateAndStore(
  trx: Db,
  stations: readonly PlacedStation[],
  asOf: IsoDate,
): Promise<StationCompliance[]> {
  if (stations.length === 0) return [];
  const ids = stations.map((s) => s.id);
  const staff = [];
  for (const table of ['workers', 'supervisors', 'staff_changes'] as const) {
    const rows = await sql<{ station_id: string; snapshot: unknown }>`
      select station_id, snapshot from ${sql.table(`reporting.${table}`)}
      where station_id = any(${ids}::text[])`.execute(trx);
    staff.push(rows.rows);
  }
  const [workers, supervisors, changes] = staff;
  const staffOf = <T>(rows: { station_id: string; snapshot: unknown }[] | undefined) => {
    const by = new Map<string, T[]>();
    for (const r of rows ?? []) by.set(r.station_id, [...(by.get(r.station_id) ?? []), r.snapshot as T]);
    return by;
  };
  const workersBy = staffOf<ResidentWorker>(workers);
  const supervisorsBy = staffOf<Supervisor>(supervisors);
  const changesBy = staffOf<StaffChange>(changes);

  const verdicts = stations.map((station): StationCompliance => {
    const profile = profileOf(station.region_code);
    const projectStartOn = station.project_start_on ?? station.opened_on ?? station.registered_on ?? asOf;
    const findings = profile
      ? evaluateStation(
          { id: station.id, regionCode: station.region_code, projectStartOn },
          {
            workers: workersBy.get(station.id) ?? [],
            supervisors: supervisorsBy.get(station.id) ?? [],
            staffChanges: changesBy.get(station.id) ?? [],
          },
          profile,
          asOf,
        )
      : [];
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    return {
      stationId: station.id,
      asOf,
      profile: profile?.id ?? null,
      compliant: profile ? counts.error === 0 : null,
      counts,
      findings,
    };
  });
  await trx
    .insertInto('station_compliance')
    .values(
      verdicts.map((v) => ({
        station_id: v.stationId,
        as_of: v.asOf,
        profile_id: v.profile,
        compliant: v.compliant,
        errors: v.counts.error,
        warnings: v.counts.warning,
        infos: v.counts.info,
        findings: JSON.stringify(v.findings),
      })),
    )
    .onConflict((oc) =>
      oc.column('station_id').doUpdateSet((eb) => ({
        as_of: eb.ref('excluded.as_of'),
        profile_id: eb.ref('excluded.profile_id'),
        compliant: eb.ref('excluded.compliant'),
        errors: eb.ref('excluded.errors'),
        warnings: eb.ref('excluded.warnings'),
        infos: eb.ref('excluded.infos'),
        findings: eb.ref('excluded.findings'),
        evaluated_at: sql`now()`,
      })),
    )
    .execute();
  return verdicts;
}

/** The profile governing a region, or undefined where none does (outside the profiled provinces). */
function profileOf(regionCode: string): PolicyProfile | undefined {
  try {
    return profileFor(regionCode);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'PROFILE_NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * A station's stored verdict.
 * @throws DomainError `STATION_NOT_FOUND` for a station reporting has not seen registered
 */
export async function stationCompliance(
  db: Kysely<ReportingDatabase>,
  stationId: string,
): Promise<StationCompliance> {
  const row = await db
    .selectFrom('station_compliance')
    .selectAll()
    .where('station_id', '=', stationId)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError('STATION_NOT_FOUND', `no registered station "${stationId}" in reporting`, {
      path: ['stationId'],
    });
  }
  return {
    stationId,
    asOf: row.as_of,
    profile: row.profile_id,
    compliant: row.compliant,
    counts: { error: row.errors, warning: row.warnings, info: row.infos },
    findings: row.findings as Finding[],
  };
}

export interface ComplianceCounts {
  /** Operating stations counted. */
  stations: number;
  compliant: number;
  nonCompliant: number;
  /** No policy profile covers them, or not evaluated yet. */
  notEvaluated: number;
}

/**
 * Operating stations in a region, compliant or not, in total and per child region (cities of a province,
 * counties of a city, townships of a county). Stations not operating (planned, building, suspended,
 * closed) are left out: their staffing is not expected to be complete.
 */
export async function complianceSummary(
  db: Kysely<ReportingDatabase>,
  regionCode: string,
): Promise<
  { regionCode: string; name: string } & ComplianceCounts & {
      children: Array<{ regionCode: string; name: string } & ComplianceCounts>;
    }
> {
  const region = regionOf(regionCode);
  const rows = await sql<{ region_path: string[]; compliant: boolean | null }>`
    select s.region_path, c.compliant
    from reporting.stations s
    left join reporting.station_compliance c on c.station_id = s.id
    where s.region_path @> array[${region.code}]::text[] and s.status = 'operating'`.execute(db);
  const empty = (): ComplianceCounts => ({ stations: 0, compliant: 0, nonCompliant: 0, notEvaluated: 0 });
  const total = empty();
  const children = new Map<string, ComplianceCounts>();
  for (const row of rows.rows) {
    const child = row.region_path[row.region_path.indexOf(region.code) + 1];
    const targets = [total];
    if (child) {
      const counts = children.get(child) ?? empty();
      children.set(child, counts);
      targets.push(counts);
    }
    for (const t of targets) {
      t.stations++;
      if (row.compliant === true) t.compliant++;
      else if (row.compliant === false) t.nonCompliant++;
      else t.notEvaluated++;
    }
  }
  return {
    regionCode: region.code,
    name: region.name,
    ...total,
    children: [...children]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, counts]) => ({ regionCode: code, name: regionOf(code).name, ...counts })),
  };
}
