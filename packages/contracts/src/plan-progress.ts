import { CitationSchema, IsoDateSchema } from '@shegong/kernel';
import { BindingSchema, MeasureSchema } from '@shegong/plans';
import { RegionLevelSchema, TownshipKindSchema } from '@shegong/regions';
import { z } from 'zod';

/**
 * Plan vs actual (规划与实际): each rollout target that applies to a region — Puyang annex 1, Zhengzhou's
 * yearly targets [ZZ §5], Wuhan [WH §1.2], Hebei and others [HB] — against the townships covered by an
 * operating township station, and the gap list of townships without one.
 */

export const PlanProgressRequestSchema = z.object({
  /** Any region, township up to province (2-, 4-, 6-, 9- or 12-digit spellings). */
  regionCode: z.string().trim().min(2).max(12),
  /** The day to evaluate on (inclusive); default today in China. A passed deadline is judged on its day. */
  asOf: IsoDateSchema.optional(),
  /** How many townships of the gap list to return (code order); `gaps.total` always counts all. */
  gapLimit: z.number().int().min(0).max(5_000).default(100),
  gapOffset: z.number().int().min(0).max(100_000).default(0),
});
export type PlanProgressRequest = z.input<typeof PlanProgressRequestSchema>;

/** `pending` is `@shegong/plans`' `open`: not due yet and not satisfied yet. */
export const TargetStatusSchema = z.enum(['met', 'missed', 'pending', 'indeterminate']);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

/** One applicable target with its figures on the day asked about (or on its deadline, once passed). */
export const PlanTargetProgressSchema = z.object({
  /** Stable id (`py-2021/taiqian/2021`). */
  id: z.string(),
  planId: z.string(),
  /** What the target asks, in the plan's words (`台前县：2021年底累计建成3个乡镇（街道）社工站`). */
  title: z.string(),
  /** The area it is about: a division unit by code, or a functional zone by id. */
  area: z.object({ key: z.string(), name: z.string() }),
  /** How the area relates to the region asked about: its own, inside it, or enclosing it. */
  relation: z.enum(['same', 'within', 'enclosing']),
  /** The last day that counts (inclusive). */
  deadline: IsoDateSchema,
  citation: CitationSchema,
  quote: z.string(),
  /** `must`, or `strive` for 力争/争取: a missed `strive` target is a warning. */
  binding: BindingSchema,
  measure: MeasureSchema,
  /** The fewest covered townships that satisfy it. */
  target: z.number().int(),
  /** Covered townships (of the measured kind) on `evaluatedOn`. */
  actual: z.number().int(),
  /** Townships of the area (of the measured kind). */
  townships: z.number().int(),
  shortfall: z.number().int(),
  status: TargetStatusSchema,
  evaluatedOn: IsoDateSchema,
  severity: z.enum(['error', 'warning', 'info']),
  /** Why the hub cannot tell (`indeterminate`). */
  reason: z.string().optional(),
});
export type PlanTargetProgress = z.infer<typeof PlanTargetProgressSchema>;

/** A township without an operating township station: one line of the gap list. */
export const CoverageGapSchema = z.object({
  code: z.string(),
  name: z.string(),
  townshipKind: TownshipKindSchema.nullable(),
  countyCode: z.string(),
  countyName: z.string(),
});
export type CoverageGap = z.infer<typeof CoverageGapSchema>;

export const PlanProgressSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  asOf: IsoDateSchema,
  coverage: z.object({
    townships: z.number().int(),
    covered: z.number().int(),
    basisPoints: z.number().int(),
  }),
  targets: z.array(PlanTargetProgressSchema),
  /** Counts by status, so a screen can say "2 missed" without counting itself. */
  statusCounts: z.record(TargetStatusSchema, z.number().int()),
  /** Townships without an operating township station on `asOf`, in code order; `total` is all of them. */
  gaps: z.object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(CoverageGapSchema),
  }),
});
export type PlanProgressView = z.infer<typeof PlanProgressSchema>;
