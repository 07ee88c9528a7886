import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { complianceSummary, reevaluateRegion, stationCompliance } from '../domain/compliance.ts';
import { StorableText } from './text.ts';
import { procedure } from './trpc.ts';

const RegionCodeInput = z.string().trim().min(2).max(12);

export const ZStationComplianceRequestSchema = z.object({ stationId: StorableText.min(1) });
export const ZComplianceSummaryRequestSchema = z.object({ regionCode: RegionCodeInput });
export const ZReevaluateRequestSchema = z.object({ regionCode: RegionCodeInput, asOf: IsoDateSchema });

/** `compliance.station`: a station's current staffing findings. */
export const station = procedure
  .input(ZStationComplianceRequestSchema)
  .query(({ ctx, input }) => stationCompliance(ctx.db, input.stationId));

/** `compliance.summary`: operating stations compliant / not, in a region and per child region. */
export const summary = procedure
  .input(ZComplianceSummaryRequestSchema)
  .query(({ ctx, input }) => complianceSummary(ctx.db, input.regionCode));

/** `compliance.reevaluate`: re-run every station of a region as of a day (the nightly job). */
export const reevaluate = procedure
  .input(ZReevaluateRequestSchema)
  .mutation(({ ctx, input }) => reevaluateRegion(ctx.db, input.regionCode, input.asOf));
