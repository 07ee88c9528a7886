import { z } from 'zod';
import { readCoverage, readServiceRollup } from '../domain/rollups.ts';
import { procedure } from './trpc.ts';

const RegionCodeInput = z.string().trim().min(2).max(12);

export const ZServiceRollupRequestSchema = z.object({
  regionCode: RegionCodeInput,
  /** A month `YYYY-MM` or a year `YYYY` (the sum of its months). */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a period is YYYY-MM or YYYY'),
  by: z.enum(['domain', 'population', 'domain-population']).optional(),
});
export const ZCoverageRequestSchema = z.object({ regionCode: RegionCodeInput });

/** `rollups.services`: records, beneficiaries, hours, volunteers of a region in a month or year. */
export const services = procedure
  .input(ZServiceRollupRequestSchema)
  .query(({ ctx, input }) => readServiceRollup(ctx.db, input));

/** `rollups.coverage`: operating stations and township coverage of a region and its child regions. */
export const coverage = procedure
  .input(ZCoverageRequestSchema)
  .query(({ ctx, input }) => readCoverage(ctx.db, input.regionCode));
