import { PlanProgressRequestSchema } from '@shegong/contracts';
import { readPlanProgress } from '../domain/plan-progress.ts';
import { chinaToday } from '../domain/reports.ts';
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
