import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { PointsSchema } from './points.ts';

const count = z.number().int().nonnegative();
const fen = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * The facts the hub already holds about a station for the period, one optional object per measure. A
 * computed indicator whose facts are absent is reported as missing, never scored 0.
 */
export const HubFactsSchema = z.object({
  /** Findings of `@shegong/staffing` for the station on the period's last day, by severity. */
  staffing: z.object({ errors: count, warnings: count }).optional(),
  /** Service delivered in the period against the quantity the contract sets for it (人次, 个案 …). */
  service: z
    .object({ delivered: count, target: z.number().int().positive(), unit: z.string().optional() })
    .optional(),
  /** Reports (monthly briefs, mid-term and final reports) due in the period, and those submitted on time. */
  reports: z
    .object({ due: count, onTime: count })
    .refine((r) => r.onTime <= r.due, { message: 'more reports on time than were due', path: ['onTime'] })
    .optional(),
  /** Money spent in the period against money planned for it, in fen. */
  budget: z.object({ spentFen: fen, plannedFen: fen.positive() }).optional(),
  /** Continuing-education hours of each resident worker in the calendar year up to the period's end. */
  training: z
    .object({ workers: z.array(z.object({ workerId: z.string().min(1), hours: PointsSchema })) })
    .optional(),
});
export type HubFacts = z.infer<typeof HubFactsSchema>;

/** Evidence: references an auditor can follow (file numbers, photo ids, survey ids, URLs). */
const EvidenceSchema = z.array(z.string().trim().min(1, { message: 'an evidence reference is not empty' }));

/** An evaluator's points for one indicator, with the evidence they rest on. */
export const EvaluatorEntrySchema = z.object({
  points: PointsSchema,
  evidence: EvidenceSchema.default([]),
  evaluator: z.string().optional(),
  note: z.string().optional(),
});
export type EvaluatorEntry = z.infer<typeof EvaluatorEntrySchema>;

/** A veto item (一票否决) an evaluator found, with its evidence. */
export const VetoEntrySchema = z.object({
  id: z.string().min(1),
  evidence: EvidenceSchema.default([]),
  evaluator: z.string().optional(),
  note: z.string().optional(),
});
export type VetoEntry = z.infer<typeof VetoEntrySchema>;

/** Everything needed to score one station for one period. */
export const EvaluationInputsSchema = z
  .object({
    stationId: z.string().min(1),
    stationName: z.string().optional(),
    /** The station's township code; picks the profile when none is named. */
    regionCode: z
      .string()
      .regex(/^\d{6,12}$/)
      .optional(),
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
    hub: HubFactsSchema.default({}),
    /** Evaluator entries by indicator id. */
    entries: z.record(z.string(), EvaluatorEntrySchema).default({}),
    vetoes: z.array(VetoEntrySchema).default([]),
  })
  .refine((i) => i.period.from <= i.period.to, {
    message: 'the period ends before it starts',
    path: ['period', 'to'],
  });
export type EvaluationInputs = z.infer<typeof EvaluationInputsSchema>;
export type EvaluationInputsRaw = z.input<typeof EvaluationInputsSchema>;
