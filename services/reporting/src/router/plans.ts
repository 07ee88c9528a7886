import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { readPlanProgress } from '../domain/plan-progress.ts';
import { chinaToday } from '../domain/reports.ts';
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

export const ZPlanProgressRequestSchema = z.object({
  /** Any region, township up to province (2-, 4-, 6-, 9- or 12-digit spellings). */
  regionCode: z.string().trim().min(2).max(12),
  /** The day to evaluate on (inclusive); default today in China. A passed deadline is judged on its day. */
  asOf: IsoDateSchema.optional(),
  /** How many townships of the gap list to return (code order); `gaps.total` always counts all. */
  gapLimit: z.number().int().min(0).max(5_000).default(100),
  gapOffset: z.number().int().min(0).max(100_000).default(0),
});
export type TPlanProgressRequest = z.input<typeof ZPlanProgressRequestSchema>;

/**
 * `plans.progress`: plan vs actual of a region — each applicable rollout target (PY annex 1, ZZ §5, WH §1.2,
 * ZT §1, HB) with its deadline, citation, target and actual covered townships, met / missed / pending — and
 * the gap list of townships without an operating township station.
 */
export const progress = procedure.input(ZPlanProgressRequestSchema).query(({ ctx, input }) =>
  readPlanProgress(ctx.db, {
    regionCode: input.regionCode,
    asOf: input.asOf ?? today(ctx),
    gapLimit: input.gapLimit,
    gapOffset: input.gapOffset,
  }),
);
