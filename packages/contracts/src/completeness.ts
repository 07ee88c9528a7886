import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { ReportPeriodFilterSchema } from './reports.ts';

/**
 * Completeness and timeliness of periodic reports (报送完整率、及时率): expected, received, on time and
 * overdue per region and report definition, kept current by the report workflow [ZZ §2, §5.4, §5.6,
 * PY §2.2, §5.4]. The due day counts as on time. Operators' project reports (中期、末期工作报告, owed per
 * contract year of a contract covering a township's operating station) have no calendar period: they count
 * in every period their due day falls in (the year, half-year, quarter and month).
 */

export const ReportCompletenessRequestSchema = z.object({
  /** Any region, township up to province (2-, 4-, 6-, 9- or 12-digit spellings). */
  regionCode: z.string().trim().min(2).max(12),
  /**
   * A period key (`2023-03`, `2023-Q1`, `2023-H1`) or a year (`2023`: every period of it); project reports
   * (mid-term, final) count in the period their due day falls in.
   */
  period: ReportPeriodFilterSchema,
  /** How many overdue reports to list (oldest due day first); the total is always given. */
  overdueLimit: z.number().int().min(0).max(500).default(50),
  overdueOffset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ReportCompletenessRequest = z.input<typeof ReportCompletenessRequestSchema>;

/** Completeness and timeliness of a set of expected reports on a day. */
export const CompletenessFiguresSchema = z.object({
  expected: z.number().int(),
  /** Past their due day, or received already: the denominator of both ratios. */
  owed: z.number().int(),
  received: z.number().int(),
  /** First submitted on or before the due day (the due day counts as on time). */
  onTime: z.number().int(),
  late: z.number().int(),
  /** Owed and not received. */
  overdue: z.number().int(),
  /** Not due yet and not received. */
  notDue: z.number().int(),
  approved: z.number().int(),
  /** Received, then returned or unlocked, and not submitted again yet. */
  inRevision: z.number().int(),
  /** ⌊10000 × received / owed⌋; 10000 while nothing is owed. */
  completenessBasisPoints: z.number().int(),
  /** ⌊10000 × onTime / owed⌋; 10000 while nothing is owed. */
  timelinessBasisPoints: z.number().int(),
});
export type CompletenessFigures = z.infer<typeof CompletenessFiguresSchema>;

export const DefinitionCompletenessSchema = CompletenessFiguresSchema.extend({
  definitionId: z.string(),
  title: z.string(),
});
export type DefinitionCompleteness = z.infer<typeof DefinitionCompletenessSchema>;

export const RegionCompletenessSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  level: z.string(),
  totals: CompletenessFiguresSchema,
  byDefinition: z.array(DefinitionCompletenessSchema),
});
export type RegionCompleteness = z.infer<typeof RegionCompletenessSchema>;

export const OverdueReportSchema = z.object({
  definitionId: z.string(),
  title: z.string(),
  unitRegionCode: z.string(),
  unitName: z.string(),
  periodKey: z.string(),
  dueOn: IsoDateSchema,
  /** Days past the due day on `asOf`: 1 the day after. */
  daysLate: z.number().int(),
});
export type OverdueReport = z.infer<typeof OverdueReportSchema>;

export const CompletenessSchema = z.object({
  /**
   * `2023-03`, `2023-Q1`, `2023-H1` or a year `2023` (every period of the year), with the project reports
   * due inside it.
   */
  period: z.string(),
  asOf: IsoDateSchema,
  region: RegionCompletenessSchema,
  /** The region's children (cities of a province …), in code order; none for a township. */
  children: z.array(RegionCompletenessSchema),
  overdue: z.object({
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    items: z.array(OverdueReportSchema),
  }),
});
export type Completeness = z.infer<typeof CompletenessSchema>;
