/**
 * @shegong/funding-service: purchase contracts, project budgets and their funding sources, payment
 * requests, and budget execution by region — with the findings of `@shegong/budget`'s rules stored beside
 * them and `contract.signed.v1` / `payment.paid.v1` published through the outbox.
 */
export { migrations } from './db/migrations/index.ts';
export type { FundingDatabase } from './db/schema.ts';
export type { Budget } from './domain/budgets.ts';
export type { Contract } from './domain/contracts.ts';
export {
  type OperatorEligibility,
  type OperatorEligibilityInput,
  OperatorEligibilityInputSchema,
  OperatorIneligibleError,
} from './domain/eligibility.ts';
export type { ExecutionFigures, ExecutionSummary } from './domain/execution.ts';
export type { Page } from './domain/page.ts';
export type { PaymentStatus } from './domain/payment-state.ts';
export type { ContractPayments, PaymentRequest } from './domain/payments.ts';
export {
  type AddEvaluationInput,
  AddEvaluationInputSchema,
  type AddYearlyTermInput,
  AddYearlyTermInputSchema,
  type ApplyForPaymentInput,
  ApplyForPaymentInputSchema,
  ApprovePaymentInputSchema,
  ExecutionSummaryInputSchema,
  ListBudgetsInputSchema,
  ListContractsInputSchema,
  ListPaymentsInputSchema,
  PayPaymentInputSchema,
  RejectPaymentInputSchema,
  type SignContractInput,
  SignContractInputSchema,
  type SubmitBudgetInput,
  SubmitBudgetInputSchema,
  VoucherKindSchema,
} from './domain/schemas.ts';
export type { FundingRouter } from './router/index.ts';
export type { FundingContext } from './router/trpc.ts';
export {
  CONSUMER,
  createFundingService,
  type FundingService,
  type FundingServiceOptions,
  SCHEMA,
} from './service.ts';
