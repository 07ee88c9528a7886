import { getBudget, listBudgets, submitBudget } from '../domain/budgets.ts';
import { GetByIdInputSchema, ListBudgetsInputSchema, SubmitBudgetInputSchema } from '../domain/schemas.ts';
import { procedure, router } from './trpc.ts';

/** `budgets.*`: one-year project budgets with lines, funding sources and findings. */
export const budgetsRouter = router({
  /** Validates, evaluates and stores a budget; findings are returned and stored, never blocking. */
  submit: procedure.input(SubmitBudgetInputSchema).mutation(({ ctx, input }) => submitBudget(ctx.db, input)),
  get: procedure.input(GetByIdInputSchema).query(({ ctx, input }) => getBudget(ctx.db, input.id)),
  /** A page of budgets, optionally of a region (by containment), a year or a contract. */
  list: procedure.input(ListBudgetsInputSchema).query(({ ctx, input }) => listBudgets(ctx.db, input)),
});
