import {
  addEvaluation,
  addYearlyTerm,
  getContract,
  listContracts,
  signContract,
} from '../domain/contracts.ts';
import {
  AddEvaluationInputSchema,
  AddYearlyTermInputSchema,
  GetByIdInputSchema,
  ListContractsInputSchema,
  SignContractInputSchema,
} from '../domain/schemas.ts';
import { procedure, router } from './trpc.ts';

/** `contracts.*`: purchase contracts, their yearly agreements and evaluations, with findings. */
export const contractsRouter = router({
  /** Records a signed contract with its findings; appends `contract.signed.v1`. */
  sign: procedure.input(SignContractInputSchema).mutation(({ ctx, input }) => signContract(ctx.db, input)),
  /** Records the agreement of one year of the cycle (一年一签); re-evaluates as of its signing day. */
  addYearlyTerm: procedure
    .input(AddYearlyTermInputSchema)
    .mutation(({ ctx, input }) => addYearlyTerm(ctx.db, input)),
  /** Records an evaluation; re-evaluates as of its date. */
  addEvaluation: procedure
    .input(AddEvaluationInputSchema)
    .mutation(({ ctx, input }) => addEvaluation(ctx.db, input)),
  get: procedure.input(GetByIdInputSchema).query(({ ctx, input }) => getContract(ctx.db, input.id)),
  /** A page of contracts, optionally inside a county, city or province. */
  list: procedure.input(ListContractsInputSchema).query(({ ctx, input }) => listContracts(ctx.db, input)),
});
