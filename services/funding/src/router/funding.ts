import { ExecutionSummaryInputSchema } from '../domain/schemas.ts';
import { summarizeRegionExecution } from '../domain/summarize.ts';
import { procedure, router } from './trpc.ts';

/** `funding.*`: cross-cutting views of a region's money. */
export const fundingRouter = router({
  /** Contracted, budgeted (by source kind), paid and paid ÷ budgeted of a province, city or county in a year. */
  executionSummary: procedure
    .input(ExecutionSummaryInputSchema)
    .query(({ ctx, input }) => summarizeRegionExecution(ctx.db, input)),
});
