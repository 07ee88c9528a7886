import type { IsoDate } from '@shegong/kernel';
import { compareTalent, listTalentPlans, type TalentMetric, type TalentTarget } from '@shegong/plans';
import { contains } from '@shegong/regions';
import { type Kysely, sql } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { regionOf } from './regions.ts';

/**
 * Talent targets (人才目标) against what the hub can count — Zhengzhou's professionals, posts,
 * organizations and demonstration organizations [ZT §1, §11], Hebei's newly certified workers [HB item 5].
 *
 * The hub holds the stations' resident workers and the operators running them: a **lower bound** of a
 * city's certified social workers and social work organizations, never the whole (workers outside the
 * stations, posts in other institutions and demonstration titles are not reported to it). So a target is
 * `met` when the hub's count alone reaches it, and otherwise `unknown` with the count shown — never
 * `missed` on partial data. Posts, professionals and demonstration organizations the hub cannot count at
 * all: `no-data`.
 */

/** What the hub counts for a metric in a region, or nothing where it holds no such data. */
export type HubTalentCount = { metric: TalentMetric; counted: string } | null;

export interface TalentTargetProgress {
  target: TalentTarget;
  /** The hub's lower bound (`null` for a metric it cannot count). */
  hubCount: number | null;
  /** What the count is. */
  counted: string | null;
  status: 'met' | 'unknown' | 'no-data';
  due: boolean;
  /** ⌊10000 × hubCount / value⌋: how far the hub's count alone goes. */
  progressBasisPoints: number;
}

export interface TalentProgress {
  regionCode: string;
  name: string;
  asOf: IsoDate;
  targets: TalentTargetProgress[];
}

const COUNTED: Partial<Record<TalentMetric, string>> = {
  'certified-workers':
    "resident workers with a national certificate (社会工作者职业水平证书) at the region's stations",
  organizations: 'operators (承接主体) holding a purchase contract of a county in the region',
};

/**
 * The talent targets set for a region or any region inside it (a province sees its cities'), each
 * compared with the hub's count over the target's own region on `asOf`.
 * @throws DomainError `REGION_UNKNOWN` naming `regionCode`
 */
export async function readTalentProgress(
  db: Kysely<ReportingDatabase>,
  query: { regionCode: string; asOf: IsoDate },
): Promise<TalentProgress> {
  const region = regionOf(query.regionCode);
  const targets = listTalentPlans()
    .flatMap((p) => p.targets)
    // A city's target is the city's: a county inside it is not measured against it.
    .filter((t) => contains(region.code, t.regionCode));
  const out: TalentTargetProgress[] = [];
  for (const target of targets) {
    const counted = COUNTED[target.metric] ?? null;
    const hubCount = counted === null ? null : await countOf(db, target, query.asOf);
    const [comparison] = compareTalent(
      [target],
      hubCount === null ? {} : { [target.metric]: target.basis === 'total' ? hubCount : { added: hubCount } },
      query.asOf,
    );
    out.push({
      target,
      hubCount,
      counted,
      status: hubCount === null ? 'no-data' : comparison?.status === 'met' ? 'met' : 'unknown',
      due: comparison?.due ?? target.by < query.asOf,
      progressBasisPoints: comparison?.progressBasisPoints ?? 0,
    });
  }
  return { regionCode: region.code, name: region.name, asOf: query.asOf, targets: out };
}

/** The hub's count for a countable metric over the target's region, up to `asOf` (and from `from`). */
async function countOf(db: Kysely<ReportingDatabase>, target: TalentTarget, asOf: IsoDate): Promise<number> {
  if (target.metric === 'organizations') {
    const found = await sql<{ operator_id: string; county_code: string }>`
      select distinct operator_id, county_code from reporting.contracts`.execute(db);
    return new Set(
      found.rows.filter((r) => contains(target.regionCode, r.county_code)).map((r) => r.operator_id),
    ).size;
  }
  const from = target.basis === 'added' ? (target.from ?? '0000-01-01') : '0000-01-01';
  const found = await sql<{ n: number }>`
    select count(*)::int as n
    from reporting.workers w
    join reporting.stations s on s.id = w.station_id
    where s.region_path @> array[${target.regionCode}]::text[]
      and w.snapshot->'certificate'->>'passedOn' is not null
      and w.snapshot->'certificate'->>'passedOn' between ${from} and ${asOf}`.execute(db);
  return found.rows[0]?.n ?? 0;
}
