import {
  ReportCorrectRequestSchema,
  ReportDraftRequestSchema,
  ReportListRequestSchema,
  ReportReasonRequestSchema,
  ReportRefSchema,
} from '@shegong/contracts';
import {
  acceptReport,
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
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

/** `reports.draft`: a unit's report for a period, its figures computed from the hub's data. */
export const draft = procedure
  .input(ReportDraftRequestSchema)
  .mutation(({ ctx, input }) => draftReport(ctx.db, input, today(ctx)));

/** `reports.correct`: a correction beside a computed figure, with its reason. */
export const correct = procedure
  .input(ReportCorrectRequestSchema)
  .mutation(({ ctx, input }) => correctReport(ctx.db, input));

/** `reports.submit`: a draft goes to the level above, dated today. */
export const submit = procedure
  .input(ReportRefSchema)
  .mutation(({ ctx, input }) => submitReport(ctx.db, input, today(ctx)));

/** `reports.approve`: a submitted report is approved; its unit × period is locked. */
export const approve = procedure
  .input(ReportRefSchema)
  .mutation(({ ctx, input }) => approveReport(ctx.db, input, today(ctx)));

/** `reports.accept`: an approved report is accepted (签收) further up the chain. */
export const accept = procedure
  .input(ReportRefSchema)
  .mutation(({ ctx, input }) => acceptReport(ctx.db, input, today(ctx)));

/** `reports.return`: a submitted report goes back to its unit, with a reason. */
export const sendBack = procedure
  .input(ReportReasonRequestSchema)
  .mutation(({ ctx, input }) => returnReport(ctx.db, input, today(ctx)));

/** `reports.unlock`: the approver lifts the lock; the report goes back to its unit. */
export const unlock = procedure
  .input(ReportReasonRequestSchema)
  .mutation(({ ctx, input }) => unlockReport(ctx.db, input, today(ctx)));

/** `reports.get`: one report with its figures, corrections, status and timeliness. */
export const get = procedure
  .input(ReportRefSchema.omit({ by: true }))
  .query(({ ctx, input }) => getReport(ctx.db, input));

/** `reports.list`: the reports of the units inside a region. */
export const list = procedure
  .input(ReportListRequestSchema)
  .query(({ ctx, input }) => listReports(ctx.db, input));
