import { z } from 'zod';
import { readCompleteness } from '../domain/completeness.ts';
import { chinaToday } from '../domain/reports.ts';
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

export const ZReportCompletenessRequestSchema = z.object({
  /** Any region, township up to province (2-, 4-, 6-, 9- or 12-digit spellings). */
  regionCode: z.string().trim().min(2).max(12),
  /** A period key (`2023-03`, `2023-Q1`, `2023-H1`) or a year (`2023`: every period of it). */
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'a period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn'),
  /** How many overdue reports to list (oldest due day first); the total is always given. */
  overdueLimit: z.number().int().min(0).max(500).default(50),
  overdueOffset: z.number().int().min(0).max(1_000_000).default(0),
});
export type TReportCompletenessRequest = z.input<typeof ZReportCompletenessRequestSchema>;

/**
 * `reports.completeness`: expected, received, on time and overdue reports in a region and each child
 * region for a period or a year, with the overdue list (how late, against today in China).
 */
export const completeness = procedure.input(ZReportCompletenessRequestSchema).query(({ ctx, input }) =>
  readCompleteness(ctx.db, {
    regionCode: input.regionCode,
    period: input.period,
    asOf: today(ctx),
    overdueLimit: input.overdueLimit,
    overdueOffset: input.overdueOffset,
  }),
);
