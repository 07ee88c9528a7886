import { type EvaluationKind, EvaluationKindSchema, IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { FenSchema } from './money.ts';

/**
 * Budget lines by what they pay for. The documents name salaries and benefits, supervision and training,
 * service activities and project management, and require a reserve for the mid-term and final evaluation
 * [ZZ §6.3]. `other` takes whatever fits none of these; it counts as non-personnel.
 */
export const BudgetLineCategorySchema = z.enum([
  'salary',
  'allowance',
  'social-insurance',
  'supervision-training',
  'service-activities',
  'project-management',
  'evaluation-reserve',
  'other',
]);
export type BudgetLineCategory = z.infer<typeof BudgetLineCategorySchema>;

/**
 * The lines that pay the project's staff — "薪酬、津贴、社保等" — whose sum must be at least 70% of the
 * project funds in Zhengzhou [ZZ §6.3]. Social insurance is the employer's 五险一金 [ZZ §2].
 */
export const PERSONNEL_CATEGORIES = [
  'salary',
  'allowance',
  'social-insurance',
] as const satisfies readonly BudgetLineCategory[];

/** Every category that is not personnel, in a fixed order (the estimator's line order). */
export const NON_PERSONNEL_CATEGORIES = [
  'supervision-training',
  'service-activities',
  'project-management',
  'evaluation-reserve',
  'other',
] as const satisfies readonly BudgetLineCategory[];
export type NonPersonnelCategory = (typeof NON_PERSONNEL_CATEGORIES)[number];

/** Whether a line counts towards personnel [ZZ §6.3]. */
export function isPersonnel(category: BudgetLineCategory): boolean {
  return (PERSONNEL_CATEGORIES as readonly BudgetLineCategory[]).includes(category);
}

/**
 * Where the money comes from [ZZ §6.2, PY §6.2, WH §4.2]: 困难群众救助补助资金 (at most 2% of it, in ZZ),
 * 福彩公益金 (under its own rules), the general public budget, provincial and city subsidies, charity funds,
 * and money from purchasers other than civil affairs, which must be accounted separately [ZZ §6.3].
 */
export const FundingSourceKindSchema = z.enum([
  'assistance-fund',
  'welfare-lottery',
  'general-budget',
  'superior-subsidy',
  'charity',
  'other-purchaser',
]);
export type FundingSourceKind = z.infer<typeof FundingSourceKindSchema>;

/**
 * What a source may pay for, or what a project plans to do: a canonical domain id of `@shegong/catalog`
 * (`social-assistance`, `elderly` …) or a canonical item id (`sa.policy-outreach`). Checked against the
 * taxonomy when a budget is evaluated.
 */
export const ServiceScopeIdSchema = z.string().regex(/^(?:[a-z]+(?:-[a-z]+)*|[a-z]{2}\.[a-z0-9-]+)$/, {
  message: 'a service scope is a canonical domain id ("elderly") or item id ("sa.policy-outreach")',
});

export const BudgetLineSchema = z.object({
  category: BudgetLineCategorySchema,
  amountFen: FenSchema,
  note: z.string().optional(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const FundingSourceSchema = z.object({
  kind: FundingSourceKindSchema,
  amountFen: FenSchema,
  /** For an `other-purchaser`: who (e.g. 县妇联). */
  purchaser: z.string().min(1).optional(),
  /**
   * The services this money may pay for (its 使用方向), as canonical domain or item ids. Needed when the
   * project has a single source: its services must stay inside this [ZZ §6.3].
   */
  purpose: z.array(ServiceScopeIdSchema).optional(),
  /** Whether the money is booked apart from the civil-affairs purchase (单独核算、专项管理) [ZZ §6.3]. */
  separateAccount: z.boolean().optional(),
});
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/**
 * One county's budget for one station project for one year: what the lines pay for, where the money comes
 * from, and what the project plans to do.
 */
export const ProjectBudgetSchema = z.object({
  id: z.string().min(1),
  /** The purchasing county's 6-digit region code (`410105`). */
  countyCode: z.string().regex(/^\d{6}$/, { message: 'a county code has 6 digits, e.g. "410105"' }),
  /** The budget year. */
  year: z.number().int().min(2000).max(2100),
  stationsCovered: z.number().int().nonnegative(),
  workersBudgeted: z.number().int().nonnegative(),
  lines: z.array(BudgetLineSchema).min(1),
  sources: z.array(FundingSourceSchema).default([]),
  /** The county's 困难群众救助补助资金 for the year; needed for the 2% cap when the fund is a source [ZZ §6.2]. */
  countyAssistanceFundsFen: FenSchema.optional(),
  /**
   * Assistance-fund money the county already spends on other social work purchases this year: the 2% cap
   * is on the county's whole use of the fund, not one project's [ZZ §6.2].
   */
  assistanceFundUsedElsewhereFen: FenSchema.default(0),
  /** The services planned, as canonical domain or item ids, for the single-source purpose rule [ZZ §6.3]. */
  servicesPlanned: z.array(ServiceScopeIdSchema).default([]),
});
export type ProjectBudget = z.infer<typeof ProjectBudgetSchema>;
export type ProjectBudgetInput = z.input<typeof ProjectBudgetSchema>;

/** Which evaluation it was (`@shegong/kernel`): the county's own, or a city or provincial spot check. */
export { type EvaluationKind, EvaluationKindSchema };

/**
 * A government purchase-of-service contract (政府购买服务合同): the award notice and signing dates, the
 * cycle it covers, the yearly agreements inside the cycle (一年一签), and the evaluations held.
 */
export const PurchaseContractSchema = z
  .object({
    id: z.string().min(1),
    countyCode: z
      .string()
      .regex(/^\d{6}$/, { message: 'a county code has 6 digits, e.g. "410105"' })
      .optional(),
    operatorId: z.string().min(1).optional(),
    /** The day the award notice (中标（成交）通知书) was issued. */
    awardNoticeDate: IsoDateSchema,
    /** The day the contract was signed. */
    signedOn: IsoDateSchema,
    /** First and last day of service under the contract (both included). */
    termStart: IsoDateSchema,
    termEnd: IsoDateSchema,
    /** The cycle the contract covers, in years [ZZ §5.3]. */
    cycleYears: z.number().int().positive(),
    /** The yearly agreements: `year` 1 is the cycle's first year. Year 1 may be the contract itself. */
    yearlyTerms: z
      .array(z.object({ year: z.number().int().positive(), signedOn: IsoDateSchema }))
      .default([]),
    evaluations: z.array(z.object({ date: IsoDateSchema, kind: EvaluationKindSchema })).default([]),
  })
  .superRefine((contract, ctx) => {
    if (contract.signedOn < contract.awardNoticeDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['signedOn'],
        message: `signed on ${contract.signedOn}, before the award notice of ${contract.awardNoticeDate}`,
      });
    }
    if (contract.termEnd < contract.termStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['termEnd'],
        message: `the term ends (${contract.termEnd}) before it starts (${contract.termStart})`,
      });
    }
    const seen = new Set<number>();
    contract.yearlyTerms.forEach((term, i) => {
      if (term.year > contract.cycleYears) {
        ctx.addIssue({
          code: 'custom',
          path: ['yearlyTerms', i, 'year'],
          message: `year ${term.year} is outside a ${contract.cycleYears}-year cycle`,
        });
      }
      if (seen.has(term.year)) {
        ctx.addIssue({
          code: 'custom',
          path: ['yearlyTerms', i, 'year'],
          message: `year ${term.year} is listed twice`,
        });
      }
      seen.add(term.year);
    });
  });
export type PurchaseContract = z.infer<typeof PurchaseContractSchema>;
export type PurchaseContractInput = z.input<typeof PurchaseContractSchema>;

/** 社会组织评估等级, 1A (lowest) to 5A. */
export const OperatorRatingSchema = z.enum(['1A', '2A', '3A', '4A', '5A']);
export type OperatorRating = z.infer<typeof OperatorRatingSchema>;

/** The rating as a number, for comparisons: `'3A'` → 3. */
export function ratingLevel(rating: OperatorRating): number {
  return Number(rating.slice(0, 1));
}

/**
 * The operator (承接主体): a social organization that runs stations. `imported` means brought in from
 * outside the county because no local operator exists [ZZ §4.1]; `rating` is `null` when unrated.
 */
export const OperatorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  origin: z.enum(['local', 'imported']),
  rating: OperatorRatingSchema.nullable().default(null),
});
export type Operator = z.infer<typeof OperatorSchema>;
export type OperatorInput = z.input<typeof OperatorSchema>;

/** A station's rooms, in square metres (decimals allowed: 11.9 m²). */
export const StationFacilitiesSchema = z.object({
  stationId: z.string().min(1),
  officeAreaM2: z.number().nonnegative(),
  activityAreaM2: z.number().nonnegative().optional(),
});
export type StationFacilities = z.infer<typeof StationFacilitiesSchema>;
