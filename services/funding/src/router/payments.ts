import {
  applyForPayment,
  approvePayment,
  getPayment,
  listPayments,
  payPayment,
  rejectPayment,
} from '../domain/payments.ts';
import {
  ApplyForPaymentInputSchema,
  ApprovePaymentInputSchema,
  GetByIdInputSchema,
  ListPaymentsInputSchema,
  PayPaymentInputSchema,
  RejectPaymentInputSchema,
} from '../domain/schemas.ts';
import { procedure, router } from './trpc.ts';

/** `payments.*`: payment requests, applied → approved → paid (or applied → rejected). */
export const paymentsRouter = router({
  /**
   * The operator's written application with vouchers [ZZ §5.5]; 409 over the contract amount. (Not
   * `apply`: tRPC reserves that name, since its proxies are functions.)
   */
  applyFor: procedure
    .input(ApplyForPaymentInputSchema)
    .mutation(({ ctx, input }) => applyForPayment(ctx.db, input)),
  approve: procedure
    .input(ApprovePaymentInputSchema)
    .mutation(({ ctx, input }) => approvePayment(ctx.db, input)),
  reject: procedure
    .input(RejectPaymentInputSchema)
    .mutation(({ ctx, input }) => rejectPayment(ctx.db, input)),
  /** Records the payment; appends `payment.paid.v1`. */
  pay: procedure.input(PayPaymentInputSchema).mutation(({ ctx, input }) => payPayment(ctx.db, input)),
  get: procedure.input(GetByIdInputSchema).query(({ ctx, input }) => getPayment(ctx.db, input.id)),
  /** A contract's requests and their totals. */
  list: procedure
    .input(ListPaymentsInputSchema)
    .query(({ ctx, input }) => listPayments(ctx.db, input.contractId)),
});
