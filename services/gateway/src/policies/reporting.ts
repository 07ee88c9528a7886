import { canReachStation } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import type { ReportingRouter } from '@shegong/reporting-service';
import { z } from 'zod';
import { by, fields, mutation, type Policies, query } from './policy.ts';

/** What reporting answers to an ingest, as far as the gateway needs to merge rows it refused itself. */
interface IngestAnswer {
  received: number;
  accepted: number;
  rejected: Array<{
    index: number;
    id: string | null;
    errors: Array<{ path: string; code: string; message: string }>;
  }>;
}

/**
 * Every reporting procedure as the gateway exposes it. A batch of service records may only name stations
 * the caller reaches; the rows that do not are refused like any other bad row — the whole batch, unless
 * the caller asked for partial acceptance, and then they are listed with the rows reporting refused.
 */
export const reportingPolicies: Policies<ReportingRouter> = {
  'serviceRecords.ingest': mutation('service-records.write', async (ctx, input) => {
    const batch = fields(
      z.object({ records: z.array(z.unknown()), partial: z.boolean().optional() }).loose(),
      input,
    );
    const stationIds = batch.records.map((r) => (r as { stationId?: unknown } | null)?.stationId);
    const places = await ctx.lookups.stations(
      stationIds.filter((id): id is string => typeof id === 'string'),
    );
    const refused: IngestAnswer['rejected'] = [];
    const kept: Array<{ index: number; record: unknown }> = [];
    for (const [index, record] of batch.records.entries()) {
      const id = stationIds[index];
      // A row without a usable stationId goes on: reporting refuses it, naming the field.
      const place = typeof id === 'string' ? places.get(id) : undefined;
      if (typeof id === 'string' && !(place && canReachStation(ctx.principal, place, 'write'))) {
        refused.push({
          index,
          id: typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : null,
          errors: [
            {
              path: `records[${index}].stationId`,
              code: 'STATION_NOT_FOUND',
              message: `no station "${id}" in the jurisdiction of ${ctx.principal.role} ${ctx.principal.regionCode}`,
            },
          ],
        });
      } else kept.push({ index, record });
    }
    if (refused.length === 0) return { input };
    if (!batch.partial) {
      throw new DomainError(
        'SERVICE_RECORDS_REJECTED',
        `${refused.length} of ${batch.records.length} records name stations outside your jurisdiction, nothing stored: ${refused[0]?.errors[0]?.path}. Fix them, or send partial: true to store the others.`,
        { path: ['records', refused[0]?.index ?? 0, 'stationId'], details: { rejected: refused } },
      );
    }
    return {
      input: { ...(input as object), records: kept.map((k) => k.record) },
      // Reporting numbered the rows it saw; put them back at their place in the caller's batch.
      finish: (answer) => {
        const rejected = [
          ...refused,
          ...answer.rejected.map((r) => {
            const index = kept[r.index]?.index ?? r.index;
            return {
              ...r,
              index,
              errors: r.errors.map((e) => ({
                ...e,
                path: e.path.replace(/^records\[\d+\]/, `records[${index}]`),
              })),
            };
          }),
        ].sort((a, b) => a.index - b.index);
        return { ...answer, received: batch.records.length, rejected };
      },
    };
  }),

  'compliance.station': query('compliance.read', by('station', 'stationId')),
  'compliance.summary': query('summaries.read', by('region', 'regionCode')),
  'compliance.reevaluate': mutation('compliance.reevaluate', by('region', 'regionCode', 'write')),
  'rollups.services': query('summaries.read', by('region', 'regionCode')),
  'rollups.coverage': query('summaries.read', by('region', 'regionCode')),
};
