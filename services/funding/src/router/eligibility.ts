import { OperatorEligibilityInputSchema, operatorEligibility } from '../domain/eligibility.ts';
import { procedure, router } from './trpc.ts';

/** `eligibility.*`: operators' eligibility to be awarded purchased services [ZZ §6.4]. */
export const eligibilityRouter = router({
  /** An operator's ineligibility periods and renewal decisions, and whether it is eligible on `asOf`. */
  get: procedure
    .input(OperatorEligibilityInputSchema)
    .query(({ ctx, input }) => operatorEligibility(ctx.db, input)),
});
