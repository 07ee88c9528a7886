import { PlanProgressRequestSchema } from '@shegong/contracts';
import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { readPlanProgress } from '../domain/plan-progress.ts';
import { chinaToday } from '../domain/reports.ts';
import { readTalentProgress } from '../domain/talent-progress.ts';
import { type Ctx, procedure } from './trpc.ts';

const today = (ctx: Ctx) => (ctx.today ?? (() => chinaToday()))();

/**
 * `plans.progress`: plan vs actual of a region — each applicable rollout target (PY annex 1, ZZ §5, WH §1.2,
 * ZT §1, HB) with its deadline, citation, target and actual covered townships, met / missed / pending — and
 * the gap list of townships without an operating township station.
 */
export const progress = procedure.input(PlanProgressRequestSchema).query(({ ctx, input }) =>
  readPlanProgress(ctx.db, {
    regionCode: input.regionCode,
    asOf: input.asOf ?? today(ctx),
    gapLimit: input.gapLimit,
    gapOffset: input.gapOffset,
  }),
);

export const TalentProgressRequestSchema = z.object({
  /** Any region: the talent targets set for it or for regions inside it. */
  regionCode: z.string().trim().min(2).max(12),
  /** The day to count on (inclusive); default today in China. */
  asOf: IsoDateSchema.optional(),
});

/**
 * `plans.talent`: talent targets [ZT §1, §11, HB item 5] against the hub's counts, which are lower bounds:
 * `met` when the hub's count alone reaches the target, else `unknown`; `no-data` where it counts nothing.
 */
export const talent = procedure
  .input(TalentProgressRequestSchema)
  .query(({ ctx, input }) =>
    readTalentProgress(ctx.db, { regionCode: input.regionCode, asOf: input.asOf ?? today(ctx) }),
  );
