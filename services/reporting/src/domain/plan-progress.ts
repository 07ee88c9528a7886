import type { CoverageGap, PlanProgressView, PlanTargetProgress, TargetStatus } from '@shegong/contracts';
import type { IsoDate } from '@shegong/kernel';
import { indexStations, type OperatingStation, planVsActual, type TargetEvaluation } from '@shegong/plans';
import { getRegion } from '@shegong/regions';
import { type Kysely, sql } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { regionOf } from './regions.ts';

/*
 * Plan vs actual as a reporting read: the rollout targets of `@shegong/plans` (PY annex 1, ZZ §5, WH §1.2,
 * ZT §1, HB item 3 / §2 / §3) checked against reporting's station read model on a day.
 *
 * ACTUAL is what `readCoverage` counts, with its history: a township is covered from the first day one of
 * its township stations was seen operating (`stations.opened_on`), while that station still operates — one
 * station per township [ZZ §1.3, PY §1.2: 一乡镇一站点]; a county centre, a community room or a second
 * station in the same township adds nothing. A target whose deadline has passed is judged on its deadline:
 * stations opened later do not make it met (`planVsActual`'s `evaluatedOn`).
 *
 * The stations of the region's whole province are read (one index read of the `region_path` GIN index, a
 * few thousand rows at most), because a county's applicable targets include those of the areas enclosing it
 * (its city's, its province's), evaluated on their own area.
 */

/** The answer's types are the API's (`@shegong/contracts`): one definition for the service and the gateway. */
export type { CoverageGap, PlanProgressView, PlanTargetProgress, TargetStatus };

export interface PlanProgressQuery {
  regionCode: string;
  asOf: IsoDate;
  gapLimit: number;
  gapOffset: number;
}

const STATUS: Record<TargetEvaluation['status'], TargetStatus> = {
  met: 'met',
  missed: 'missed',
  open: 'pending',
  indeterminate: 'indeterminate',
};

function progressOf(e: TargetEvaluation): PlanTargetProgress {
  return {
    id: e.target.id,
    planId: e.target.planId,
    title: e.target.title,
    area: { key: e.target.area.key, name: e.target.area.name },
    relation: e.relation,
    deadline: e.target.by,
    citation: e.target.citation,
    quote: e.target.quote,
    binding: e.target.binding,
    measure: e.target.measure,
    target: e.figures.required,
    actual: e.figures.covered,
    townships: e.figures.townships,
    shortfall: e.figures.shortfall,
    status: STATUS[e.status],
    evaluatedOn: e.evaluatedOn,
    severity: e.severity,
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

/**
 * The operating township stations of a province as `@shegong/plans` reads them: township code, type and the
 * day each started operating. Suspended and closed stations are left out, as `readCoverage` leaves them out.
 */
async function operatingStationsOf(
  db: Kysely<ReportingDatabase>,
  provinceCode: string,
): Promise<OperatingStation[]> {
  const rows = await sql<{ region_code: string; opened_on: IsoDate }>`
    select region_code, opened_on from reporting.stations
    where region_path @> array[${provinceCode}]::text[]
      and status = 'operating' and station_type = 'township-station'
      and opened_on is not null and length(region_code) = 9`.execute(db);
  return rows.rows.map((r) => ({
    regionCode: r.region_code,
    type: 'township-station',
    openedOn: r.opened_on,
  }));
}

/**
 * Plan vs actual of a region (province, city, county or township) on `asOf`: every applicable rollout
 * target with its deadline, citation, the covered townships it needs and those there were, met / missed /
 * pending; the region's coverage; and a page of its gap list (townships without an operating station).
 * @example
 * const p = await readPlanProgress(db, { regionCode: '410900', asOf: '2026-12-03', gapLimit: 50, gapOffset: 0 });
 * p.targets.filter((t) => t.status === 'missed').map((t) => t.id) // ['py-2021/total/2022', …]
 * @throws DomainError `REGION_NOT_FOUND` / `REGION_CODE_INVALID` naming `regionCode`
 */
export async function readPlanProgress(
  db: Kysely<ReportingDatabase>,
  query: PlanProgressQuery,
): Promise<PlanProgressView> {
  const region = regionOf(query.regionCode);
  const province = `${region.code.slice(0, 2)}0000`;
  const index = indexStations(await operatingStationsOf(db, province));
  const progress = planVsActual(region.code, index, query.asOf);
  const targets = progress.targets.map(progressOf);
  const statusCounts: Record<TargetStatus, number> = { met: 0, missed: 0, pending: 0, indeterminate: 0 };
  for (const t of targets) statusCounts[t.status]++;
  const countyNames = new Map<string, string>();
  const countyName = (code: string) => {
    let name = countyNames.get(code);
    if (name === undefined) {
      name = getRegion(code).name;
      countyNames.set(code, name);
    }
    return name;
  };
  const { coverage } = progress;
  const page = coverage.gaps.slice(query.gapOffset, query.gapOffset + query.gapLimit);
  return {
    regionCode: region.code,
    name: region.name,
    level: region.level,
    asOf: query.asOf,
    coverage: {
      townships: coverage.townships,
      covered: coverage.covered,
      basisPoints: coverage.ratio.basisPoints,
    },
    targets,
    statusCounts,
    gaps: {
      total: coverage.gaps.length,
      offset: query.gapOffset,
      limit: query.gapLimit,
      items: page.map((t) => ({
        code: t.code,
        name: t.name,
        townshipKind: t.townshipKind ?? null,
        countyCode: t.parentCode ?? '',
        countyName: t.parentCode ? countyName(t.parentCode) : '',
      })),
    },
  };
}
