import { canReachStation } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import type { ReportingRouter } from '@shegong/reporting-service';
import { z } from 'zod';
import {
  by,
  canonicalRegion,
  type Forward,
  fields,
  mutation,
  type Policies,
  type PolicyContext,
  query,
  requireRegion,
} from './policy.ts';

const UnitField = z.object({ unitRegionCode: z.string() }).loose();

/**
 * A report step taken by the reporting unit itself: a county drafts, corrects and submits the county's
 * report, a city the city's [ZZ §2, §5.6]. The unit must be the caller's own region; `by` is set to the
 * caller (whatever the input said), so the report records who acted.
 */
async function byTheUnit(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const unit = requireRegion(ctx, fields(UnitField, input).unitRegionCode, ['unitRegionCode'], 'write');
  if (unit !== canonicalRegion(ctx.principal.regionCode, ['unitRegionCode'])) {
    throw new DomainError(
      'FORBIDDEN',
      `a report of ${unit} is drafted, corrected and submitted by ${unit} itself, not by ${ctx.principal.role} ${ctx.principal.regionCode}`,
      { path: ['unitRegionCode'] },
    );
  }
  return { input: { ...(input as object), by: ctx.principal.id } };
}

/**
 * A report step taken by the level above the unit (approve, return, unlock): the unit must lie strictly
 * inside the caller's own region — a city approves its counties' reports, the province its cities' —
 * never the unit approving itself.
 */
async function byTheLevelAbove(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const unit = requireRegion(ctx, fields(UnitField, input).unitRegionCode, ['unitRegionCode'], 'write');
  if (unit === canonicalRegion(ctx.principal.regionCode, ['unitRegionCode'])) {
    throw new DomainError(
      'FORBIDDEN',
      `a report of ${unit} is approved, returned or unlocked by the level above it, not by ${unit} itself`,
      { path: ['unitRegionCode'] },
    );
  }
  return { input: { ...(input as object), by: ctx.principal.id } };
}

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

  'reports.draft': mutation('reports.write', byTheUnit),
  'reports.correct': mutation('reports.write', byTheUnit),
  'reports.submit': mutation('reports.write', byTheUnit),
  'reports.approve': mutation('reports.approve', byTheLevelAbove),
  'reports.return': mutation('reports.approve', byTheLevelAbove),
  'reports.unlock': mutation('reports.approve', byTheLevelAbove),
  'reports.get': query('summaries.read', by('region', 'unitRegionCode')),
  'reports.list': query('summaries.read', by('region', 'regionCode')),
};
