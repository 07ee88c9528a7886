import { z } from 'zod';
import {
  approveReport,
  chinaToday,
  correctReport,
  draftReport,
  getReport,
  listReports,
  returnReport,
  submitReport,
  unlockReport,
} from '../domain/reports.ts';
import { StorableText } from './text.ts';
import { type Ctx, procedure } from './trpc.ts';

const RegionCodeInput = z.string().trim().min(2).max(12);
const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

export const ZReportDraftRequestSchema = z.object({
  /** A report definition of the unit's report profile (`@shegong/plans`): `county-quarterly-report`. */
  definitionId: StorableText.min(1).max(100),
  /** The reporting unit: a county for the quarterly report, a city for the half-year one. */
  unitRegionCode: RegionCodeInput,
  /** `2023-Q1`, `2023-H1` or `2023-03`, as the definition's period type says. */
  period: z.string().trim().min(4).max(20),
  narrative: StorableText.max(20_000).optional(),
});

/** A report by id and the unit it belongs to (the gateway places the call by the unit). */
export const ZReportRefSchema = z.object({
  reportId: StorableText.min(1).max(200),
  unitRegionCode: RegionCodeInput,
  /** Who acts: set by the gateway from the caller's identity (what a caller sends is replaced). */
  by: StorableText.min(1).max(200).optional(),
});

const Reason = StorableText.trim().min(1, 'say why').max(2_000);

export const ZReportCorrectRequestSchema = ZReportRefSchema.extend({
  /** Dotted path of the figure: `services.beneficiaries`, `staffing.compliant`. */
  path: StorableText.min(1).max(200),
  value: z.number().finite().nonnegative(),
  reason: Reason,
});
export const ZReportReasonRequestSchema = ZReportRefSchema.extend({ reason: Reason });
export const ZReportListRequestSchema = z.object({
  regionCode: RegionCodeInput,
  /** A period key (`2023-Q1`, `2023-H1`, `2023-03`) or a year (`2023`). */
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'a period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn')
    .optional(),
});

/** `reports.draft`: a unit's report for a period, its figures computed from the hub's data. */
export const draft = procedure
  .input(ZReportDraftRequestSchema)
  .mutation(({ ctx, input }) => draftReport(ctx.db, input, today(ctx)));

/** `reports.correct`: a correction beside a computed figure, with its reason. */
export const correct = procedure
  .input(ZReportCorrectRequestSchema)
  .mutation(({ ctx, input }) => correctReport(ctx.db, input));

/** `reports.submit`: a draft goes to the level above, dated today. */
export const submit = procedure
  .input(ZReportRefSchema)
  .mutation(({ ctx, input }) => submitReport(ctx.db, input, today(ctx)));

/** `reports.approve`: a submitted report is approved; its unit × period is locked. */
export const approve = procedure
  .input(ZReportRefSchema)
  .mutation(({ ctx, input }) => approveReport(ctx.db, input, today(ctx)));

/** `reports.return`: a submitted report goes back to its unit, with a reason. */
export const sendBack = procedure
  .input(ZReportReasonRequestSchema)
  .mutation(({ ctx, input }) => returnReport(ctx.db, input, today(ctx)));

/** `reports.unlock`: the approver lifts the lock; the report goes back to its unit. */
export const unlock = procedure
  .input(ZReportReasonRequestSchema)
  .mutation(({ ctx, input }) => unlockReport(ctx.db, input, today(ctx)));

/** `reports.get`: one report with its figures, corrections, status and timeliness. */
export const get = procedure
  .input(ZReportRefSchema.omit({ by: true }))
  .query(({ ctx, input }) => getReport(ctx.db, input));

/** `reports.list`: the reports of the units inside a region. */
export const list = procedure
  .input(ZReportListRequestSchema)
  .query(({ ctx, input }) => listReports(ctx.db, input));
