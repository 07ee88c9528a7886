import {
  EvaluationKindSchema,
  FenSchema,
  ProjectBudgetSchema,
  PurchaseContractSchema,
} from '@shegong/budget';
import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { CountyCodeSchema, ReadRegionCodeSchema } from './region.ts';

/**
 * The requests the service accepts, one zod schema each: the single source of the procedures' input
 * types and of their validation. Built on `@shegong/budget`'s schemas so a contract or budget the service
 * stores is one the rules can read.
 */

const IdSchema = z.string().trim().min(1).max(200);

/** Keyset pagination: an opaque cursor from the previous page and a page size (default 50, at most 200). */
export const PageSchema = z.object({
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * A purchase contract to sign: `@shegong/budget`'s `PurchaseContractSchema` (award notice, signing date,
 * term, cycle, yearly terms, evaluations — and its cross-field checks) with the purchaser county
 * required and validated as a county, the operator required, the stations it covers and its amount.
 */
export const SignContractInputSchema = PurchaseContractSchema.safeExtend({
  id: IdSchema,
  countyCode: CountyCodeSchema,
  operatorId: z.string().trim().min(1),
  stationIds: z
    .array(z.string().trim().min(1))
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, { message: 'a station is listed twice' }),
  /** The contract price for its whole term, in fen. */
  amountFen: FenSchema,
});
export type SignContractInput = z.input<typeof SignContractInputSchema>;
export type SignContractRequest = z.output<typeof SignContractInputSchema>;

export const AddYearlyTermInputSchema = z.object({
  contractId: IdSchema,
  /** The year of the cycle, 1 for the first. */
  year: z.number().int().positive(),
  signedOn: IsoDateSchema,
});
export type AddYearlyTermInput = z.infer<typeof AddYearlyTermInputSchema>;

export const AddEvaluationInputSchema = z.object({
  contractId: IdSchema,
  date: IsoDateSchema,
  kind: EvaluationKindSchema,
});
export type AddEvaluationInput = z.infer<typeof AddEvaluationInputSchema>;

export const GetByIdInputSchema = z.object({ id: IdSchema });

/** `countyCode` may name a city or a province too: it lists every contract of the counties inside. */
export const ListContractsInputSchema = PageSchema.extend({ countyCode: ReadRegionCodeSchema.optional() });
export type ListContractsInput = z.input<typeof ListContractsInputSchema>;

/**
 * A project budget to submit: `@shegong/budget`'s `ProjectBudget` with the county validated as a county,
 * the contract it funds (optional), and the year's urban average wage for profiles that budget labour
 * cost against it (WH) [WH §2.2].
 */
export const SubmitBudgetInputSchema = ProjectBudgetSchema.extend({
  id: IdSchema,
  countyCode: CountyCodeSchema,
  contractId: IdSchema.optional(),
  urbanAverageWageFen: FenSchema.optional(),
});
export type SubmitBudgetInput = z.input<typeof SubmitBudgetInputSchema>;
export type SubmitBudgetRequest = z.output<typeof SubmitBudgetInputSchema>;

export const ListBudgetsInputSchema = PageSchema.extend({
  countyCode: ReadRegionCodeSchema.optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  contractId: IdSchema.optional(),
});
export type ListBudgetsInput = z.input<typeof ListBudgetsInputSchema>;

/** What a payment application attaches [ZZ §5.5]: the service agreement, invoices, service reports … */
export const VoucherKindSchema = z.enum(['service-agreement', 'invoice', 'service-report', 'other']);
export const VoucherSchema = z.object({ kind: VoucherKindSchema, ref: z.string().trim().min(1) });
export type Voucher = z.infer<typeof VoucherSchema>;

/**
 * A written payment application with its vouchers, after the contract is signed (合同签订后，承接主体要以
 * 书面形式向购买主体提交资金申请，并附相应的服务协议、凭证资料等) [ZZ §5.5].
 */
export const ApplyForPaymentInputSchema = z.object({
  id: IdSchema,
  contractId: IdSchema,
  amountFen: FenSchema.min(1, { message: 'a payment request asks for at least ¥0.01' }),
  appliedOn: IsoDateSchema,
  vouchers: z.array(VoucherSchema).min(1, {
    message: 'a payment application attaches its vouchers (service agreement, invoice …) [ZZ §5.5]',
  }),
});
export type ApplyForPaymentInput = z.infer<typeof ApplyForPaymentInputSchema>;

export const ApprovePaymentInputSchema = z.object({ id: IdSchema, approvedOn: IsoDateSchema });
export type ApprovePaymentInput = z.infer<typeof ApprovePaymentInputSchema>;

export const RejectPaymentInputSchema = z.object({
  id: IdSchema,
  rejectedOn: IsoDateSchema,
  reason: z.string().trim().min(1),
});
export type RejectPaymentInput = z.infer<typeof RejectPaymentInputSchema>;

export const PayPaymentInputSchema = z.object({ id: IdSchema, paidOn: IsoDateSchema });
export type PayPaymentInput = z.infer<typeof PayPaymentInputSchema>;

export const ListPaymentsInputSchema = z.object({ contractId: IdSchema });

export const ExecutionSummaryInputSchema = z.object({
  /** A province, city or county: the summary covers every county inside. */
  regionCode: ReadRegionCodeSchema,
  year: z.number().int().min(2000).max(2100),
});
export type ExecutionSummaryInput = z.input<typeof ExecutionSummaryInputSchema>;
