import { getOperator, listOperators, upsertOperator } from '../domain/operators.ts';
import { ByIdSchema, OperatorInputSchema, PageQuerySchema } from '../domain/schemas.ts';
import { procedure, router } from './trpc.ts';

export const operatorsRouter = router({
  /** Registers or updates an operator (承接主体); returns it with its findings [ZZ §4.1]. */
  upsert: procedure.input(OperatorInputSchema).mutation(({ ctx, input }) => upsertOperator(ctx.db, input)),
  get: procedure.input(ByIdSchema).query(({ ctx, input }) => getOperator(ctx.db, input.id)),
  list: procedure
    .input(PageQuerySchema.optional())
    .query(({ ctx, input }) => listOperators(ctx.db, input ?? {})),
});
