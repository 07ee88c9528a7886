import { type IsoDate, relationOf, satisfies } from '@shegong/kernel';
import { contains } from '@shegong/regions';
import { loadFolder, parseTalentPlan } from './data.ts';
import type { TalentMetric, TalentPlan, TalentTarget } from './schema.ts';

let talentPlans: TalentPlan[] | undefined;

/** Every talent target file in `data/talent/`, validated on first use. */
export function listTalentPlans(): TalentPlan[] {
  talentPlans ??= loadFolder('talent', parseTalentPlan);
  return talentPlans;
}

/**
 * The talent targets of a region and of the regions it lies in (a district sees its city's targets).
 * @example talentTargetsFor('410100').map((t) => t.value) // [10000, 2500, 240, 50]
 */
export function talentTargetsFor(regionCode: string): TalentTarget[] {
  return listTalentPlans()
    .flatMap((p) => p.targets)
    .filter((t) => contains(t.regionCode, regionCode));
}

/**
 * What a region has: a plain number is the stock (`total`); `added` is how many were added since the
 * target's `from` day (HB counts 年内新增).
 */
export type TalentCounts = Partial<Record<TalentMetric, number | { total?: number; added?: number }>>;

export interface TalentComparison {
  target: TalentTarget;
  /** The count the target is compared with; absent when `counts` has none for it. */
  actual?: number;
  /** `met`; `missed` after the deadline; `open` before it; `no-data` when no count was given. */
  status: 'met' | 'missed' | 'open' | 'no-data';
  due: boolean;
  shortfall: number;
  /** ⌊10000 × actual / value⌋, how far along the target is. */
  progressBasisPoints: number;
  severity: 'error' | 'warning' | 'info';
}

/**
 * Compares counts of professionals, posts, organizations … with talent targets on `asOf` (counted by
 * Civil Code art. 1259: 达到 / 以上 include the number; the deadline day counts).
 *
 * @example
 * compareTalent(talentTargetsFor('410100'), { professionals: 10_000, posts: 2_000 }, '2025-12-31')
 *   .map((c) => c.status) // ['met', 'open', 'no-data', 'no-data']
 */
export function compareTalent(
  targets: readonly TalentTarget[],
  counts: TalentCounts,
  asOf: IsoDate,
): TalentComparison[] {
  return targets.map((target) => {
    const given = counts[target.metric];
    const actual =
      typeof given === 'number'
        ? target.basis === 'total'
          ? given
          : undefined
        : target.basis === 'total'
          ? given?.total
          : given?.added;
    const due = target.by < asOf;
    if (actual === undefined)
      return {
        target,
        status: 'no-data',
        due,
        shortfall: target.value,
        progressBasisPoints: 0,
        severity: 'info',
      };
    const met = satisfies(actual, target.term, target.value);
    const sign = relationOf(target.term);
    const required = sign === '>' ? target.value + 1 : sign === '>=' ? target.value : 0;
    const status = met ? 'met' : due ? 'missed' : 'open';
    return {
      target,
      actual,
      status,
      due,
      shortfall: Math.max(0, required - actual),
      progressBasisPoints: target.value === 0 ? 10_000 : Math.floor((actual * 10_000) / target.value),
      severity: status === 'missed' ? (target.binding === 'must' ? 'error' : 'warning') : 'info',
    };
  });
}
