import { ByIdSchema, batchOf, OperatorInputSchema, PageQuerySchema } from '@shegong/contracts';
import { getOperator, listOperators, upsertOperator, upsertOperators } from '../domain/operators.ts';
import { procedure, router } from './trpc.ts';

export const operatorsRouter = router({
  /** Registers or updates an operator (承接主体); returns it with its findings [ZZ §4.1]. */
  upsert: procedure.input(OperatorInputSchema).mutation(({ ctx, input }) => upsertOperator(ctx.db, input)),
  /** All or nothing; an error names `items[i].field`. */
  upsertMany: procedure
    .input(batchOf(OperatorInputSchema))
    .mutation(({ ctx, input }) => upsertOperators(ctx.db, input)),
  get: procedure.input(ByIdSchema).query(({ ctx, input }) => getOperator(ctx.db, input.id)),
  list: procedure
    .input(PageQuerySchema.optional())
    .query(({ ctx, input }) => listOperators(ctx.db, input ?? {})),
});
