import { IngestRollupsSchema } from '@shegong/contracts';
import { z } from 'zod';
import { ingestServiceRecords, MAX_INGEST_RECORDS } from '../domain/ingest.ts';
import type { ServiceRecordInput } from '../domain/records.ts';
import { isStorableText, STORABLE_TEXT_MESSAGE, StorableText } from './text.ts';
import { procedure } from './trpc.ts';

/**
 * Rows are typed for callers but checked one by one in the domain function, so that with `partial: true`
 * a bad row is returned with its errors instead of failing the whole call.
 */
const RecordRowSchema = z
  .custom<ServiceRecordInput>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'a service record is an object',
  )
  // Text Postgres cannot store fails the call here, naming the field: stations are looked up (and
  // rejected rows stored in the result) before the per-row checks run.
  .superRefine((row, ctx) => {
    for (const [key, value] of Object.entries(row)) {
      const texts: Array<[Array<string | number>, unknown]> = Array.isArray(value)
        ? value.map((v, i) => [[key, i], v])
        : [[[key], value]];
      for (const [path, text] of texts) {
        if (typeof text === 'string' && !isStorableText(text))
          ctx.addIssue({ code: 'custom', path, message: STORABLE_TEXT_MESSAGE });
      }
    }
  });

export const ZIngestRequestSchema = z.object({
  idempotencyKey: StorableText.min(1).max(200),
  records: z.array(RecordRowSchema).max(MAX_INGEST_RECORDS),
  partial: z.boolean().optional(),
  /** Check every row and answer as a partial call would, writing nothing (no key stored, no rollup). */
  dryRun: z.boolean().optional(),
  /**
   * `inline` (the default): the call returns once the rollups count its rows. `background`, for a bulk
   * load: it returns once the rows are stored, and the rollups count them within seconds (a fold behind
   * the calls once they pause for a second, at most 5 s after the first), which costs the load far less.
   */
  rollups: IngestRollupsSchema.optional(),
});
export type TIngestRequest = z.infer<typeof ZIngestRequestSchema>;

/**
 * `serviceRecords.ingest`: a batch of service records, all-or-nothing unless `partial`; `dryRun` writes
 * nothing; `rollups: 'background'` for a bulk load.
 */
export const ingest = procedure
  .input(ZIngestRequestSchema)
  .mutation(({ ctx, input: { rollups, ...request } }) =>
    ingestServiceRecords(ctx.db, request, rollups ? { rollups } : {}),
  );
