/**
 * @shegong/budget: station project budgets, funding sources, purchase contracts, operators and station
 * rooms; the rules they must meet in Zhengzhou, Puyang and Wuhan (and the Henan baseline) with their
 * citations; and an estimator of what a county's stations cost. Money is integer fen throughout.
 */
export {
  BudgetInputError,
  type BudgetInputIssue,
  BudgetProfileNotFoundError,
  MoneyRangeError,
} from './errors.ts';
export {
  type CountyBudgetEstimate,
  DEFAULT_OTHER_LINES_BP,
  type EstimateInput,
  estimateCountyBudget,
  type OtherLinesBp,
  OtherLinesBpSchema,
  type WhatIfInput,
  type WhatIfResult,
  whatIfStaffingRule,
} from './estimator.ts';
export {
  type BudgetOptions,
  evaluateBudget,
  evaluateContract,
  evaluateFacilities,
  evaluateOperator,
} from './evaluate.ts';
export { BUDGET_LINE_CATEGORY_LABELS, FUNDING_SOURCE_KIND_LABELS, type Label } from './labels.ts';
export {
  type BasisPoints,
  BasisPointsSchema,
  exactFraction,
  type Fen,
  FenSchema,
  formatBp,
  formatYuan,
  mulDiv,
  parseYuan,
  shareBp,
  shareSatisfies,
  WHOLE_BP,
} from './money.ts';
export { parseProjectBudget } from './parse.ts';
export {
  type BudgetProfile,
  type BudgetProfileId,
  BudgetProfileIdSchema,
  type BudgetProfileInput,
  BudgetProfileSchema,
  budgetProfileFor,
  defaultWorkersPerStation,
  getBudgetProfile,
  listBudgetProfiles,
  type RuleParam,
} from './profiles.ts';
export { type RuleId, RuleIdSchema } from './rules/rule.ts';
export {
  type BudgetLine,
  type BudgetLineCategory,
  BudgetLineCategorySchema,
  BudgetLineSchema,
  type EvaluationKind,
  EvaluationKindSchema,
  type FundingSource,
  type FundingSourceKind,
  FundingSourceKindSchema,
  FundingSourceSchema,
  isPersonnel,
  NON_PERSONNEL_CATEGORIES,
  type NonPersonnelCategory,
  type Operator,
  type OperatorInput,
  type OperatorRating,
  OperatorRatingSchema,
  OperatorSchema,
  PERSONNEL_CATEGORIES,
  type ProjectBudget,
  type ProjectBudgetInput,
  ProjectBudgetSchema,
  type PurchaseContract,
  type PurchaseContractInput,
  PurchaseContractSchema,
  ServiceScopeIdSchema,
  type StationFacilities,
  StationFacilitiesSchema,
} from './schema.ts';
export { type BudgetSummary, summarizeBudget } from './summary.ts';
