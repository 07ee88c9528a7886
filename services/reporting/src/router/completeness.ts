import { ReportCompletenessRequestSchema } from '@shegong/contracts';
import { readCompleteness } from '../domain/completeness.ts';
import { chinaToday } from '../domain/reports.ts';
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

/**
 * `reports.completeness`: expected, received, on time and overdue reports in a region and each child
 * region for a period or a year, with the overdue list (how late, against today in China).
 */
export const completeness = procedure.input(ReportCompletenessRequestSchema).query(({ ctx, input }) =>
  readCompleteness(ctx.db, {
    regionCode: input.regionCode,
    period: input.period,
    asOf: today(ctx),
    overdueLimit: input.overdueLimit,
    overdueOffset: input.overdueOffset,
  }),
);
