import { z } from 'zod';
import { ingestServiceRecords, MAX_INGEST_RECORDS } from '../domain/ingest.ts';
import type { ServiceRecordInput } from '../domain/records.ts';
import { procedure } from './trpc.ts';

/**
 * Rows are typed for callers but checked one by one in the domain function, so that with `partial: true`
 * a bad row is returned with its errors instead of failing the whole call.
 */
const RecordRowSchema = z.custom<ServiceRecordInput>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'a service record is an object',
);

export const ZIngestRequestSchema = z.object({
  idempotencyKey: z.string().min(1).max(200),
  records: z.array(RecordRowSchema).max(MAX_INGEST_RECORDS),
  partial: z.boolean().optional(),
});
export type TIngestRequest = z.infer<typeof ZIngestRequestSchema>;

/** `serviceRecords.ingest`: a batch of service records, all-or-nothing unless `partial`. */
export const ingest = procedure
  .input(ZIngestRequestSchema)
  .mutation(({ ctx, input }) => ingestServiceRecords(ctx.db, input));
