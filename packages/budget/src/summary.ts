import { sumFen } from './money.ts';
import {
  type BudgetLineCategory,
  BudgetLineCategorySchema,
  type FundingSourceKind,
  FundingSourceKindSchema,
  isPersonnel,
  type ProjectBudget,
} from './schema.ts';

/** A budget's totals, all in fen. */
export interface BudgetSummary {
  /** 项目经费: the sum of every line. */
  totalFen: number;
  /** Salary + allowances + social insurance [ZZ §6.3]. */
  personnelFen: number;
  nonPersonnelFen: number;
  byCategory: Record<BudgetLineCategory, number>;
  /** The sum of every funding source (may differ from `totalFen` in a draft). */
  sourcesFen: number;
  bySourceKind: Record<FundingSourceKind, number>;
}

/**
 * Adds up a budget's lines by category and its sources by kind. Exact: sums of integer fen.
 * @example summarizeBudget(budget).personnelFen // salary + allowance + social-insurance lines
 */
export function summarizeBudget(budget: Pick<ProjectBudget, 'lines' | 'sources'>): BudgetSummary {
  const byCategory = Object.fromEntries(
    BudgetLineCategorySchema.options.map((category) => [
      category,
      sumFen(budget.lines.filter((l) => l.category === category).map((l) => l.amountFen)),
    ]),
  ) as Record<BudgetLineCategory, number>;
  const bySourceKind = Object.fromEntries(
    FundingSourceKindSchema.options.map((kind) => [
      kind,
      sumFen(budget.sources.filter((s) => s.kind === kind).map((s) => s.amountFen)),
    ]),
  ) as Record<FundingSourceKind, number>;
  const totalFen = sumFen(Object.values(byCategory));
  const personnelFen = sumFen(
    BudgetLineCategorySchema.options.filter(isPersonnel).map((category) => byCategory[category]),
  );
  return {
    totalFen,
    personnelFen,
    nonPersonnelFen: totalFen - personnelFen,
    byCategory,
    sourcesFen: sumFen(Object.values(bySourceKind)),
    bySourceKind,
  };
}
