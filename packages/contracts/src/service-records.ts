import { findPopulation } from '@shegong/catalog';
import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';

/** The sentinel domain and population of totals that count each record once. */
export const ALL = 'all';

export const ServiceKindSchema = z.enum(['case', 'group', 'activity', 'visit']);

const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/**
 * One service record as a station's system reports it: a case (个案), group (小组), community activity
 * (社区活动) or visit (探访) under a local catalog item, with the populations it served.
 */
export const ServiceRecordSchema = z
  .object({
    /** The caller's id, unique per station. */
    id: z.string().min(1).max(120),
    stationId: z.string().min(1).max(120),
    /** The local catalog the item belongs to, e.g. `zz-2021`. */
    catalogId: z.string().min(1),
    /** The local item, `<domain number>.<item number>` (`1.3`), as the catalog's crosswalk names it. */
    itemRef: z.string().min(1),
    /** Target population codes (`dibao`, `orphan` …); may be empty for an activity open to everyone. */
    populations: z
      .array(
        z
          .string()
          .refine(
            (code) => code !== ALL && findPopulation(code) !== undefined,
            'not a known population code',
          ),
      )
      .max(30),
    kind: ServiceKindSchema,
    date: IsoDateSchema,
    beneficiaries: z.number().int().min(0).max(1_000_000),
    hours: z.number().min(0).max(100_000).refine(twoDecimals, 'hours have at most 2 decimal places'),
    volunteers: z.number().int().min(0).max(100_000),
  })
  .meta({ id: 'ServiceRecord' });
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>;
export type ServiceRecordInput = z.input<typeof ServiceRecordSchema>;

/** When the rollups count a batch's rows: before the call returns, or seconds after (a bulk load). */
export const IngestRollupsSchema = z.enum(['inline', 'background']).meta({
  description:
    '`inline` (default): the response comes once the region summaries count the rows. `background`, for a bulk load: once the rows are stored; the summaries count them within seconds (once the calls pause for a second, at most 5 s later), at far less cost per batch.',
});
export type IngestRollups = z.infer<typeof IngestRollupsSchema>;

/** A batch of service records: all-or-nothing unless `partial`. */
export const IngestResultSchema = z
  .object({
    idempotencyKey: z.string(),
    received: z.number().int(),
    accepted: z.number().int(),
    /** Refused rows, by position in `records`, each with every reason. Empty unless `partial`. */
    rejected: z.array(
      z.object({
        index: z.number().int(),
        id: z.string().nullable(),
        errors: z.array(
          z.object({
            path: z.string(),
            code: z.string(),
            message: z.string(),
            /** What a schema refusal was without its wording (zod's issue code and parameters), to re-word it. */
            issue: z.record(z.string(), z.unknown()).optional(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResultSchema>;
