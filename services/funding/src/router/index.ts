import { budgetsRouter } from './budgets.ts';
import { contractsRouter } from './contracts.ts';
import { eligibilityRouter } from './eligibility.ts';
import { fundingRouter } from './funding.ts';
import { paymentsRouter } from './payments.ts';
import { router } from './trpc.ts';

/** The funding service's procedures. */
export const appRouter = router({
  contracts: contractsRouter,
  budgets: budgetsRouter,
  payments: paymentsRouter,
  funding: fundingRouter,
  eligibility: eligibilityRouter,
});

export type FundingRouter = typeof appRouter;
