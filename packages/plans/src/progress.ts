import {
  addDays,
  addMonths,
  type IsoDate,
  minDate,
  relationOf as relationOfTerm,
  satisfies,
} from '@shegong/kernel';
import type { Region } from '@shegong/regions';
import type { Area } from './areas.ts';
import { asIndex, isCovered, type OperatingStation, type StationIndex } from './stations.ts';
import { listTargets, resolveArea, type Target } from './targets.ts';

/** An exact share: `covered / townships`, with basis points rounded down for display (never up). */
export interface Ratio {
  numerator: number;
  denominator: number;
  /** ⌊10000 × numerator / denominator⌋; 0 for an empty area. */
  basisPoints: number;
}

/** Coverage of an area on a day: which townships have an operating township station and which do not. */
export interface Coverage {
  area: { key: string; name: string; pending?: string };
  asOf: IsoDate;
  townships: number;
  covered: number;
  ratio: Ratio;
  /** Townships with an operating township station, in code order. */
  coveredTownships: Region[];
  /** The gap list: townships without one, in code order. Together with `coveredTownships`, every township. */
  gaps: Region[];
}

type Stations = readonly OperatingStation[] | StationIndex;

function ratio(numerator: number, denominator: number): Ratio {
  return {
    numerator,
    denominator,
    basisPoints: denominator === 0 ? 0 : Math.floor((numerator * 10_000) / denominator),
  };
}

function areaOf(area: string | Area): Area {
  return typeof area === 'string' ? resolveArea(area) : area;
}

/**
 * Coverage of a region (any level; a township is its own area) or a functional zone on `asOf`: townships
 * with an operating township station opened on or before that day, over all its townships
 * (`@shegong/regions`), with the gap list.
 *
 * @example
 * const stations = [{ regionCode: '410927001', type: 'township-station', openedOn: '2021-06-01' }];
 * coverageOf('410927', stations, '2021-12-31').ratio // { numerator: 1, denominator: 9, basisPoints: 1111 }
 * coverageOf('410927', stations, '2021-12-31').gaps.length // 8
 */
export function coverageOf(area: string | Area, stations: Stations, asOf: IsoDate): Coverage {
  const resolved = areaOf(area);
  const index = asIndex(stations);
  const coveredTownships: Region[] = [];
  const gaps: Region[] = [];
  for (const township of resolved.townships) {
    (isCovered(index, township.code, asOf) ? coveredTownships : gaps).push(township);
  }
  return {
    area: {
      key: resolved.key,
      name: resolved.name,
      ...(resolved.pending ? { pending: resolved.pending } : {}),
    },
    asOf,
    townships: resolved.townships.length,
    covered: coveredTownships.length,
    ratio: ratio(coveredTownships.length, resolved.townships.length),
    coveredTownships,
    gaps,
  };
}

/** One month of a coverage trend: coverage at the month's last day (or at `to`, for the last month). */
export interface TrendPoint {
  /** `YYYY-MM`. */
  month: string;
  asOf: IsoDate;
  covered: number;
  townships: number;
  ratio: Ratio;
}

/**
 * Month by month coverage from `from`'s month to `to`'s month: each point at the month's last day, the
 * last one at `to` itself. Stations are today's operating ones by their opening day, so a station that
 * has since closed is not in the history.
 *
 * @example coverageTrend('410927', stations, '2021-01-15', '2021-03-10').map((p) => p.asOf)
 * // ['2021-01-31', '2021-02-28', '2021-03-10']
 */
export function coverageTrend(
  area: string | Area,
  stations: Stations,
  from: IsoDate,
  to: IsoDate,
): TrendPoint[] {
  const resolved = areaOf(area);
  const index = asIndex(stations);
  // Opening days in the area, sorted: each point is then a binary search, not a pass over townships.
  const opened = resolved.townships
    .map((t) => index.firstOpened.get(t.code))
    .filter((d): d is IsoDate => d !== undefined)
    .sort();
  const countBy = (date: IsoDate) => {
    let lo = 0;
    let hi = opened.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((opened[mid] as IsoDate) <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const points: TrendPoint[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = addMonths(first, 1)) {
    const asOf = minDate(addDays(addMonths(first, 1), -1), to);
    const covered = countBy(asOf);
    points.push({
      month: first.slice(0, 7),
      asOf,
      covered,
      townships: resolved.townships.length,
      ratio: ratio(covered, resolved.townships.length),
    });
  }
  return points;
}

/** How a target relates to the region asked about. */
export type TargetRelation = 'same' | 'within' | 'enclosing';

/**
 * A target checked against the stations: `met` (satisfied on `evaluatedOn`), `missed` (its day has passed
 * and it was not satisfied by then), `open` (not yet due and not yet satisfied), `indeterminate` (the hub
 * cannot tell: a zone whose townships the seed does not name, a village-level target …; see `reason`).
 */
export interface TargetEvaluation {
  target: Target;
  relation: TargetRelation;
  status: 'met' | 'missed' | 'open' | 'indeterminate';
  /** The deadline when it has passed (stations opened later do not count), else the day asked about. */
  evaluatedOn: IsoDate;
  /** Whether the deadline had passed on the day asked about. */
  due: boolean;
  figures: {
    covered: number;
    townships: number;
    /** The fewest covered townships that satisfy the target (for `以上`-style terms). */
    required: number;
    shortfall: number;
  };
  severity: 'error' | 'warning' | 'info';
  reason?: string;
}

/** The fewest covered townships out of `n` that satisfy a share "`bp` basis points `term`". */
function requiredForShare(n: number, bp: number, strict: boolean): number {
  const exact = Math.ceil((n * bp) / 10_000);
  return strict && exact * 10_000 === n * bp ? exact + 1 : exact;
}

/**
 * Evaluates one target on `asOf`. Deadlines are inclusive ("到2023年底" = by 2023-12-31, that day counts);
 * counts read their term by Civil Code art. 1259 (以上/不少于 include the number).
 *
 * @example evaluateTarget(getTarget('zz-2021/citywide-70'), stations, '2022-03-01').status // 'met' | 'missed'
 */
export function evaluateTarget(
  target: Target,
  stations: Stations,
  asOf: IsoDate,
  relation: TargetRelation = 'same',
): TargetEvaluation {
  const index = asIndex(stations);
  const due = target.by < asOf;
  const evaluatedOn = minDate(asOf, target.by);
  const measure = target.measure;
  const townships =
    measure.kind === 'count' && measure.townshipKind
      ? target.area.townships.filter((t) => t.townshipKind === measure.townshipKind)
      : target.area.townships;
  let covered = 0;
  for (const t of townships) if (isCovered(index, t.code, evaluatedOn)) covered++;
  let ok: boolean;
  let required: number;
  if (measure.kind === 'count') {
    ok = satisfies(covered, measure.term, measure.value);
    const sign = relationOfTerm(measure.term);
    required = sign === '>=' ? measure.value : sign === '>' ? measure.value + 1 : 0;
  } else if (measure.kind === 'share') {
    // covered / n ⋛ bp / 10000, cross-multiplied: exact, no floating point.
    ok = satisfies(covered * 10_000, measure.term, townships.length * measure.basisPoints);
    const sign = relationOfTerm(measure.term);
    required =
      sign === '>=' || sign === '>'
        ? requiredForShare(townships.length, measure.basisPoints, sign === '>')
        : 0;
  } else {
    ok = townships.length > 0 && covered === townships.length;
    required = townships.length;
  }
  const figures = {
    covered,
    townships: townships.length,
    required,
    shortfall: Math.max(0, required - covered),
  };
  const reason = target.notEvaluable ?? target.area.pending;
  const status: TargetEvaluation['status'] = reason ? 'indeterminate' : ok ? 'met' : due ? 'missed' : 'open';
  const severity = status === 'missed' ? (target.binding === 'must' ? 'error' : 'warning') : 'info';
  return { target, relation, status, evaluatedOn, due, figures, severity, ...(reason ? { reason } : {}) };
}

function relationOf(target: Area, region: Area): TargetRelation | undefined {
  if (target.key === region.key) return 'same';
  const inRegion = new Set(region.townships.map((t) => t.code));
  const inTarget = new Set(target.townships.map((t) => t.code));
  const anchorInside =
    region.townships.some((t) => t.parentCode === target.anchor) || region.key === target.anchor;
  if (target.townships.length > 0 ? target.townships.every((t) => inRegion.has(t.code)) : anchorInside)
    return 'within';
  if (region.townships.length > 0 && region.townships.every((t) => inTarget.has(t.code))) return 'enclosing';
  return undefined;
}

/** Plan vs actual for one region on one day. */
export interface PlanProgress {
  coverage: Coverage;
  /** Applicable targets: the region's own, those of areas inside it, and those of areas that enclose it. */
  targets: TargetEvaluation[];
}

/**
 * Plan vs actual for a region (or zone) on `asOf`: its coverage and gap list, and every applicable
 * target with its status and figures — the region's own targets, targets of counties and zones inside it
 * (a city sees its counties' annex rows) and targets of areas enclosing it (a county sees its province's
 * full-coverage target, evaluated on the province). Sorted by deadline, then id.
 *
 * @example planVsActual('410100', stations, '2022-12-31').targets.filter((t) => t.status === 'missed')
 */
export function planVsActual(
  region: string,
  stations: Stations,
  asOf: IsoDate,
  options: { targets?: readonly Target[] } = {},
): PlanProgress {
  const area = resolveArea(region);
  const index = asIndex(stations);
  const evaluations: TargetEvaluation[] = [];
  for (const target of options.targets ?? listTargets()) {
    const relation = relationOf(target.area, area);
    if (relation) evaluations.push(evaluateTarget(target, index, asOf, relation));
  }
  evaluations.sort(
    (a, b) => a.target.by.localeCompare(b.target.by) || a.target.id.localeCompare(b.target.id),
  );
  return { coverage: coverageOf(area, index, asOf), targets: evaluations };
}
