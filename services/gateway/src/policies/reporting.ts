import { canReachStation } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import { getRegion } from '@shegong/regions';
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
  requireContract,
  requireRegion,
  requireStation,
} from './policy.ts';

const UnitField = z.object({ unitRegionCode: z.string() }).loose();

/**
 * A report step taken by the reporting unit itself: a county drafts, corrects and submits the county's
 * report, a city the city's [ZZ §2, §5.6], an operator its station's township's briefs [ZZ §5.4]. The unit
 * must be the caller's own region (for an operator: a township where it runs a station); `by` is set to
 * the caller (whatever the input said), so the report records who acted.
 */
async function byTheUnit(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const unit = requireRegion(ctx, fields(UnitField, input).unitRegionCode, ['unitRegionCode'], 'write');
  if (ctx.principal.role === 'operator') {
    // An operator files its station's briefs for the station's township [ZZ §5.4, PY §5.4]: only where
    // it runs a station. (Reporting checks that the definition is an operator's.)
    const runs = (await ctx.lookups.stationsIn(unit)).some(
      (s) => s.operatorId === ctx.principal.operatorId && s.regionCode.startsWith(unit),
    );
    if (!runs || unit.length !== 9) {
      throw new DomainError(
        'FORBIDDEN',
        `operator ${ctx.principal.operatorId} files reports only for a township where it runs a station; it runs none in ${unit}`,
        { path: ['unitRegionCode'] },
      );
    }
    return { input: { ...(input as object), by: ctx.principal.id } };
  }
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

/**
 * An evaluation is recorded by the level that held it, of a station in its own jurisdiction: the county
 * its own evaluations, the city or province its spot checks [ZZ §5.3, PY §5.3, WH §3.4]. `conductedBy` is
 * the caller's level and `by` the caller, whatever the input said; reporting refuses a county spot check
 * or a city "mid-term", naming `conductedBy`.
 */
async function byTheEvaluator(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const { stationId } = fields(z.object({ stationId: z.string() }).loose(), input);
  await requireStation(ctx, stationId, ['stationId'], 'write');
  const level = ctx.principal.role as 'county' | 'city' | 'province';
  return { input: { ...(input as object), conductedBy: level, by: ctx.principal.id } };
}

/** A renewal is decided by the purchasing county for its own contract [ZZ §2, §5.3]; `by` is the caller. */
async function byThePurchaser(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const { contractId } = fields(z.object({ contractId: z.string() }).loose(), input);
  await requireContract(ctx, contractId, ['contractId'], 'write');
  return { input: { ...(input as object), by: ctx.principal.id } };
}

/**
 * Accepting (签收) an approved report further up the chain: the caller is above the level that approved it —
 * the province for a county's report the city approved, a city for a township brief its county approved
 * [ZZ §2, §5.4] — never the unit or its approver.
 */
async function byTheLevelsAbove(ctx: PolicyContext, input: unknown): Promise<Forward<never>> {
  const unit = requireRegion(ctx, fields(UnitField, input).unitRegionCode, ['unitRegionCode'], 'write');
  const caller = canonicalRegion(ctx.principal.regionCode, ['unitRegionCode']);
  const approver = getRegion(unit).parentCode;
  if (unit === caller || approver === caller || approver === null) {
    throw new DomainError(
      'FORBIDDEN',
      `a report of ${unit} is approved by ${approver ?? 'the level above it'} and accepted by the level above that, not by ${caller}`,
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
      z
        .object({
          records: z.array(z.unknown()),
          partial: z.boolean().optional(),
          dryRun: z.boolean().optional(),
        })
        .loose(),
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
    // A dry run lists every bad row, out-of-jurisdiction ones too, as a partial call would answer.
    if (!batch.partial && !batch.dryRun) {
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

  // A station's service records are station data: whoever reads the station reads its records.
  'serviceRecords.list': query('stations.read', by('station', 'stationId')),
  'compliance.station': query('compliance.read', by('station', 'stationId')),
  'compliance.summary': query('summaries.read', by('region', 'regionCode')),
  'compliance.reevaluate': mutation('compliance.reevaluate', by('region', 'regionCode', 'write')),
  'rollups.services': query('summaries.read', by('region', 'regionCode')),
  'rollups.coverage': query('summaries.read', by('region', 'regionCode')),

  'reports.draft': mutation('reports.write', byTheUnit),
  'reports.correct': mutation('reports.write', byTheUnit),
  'reports.submit': mutation('reports.write', byTheUnit),
  'reports.approve': mutation('reports.approve', byTheLevelAbove),
  'reports.accept': mutation('reports.approve', byTheLevelsAbove),
  'reports.return': mutation('reports.approve', byTheLevelAbove),
  'reports.unlock': mutation('reports.approve', byTheLevelAbove),
  'reports.get': query('summaries.read', by('region', 'unitRegionCode')),
  'reports.list': query('summaries.read', by('region', 'regionCode')),
  // Completeness of a region's reports: read like its other figures, inside the jurisdiction.
  'reports.completeness': query('summaries.read', by('region', 'regionCode')),

  'evaluations.record': mutation('evaluations.write', byTheEvaluator),
  'evaluations.list': query('evaluations.read', by('region', 'regionCode')),
  'evaluations.get': query('evaluations.read', by('station', 'stationId')),
  'evaluations.cadence': query('evaluations.read', by('region', 'regionCode')),
  'evaluations.scheme': query('evaluations.read', by('station', 'stationId')),
  'renewals.decide': mutation('renewals.decide', byThePurchaser),
  'renewals.list': query('evaluations.read', by('region', 'regionCode')),
  // Plan vs actual: a region's targets and gap list, read like its coverage, inside the jurisdiction.
  'plans.progress': query('summaries.read', by('region', 'regionCode')),
  'plans.talent': query('summaries.read', by('region', 'regionCode')),
};
