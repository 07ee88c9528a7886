import { DomainError } from '@shegong/kernel';
import { childrenOf, type RegionLevel } from '@shegong/regions';
import { type Kysely, sql } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { ALL } from './records.ts';
import { regionOf, townshipCount } from './regions.ts';

/** How a service rollup is broken down. */
export type RollupBreakdown = 'domain' | 'population' | 'domain-population';

export interface ServiceCounts {
  records: number;
  beneficiaries: number;
  hours: number;
  volunteers: number;
}

export interface ServiceRollup {
  regionCode: string;
  name: string;
  level: RegionLevel;
  /** `YYYY-MM`, or `YYYY` for the sum of its months. */
  period: string;
  by: RollupBreakdown | null;
  /** Each record counted once, whatever its domains and populations. */
  totals: ServiceCounts;
  /**
   * One row per domain, population or pair. A record serving two populations counts in both rows, so
   * rows by population may add up to more than the totals.
   */
  rows: Array<{ domain?: string; population?: string } & ServiceCounts>;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** `2023-03` → one month; `2023` → its twelve months. */
export function periodRange(period: string): [string, string] {
  const match = PERIOD.exec(period);
  if (!match) {
    throw new DomainError('PERIOD_INVALID', `"${period}" is not a period: use YYYY-MM or YYYY`, {
      path: ['period'],
    });
  }
  return match[2] ? [period, period] : [`${match[1]}-01`, `${match[1]}-12`];
}

/**
 * Service totals of a region (any level) for a month or a year, never a scan of a province's or a city's
 * raw records: a province, city or county reads the rollups (an index range read of at most 12 months ×
 * domains rows, each holding every population); a township, whose level the rollups do not store
 * (`rolledUpPath`), gets its cells from its own stations' raw records (`service_rollup_cells` adds them
 * up by the station key, a few hundred rows).
 * @example readServiceRollup(db, { regionCode: '410000', period: '2023', by: 'domain' })
 */
export async function readServiceRollup(
  db: Kysely<ReportingDatabase>,
  query: { regionCode: string; period: string; by?: RollupBreakdown | undefined },
): Promise<ServiceRollup> {
  const region = regionOf(query.regionCode);
  const [from, to] = periodRange(query.period);
  const by = query.by ?? null;
  const byDomain = by === 'domain' || by === 'domain-population';
  const byPopulation = by === 'population' || by === 'domain-population';
  const rows = await sql<{
    domain: string;
    population: string;
    records: number;
    beneficiaries: number;
    hours: string;
    volunteers: number;
  }>`
    select domain, population, sum(records)::bigint as records, sum(beneficiaries)::bigint as beneficiaries,
           sum(hours) as hours, sum(volunteers)::bigint as volunteers
    from reporting.service_rollup_cells
    where region_code = ${region.code} and period between ${from} and ${to}
      and (${byDomain}::boolean or domain = ${ALL})
      and (${byPopulation}::boolean or population = ${ALL})
    group by domain, population
    order by domain, population`.execute(db);
  const counts = (r: (typeof rows.rows)[number]): ServiceCounts => ({
    records: r.records,
    beneficiaries: r.beneficiaries,
    hours: Number(r.hours),
    volunteers: r.volunteers,
  });
  const total = rows.rows.find((r) => r.domain === ALL && r.population === ALL);
  return {
    regionCode: region.code,
    name: region.name,
    level: region.level,
    period: query.period,
    by,
    totals: total ? counts(total) : { records: 0, beneficiaries: 0, hours: 0, volunteers: 0 },
    rows: rows.rows
      .filter((r) => (byDomain ? r.domain !== ALL : true) && (byPopulation ? r.population !== ALL : true))
      .filter(() => by !== null)
      .map((r) => ({
        ...(byDomain ? { domain: r.domain } : {}),
        ...(byPopulation ? { population: r.population } : {}),
        ...counts(r),
      })),
  };
}

export interface CoverageCounts {
  regionCode: string;
  name: string;
  level: RegionLevel;
  /** Operating stations of every type. */
  operatingStations: number;
  /** Operating township stations (乡镇（街道）社工站). */
  townshipStations: number;
  /** Townships with at least one operating township station. */
  coveredTownships: number;
  /** Townships in the region (@shegong/regions). */
  townships: number;
  /** coveredTownships / townships: the target is one station per township [ZZ §1.3, PY §1.2]. */
  coverage: number;
}

/**
 * Operating stations in a region and in each child region, with the township counts that make coverage a
 * share, from the coverage rollup kept by the station events.
 */
export async function readCoverage(
  db: Kysely<ReportingDatabase>,
  regionCode: string,
): Promise<CoverageCounts & { children: CoverageCounts[] }> {
  const region = regionOf(regionCode);
  const children = childrenOf(region.code);
  const codes = [region.code, ...children.map((c) => c.code)];
  const rows = await db.selectFrom('coverage').selectAll().where('region_code', 'in', codes).execute();
  const byCode = new Map(rows.map((r) => [r.region_code, r]));
  const countsOf = (r: { code: string; name: string; level: RegionLevel }): CoverageCounts => {
    const row = byCode.get(r.code);
    const townships = townshipCount(r.code);
    const covered = row?.covered_townships ?? 0;
    return {
      regionCode: r.code,
      name: r.name,
      level: r.level,
      operatingStations: row?.operating_stations ?? 0,
      townshipStations: row?.township_stations ?? 0,
      coveredTownships: covered,
      townships,
      coverage: townships === 0 ? 0 : Number((covered / townships).toFixed(4)),
    };
  };
  return { ...countsOf(region), children: children.map(countsOf) };
}
