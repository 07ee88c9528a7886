import { z } from 'zod';
import { BudgetInputError, type BudgetInputIssue } from './errors.ts';
import {
  type BasisPoints,
  BasisPointsSchema,
  FenSchema,
  formatBp,
  formatYuan,
  mulDiv,
  shareBp,
  sumFen,
  times,
  WHOLE_BP,
} from './money.ts';
import { parseInput, resolveProfile } from './parse.ts';
import { type BudgetProfile, BudgetProfileIdSchema, BudgetProfileSchema } from './profiles.ts';
import { checkLabourCostFloor, checkPersonnelShare } from './rules/budget.ts';
import {
  type BudgetLine,
  type BudgetLineCategory,
  NON_PERSONNEL_CATEGORIES,
  type NonPersonnelCategory,
} from './schema.ts';

/**
 * The non-personnel lines as basis points of personnel cost. Each is optional; a category left out is ¥0.
 */
export const OtherLinesBpSchema = z.object(
  Object.fromEntries(NON_PERSONNEL_CATEGORIES.map((c) => [c, BasisPointsSchema.optional()])) as Record<
    NonPersonnelCategory,
    z.ZodOptional<typeof BasisPointsSchema>
  >,
);
export type OtherLinesBp = Partial<Record<NonPersonnelCategory, BasisPoints>>;

/**
 * A **planning assumption, not a rule from any document**: the non-personnel lines as shares of personnel
 * cost when the caller gives none — supervision and training 8%, service activities 15%, project management
 * 6%, evaluation reserve 3% (32% in all, so personnel is 1/1.32 ≈ 75.76% of the total, above ZZ's 70%
 * floor). Pass `otherLinesBp` to use a county's own figures.
 */
export const DEFAULT_OTHER_LINES_BP: Readonly<OtherLinesBp> = Object.freeze({
  'supervision-training': 800,
  'service-activities': 1_500,
  'project-management': 600,
  'evaluation-reserve': 300,
});

const ProfileRefSchema = z.union([BudgetProfileIdSchema, BudgetProfileSchema]);

/** What a worker costs and how the other lines follow from personnel: shared by the estimator and the what-if. */
const CostSchema = z.object({
  /** The profile whose personnel floor, evaluation reserve and labour-cost floor the estimate must meet. */
  profile: ProfileRefSchema,
  /** Annual salary per worker (薪酬), in fen. */
  annualWageFen: FenSchema,
  /** Annual allowances per worker (津贴), in fen. */
  annualAllowanceFen: FenSchema.default(0),
  /**
   * The employer's 五险一金 as basis points of pay (salary + allowances, which together are the wage base:
   * 工资总额 includes 津贴补贴), e.g. 3,000 bp = 30%.
   */
  socialInsuranceRateBp: BasisPointsSchema,
  /** Non-personnel lines as basis points of personnel; `DEFAULT_OTHER_LINES_BP` when left out. */
  otherLinesBp: OtherLinesBpSchema.optional(),
  /** For a profile with a labour-cost floor (WH): the urban average annual wage per worker, in fen [WH §2.2]. */
  urbanAverageWageFen: FenSchema.optional(),
});

const EstimateInputSchema = CostSchema.extend({
  stations: z.number().int().nonnegative(),
  workersPerStation: z.number().int().nonnegative(),
});
export type EstimateInput = z.input<typeof EstimateInputSchema>;

/** A county's budget for a number of stations and workers, line by line, in fen. */
export interface CountyBudgetEstimate {
  profileId: BudgetProfile['id'];
  stations: number;
  workers: number;
  perWorker: { salaryFen: number; allowanceFen: number; socialInsuranceFen: number; personnelFen: number };
  /** Salary, allowance and social insurance first, then the non-personnel lines in a fixed order. */
  lines: Array<{ category: BudgetLineCategory; amountFen: number }>;
  personnelFen: number;
  nonPersonnelFen: number;
  /** Exactly the sum of `lines`. */
  totalFen: number;
  /** Personnel as a share of the total, rounded half up: for display (the floor was checked exactly). */
  personnelShareBp: number;
  /** The non-personnel shares used (the caller's, or `DEFAULT_OTHER_LINES_BP`). */
  otherLinesBp: OtherLinesBp;
  otherLinesAreDefaults: boolean;
}

type Cost = z.infer<typeof CostSchema>;

/**
 * The estimate for `workers` workers at `stations` stations. Rounding happens in two places only, both
 * with `mulDiv` (half up): one worker's social insurance, and each non-personnel line. Everything else is
 * whole fen times whole counts, and the total is the sum of the lines.
 */
function estimate(cost: Cost, stations: number, workers: number): CountyBudgetEstimate {
  const profile = resolveProfile(cost.profile);
  const otherLinesBp: OtherLinesBp = cost.otherLinesBp ?? { ...DEFAULT_OTHER_LINES_BP };
  const issues: BudgetInputIssue[] = [];
  if (profile.evaluationReserve && !(otherLinesBp['evaluation-reserve'] ?? 0)) {
    issues.push({
      path: ['otherLinesBp', 'evaluation-reserve'],
      message: `${profile.id} requires an evaluation reserve [${profile.evaluationReserve.citation}]`,
    });
  }
  const otherBp = sumFen(NON_PERSONNEL_CATEGORIES.map((c) => otherLinesBp[c] ?? 0));
  const floor = profile.personnelShare;
  // Personnel P, others P×b: P/(P + P×b) ≥ f ⇔ b×f ≤ 1 − f, compared in whole basis points.
  if (floor && otherBp * floor.floorBp > (WHOLE_BP - floor.floorBp) * WHOLE_BP) {
    issues.push({
      path: ['otherLinesBp'],
      message: `non-personnel lines of ${formatBp(otherBp)} of personnel leave personnel below ${formatBp(floor.floorBp)} of the total [${floor.citation}]`,
    });
  }
  if (issues.length > 0) throw new BudgetInputError('the estimate', issues);

  const payFen = sumFen([cost.annualWageFen, cost.annualAllowanceFen]);
  const perWorker = {
    salaryFen: cost.annualWageFen,
    allowanceFen: cost.annualAllowanceFen,
    socialInsuranceFen: mulDiv(payFen, cost.socialInsuranceRateBp, WHOLE_BP),
    personnelFen: 0,
  };
  perWorker.personnelFen = sumFen([
    perWorker.salaryFen,
    perWorker.allowanceFen,
    perWorker.socialInsuranceFen,
  ]);
  const personnelLines: BudgetLine[] = [
    { category: 'salary', amountFen: times(perWorker.salaryFen, workers) },
    { category: 'allowance', amountFen: times(perWorker.allowanceFen, workers) },
    { category: 'social-insurance', amountFen: times(perWorker.socialInsuranceFen, workers) },
  ];
  const personnelFen = sumFen(personnelLines.map((l) => l.amountFen));
  const otherLines: BudgetLine[] = NON_PERSONNEL_CATEGORIES.filter((c) => otherLinesBp[c] !== undefined).map(
    (category) => ({ category, amountFen: mulDiv(personnelFen, otherLinesBp[category] ?? 0, WHOLE_BP) }),
  );
  const lines = [...personnelLines, ...otherLines];
  const totalFen = sumFen(lines.map((l) => l.amountFen));

  // The lines are rounded one by one; prove the result with the very rules it is meant to meet.
  const asBudget = {
    id: 'estimate',
    countyCode: '000000',
    year: 2000,
    stationsCovered: stations,
    workersBudgeted: workers,
    lines,
    sources: [],
    assistanceFundUsedElsewhereFen: 0,
    servicesPlanned: [],
  };
  const breaches = [
    ...(floor ? checkPersonnelShare(asBudget, floor) : []),
    ...(profile.labourCostFloor && cost.urbanAverageWageFen !== undefined
      ? checkLabourCostFloor(asBudget, profile.labourCostFloor, cost.urbanAverageWageFen)
      : []),
  ];
  if (breaches.length > 0) {
    throw new BudgetInputError(
      'the estimate',
      breaches.map((f) => ({ path: [], message: `${f.message.en} [${f.citation}]` })),
    );
  }
  return {
    profileId: profile.id,
    stations,
    workers,
    perWorker,
    lines,
    personnelFen,
    nonPersonnelFen: totalFen - personnelFen,
    totalFen,
    personnelShareBp: totalFen === 0 ? 0 : shareBp(personnelFen, totalFen),
    otherLinesBp,
    otherLinesAreDefaults: cost.otherLinesBp === undefined,
  };
}

/**
 * The budget a county needs for `stations` stations with `workersPerStation` resident workers each, for one
 * year: personnel (salary + allowances + the employer's social insurance on them) per worker × workers,
 * then each non-personnel line as a share of personnel, so the profile's personnel floor holds by
 * construction (and is re-checked on the rounded lines). Integer fen throughout; the total is the exact
 * sum of the lines. `workersPerStation` is the caller's (see `defaultWorkersPerStation` for the profiles'
 * numbers); the staffing rules themselves live in `@shegong/staffing`.
 *
 * @example
 * const e = estimateCountyBudget({
 *   profile: 'ZZ', stations: 10, workersPerStation: 2,
 *   annualWageFen: 6_000_000,       // ¥60,000 a year
 *   annualAllowanceFen: 360_000,    // ¥3,600 a year
 *   socialInsuranceRateBp: 3_000,   // 30% 五险一金
 * });
 * // per worker: 6,000,000 + 360,000 + 30% × 6,360,000 (= 1,908,000) = 8,268,000 fen
 * // personnel: 20 workers × 8,268,000 = 165,360,000; other lines 32% of that = 52,915,200
 * e.totalFen;          // 218_275_200 (¥2,182,752.00)
 * e.personnelShareBp;  // 7_576 (75.76%)
 * @throws BudgetInputError when the other lines would push personnel below the floor, a required reserve is
 *   missing, or an input is malformed
 */
export function estimateCountyBudget(input: EstimateInput): CountyBudgetEstimate {
  const parsed = parseInput(EstimateInputSchema, input, 'the estimate');
  return estimate(parsed, parsed.stations, times(parsed.stations, parsed.workersPerStation));
}

const StationGroupSchema = z.object({
  /** e.g. `郑州市`, or a category: `中心城区`. */
  label: z.string().min(1),
  stations: z.number().int().nonnegative(),
  currentWorkersPerStation: z.number().int().nonnegative(),
  alternativeWorkersPerStation: z.number().int().nonnegative(),
});

const WhatIfInputSchema = CostSchema.extend({
  /** Stations grouped by the workers each needs now and under the other rule; one group for a flat rule. */
  groups: z.array(StationGroupSchema).min(1),
});
export type WhatIfInput = z.input<typeof WhatIfInputSchema>;

/** What another staffing rule would cost: workers and money, now and under the alternative. */
export interface WhatIfResult {
  groups: Array<{
    label: string;
    stations: number;
    currentWorkers: number;
    alternativeWorkers: number;
    extraWorkers: number;
  }>;
  current: CountyBudgetEstimate;
  alternative: CountyBudgetEstimate;
  /** Alternative minus current; negative when the alternative rule needs fewer workers. */
  extraWorkers: number;
  extraPersonnelFen: number;
  /** Alternative total minus current total, exact. */
  extraFen: number;
  /** A one-line summary in Chinese and English. */
  summary: { zh: string; en: string };
}

/**
 * The extra workers and money a city or county would need if another profile's staffing rule applied —
 * e.g. Wuhan's 3 workers per central-urban station [WH §2.2] applied to Zhengzhou's 2 [ZZ §4.4]. Both sides
 * are priced with the same costs and the same profile, so the non-personnel lines follow personnel on both.
 *
 * @example
 * const w = whatIfStaffingRule({
 *   profile: 'ZZ', annualWageFen: 6_000_000, annualAllowanceFen: 360_000, socialInsuranceRateBp: 3_000,
 *   groups: [{ label: '郑州市', stations: 70, currentWorkersPerStation: 2, alternativeWorkersPerStation: 3 }],
 * });
 * w.extraWorkers; // 70
 * w.extraFen;     // 763_963_200: 70 × 8,268,000 × 1.32 (¥7,639,632.00)
 * @throws BudgetInputError as `estimateCountyBudget`, with the path of the offending field
 */
export function whatIfStaffingRule(input: WhatIfInput): WhatIfResult {
  const parsed = parseInput(WhatIfInputSchema, input, 'the what-if');
  const groups = parsed.groups.map((g) => {
    const currentWorkers = times(g.stations, g.currentWorkersPerStation);
    const alternativeWorkers = times(g.stations, g.alternativeWorkersPerStation);
    return {
      label: g.label,
      stations: g.stations,
      currentWorkers,
      alternativeWorkers,
      extraWorkers: alternativeWorkers - currentWorkers,
    };
  });
  const stations = sumFen(groups.map((g) => g.stations));
  const current = estimate(parsed, stations, sumFen(groups.map((g) => g.currentWorkers)));
  const alternative = estimate(parsed, stations, sumFen(groups.map((g) => g.alternativeWorkers)));
  const extraWorkers = alternative.workers - current.workers;
  const extraFen = alternative.totalFen - current.totalFen;
  return {
    groups,
    current,
    alternative,
    extraWorkers,
    extraPersonnelFen: alternative.personnelFen - current.personnelFen,
    extraFen,
    summary: {
      zh: `${stations}个社工站驻站社工${current.workers}名→${alternative.workers}名（${extraWorkers >= 0 ? '+' : ''}${extraWorkers}），年度经费${formatYuan(current.totalFen)}→${formatYuan(alternative.totalFen)}（${extraFen >= 0 ? '+' : ''}${formatYuan(extraFen)}）`,
      en: `${stations} stations go from ${current.workers} to ${alternative.workers} resident workers (${extraWorkers >= 0 ? '+' : ''}${extraWorkers}); the yearly budget from ${formatYuan(current.totalFen)} to ${formatYuan(alternative.totalFen)} (${extraFen >= 0 ? '+' : ''}${formatYuan(extraFen)})`,
    },
  };
}
