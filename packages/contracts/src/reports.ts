import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { StorableText } from './text.ts';

/**
 * Periodic reports (定期报告): what a unit files for a period, filled from the hub's data [ZZ §2, §5.4,
 * §5.6, PY §2.2]. The request schemas validate the reporting service's procedures and the gateway's REST
 * endpoints alike; `ReportSchema` is what both answer.
 */

const RegionCodeInput = z.string().trim().min(2).max(12);

export const ReportStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved']);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const ReportDraftRequestSchema = z.object({
  /** A report definition of the unit's report profile (`@shegong/plans`): `county-quarterly-report`. */
  definitionId: StorableText.min(1).max(100),
  /** The reporting unit: a county for the quarterly report, a city for the half-year one. */
  unitRegionCode: RegionCodeInput,
  /** `2023-Q1`, `2023-H1` or `2023-03`, as the definition's period type says. */
  period: z.string().trim().min(4).max(20),
  narrative: StorableText.max(20_000).optional(),
});
export type ReportDraftRequest = z.infer<typeof ReportDraftRequestSchema>;

/** A report by id and the unit it belongs to (the gateway places the call by the unit). */
export const ReportRefSchema = z.object({
  reportId: StorableText.min(1).max(200),
  unitRegionCode: RegionCodeInput,
  /** Who acts: set by the gateway from the caller's identity (what a caller sends is replaced). */
  by: StorableText.min(1).max(200).optional(),
});
export type ReportRefInput = z.infer<typeof ReportRefSchema>;

const Reason = StorableText.trim().min(1, 'say why').max(2_000);

export const ReportCorrectRequestSchema = ReportRefSchema.extend({
  /** Dotted path of the figure: `services.beneficiaries`, `staffing.compliant`. */
  path: StorableText.min(1).max(200),
  value: z.number().finite().nonnegative(),
  reason: Reason,
});
export const ReportReasonRequestSchema = ReportRefSchema.extend({ reason: Reason });

/** A period key (`2023-Q1`, `2023-H1`, `2023-03`) or a year (`2023`). */
export const ReportPeriodFilterSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, 'a period is YYYY, YYYY-MM, YYYY-Qn or YYYY-Hn');

export const ReportListRequestSchema = z.object({
  regionCode: RegionCodeInput,
  period: ReportPeriodFilterSchema.optional(),
});

export const ServiceCountsSchema = z.object({
  records: z.number(),
  beneficiaries: z.number(),
  hours: z.number(),
  volunteers: z.number(),
});
export type ServiceCounts = z.infer<typeof ServiceCountsSchema>;

/**
 * What the hub already knows of a unit for a period: nobody types these numbers. Stations and staffing
 * are as of the day the report was drafted; service volumes are the period's months from the rollups.
 */
export const ReportFiguresSchema = z.object({
  /** The day the figures were computed. */
  asOf: IsoDateSchema,
  stations: z.object({
    operating: z.number(),
    /** Every station of the unit by lifecycle status (planned, building, operating, suspended, closed). */
    byStatus: z.record(z.string(), z.number()),
    townships: z.number(),
    coveredTownships: z.number(),
  }),
  staffing: z.object({
    /** Operating stations counted. */
    stations: z.number(),
    compliant: z.number(),
    nonCompliant: z.number(),
    notEvaluated: z.number(),
    /** The `error` findings of operating stations: rule id → stations it fails. */
    errorRules: z.record(z.string(), z.number()),
  }),
  /** Each record counted once in the totals; by canonical domain a record counts in each of its domains. */
  services: ServiceCountsSchema.extend({ byDomain: z.record(z.string(), ServiceCountsSchema) }),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

/** A number the unit corrected, beside what the hub computed; the computed figure is never overwritten. */
export const ReportCorrectionSchema = z.object({
  /** Dotted path into the figures: `services.beneficiaries`, `services.byDomain.elder-care.records`. */
  path: z.string(),
  computed: z.number(),
  value: z.number(),
  reason: z.string(),
  by: z.string().nullable(),
  /** ISO timestamp. */
  at: z.string(),
});
export type ReportCorrection = z.infer<typeof ReportCorrectionSchema>;

export const ReportPeriodSchema = z.object({ key: z.string(), start: IsoDateSchema, end: IsoDateSchema });

export const ReportSchema = z.object({
  id: z.string(),
  definitionId: z.string(),
  definitionVersion: z.string(),
  title: z.string(),
  unitRegionCode: z.string(),
  unitName: z.string(),
  period: ReportPeriodSchema,
  status: ReportStatusSchema,
  dueOn: IsoDateSchema,
  figures: ReportFiguresSchema,
  corrections: z.array(ReportCorrectionSchema),
  /** The figures with the corrections applied: what the unit reports. */
  reported: ReportFiguresSchema,
  narrative: z.string().nullable(),
  submittedOn: IsoDateSchema.nullable(),
  submittedBy: z.string().nullable(),
  /** Of the first submission (a resubmission after a return does not reset the clock). */
  timeliness: z
    .object({
      status: z.enum(['on-time', 'late']),
      daysLate: z.number().int(),
      firstSubmittedOn: IsoDateSchema,
    })
    .nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** Accepted (签收) up the chain after the approval: by the level above the approver. */
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  /** An approved report locks its unit × period against new service records. */
  locked: z.boolean(),
});
export type Report = z.infer<typeof ReportSchema>;
