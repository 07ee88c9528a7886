import { budgetsRouter } from './budgets.ts';
import { contractsRouter } from './contracts.ts';
import { fundingRouter } from './funding.ts';
import { paymentsRouter } from './payments.ts';
import { router } from './trpc.ts';

/** The funding service's procedures. */
export const appRouter = router({
  contracts: contractsRouter,
  budgets: budgetsRouter,
  payments: paymentsRouter,
  funding: fundingRouter,
});

export type FundingRouter = typeof appRouter;
