import {
  CompletenessSchema,
  IngestResultSchema,
  IngestRollupsSchema,
  MaskedWorkerSchema,
  OperatorInputSchema,
  OperatorRecordSchema,
  PlanProgressSchema,
  pageOf,
  ReportCorrectRequestSchema,
  ReportDraftRequestSchema,
  ReportPeriodFilterSchema,
  ReportReasonRequestSchema,
  ReportSchema,
  ServiceRecordSchema,
  StationInputSchema,
  StationSchema,
  WorkerInputSchema,
} from '@shegong/contracts';
import { StationStatusSchema } from '@shegong/events';
import { FindingSchema, IsoDateSchema } from '@shegong/kernel';
import { TalentTargetSchema } from '@shegong/plans';
import { z } from 'zod';

/**
 * The REST API's requests and answers, built from `@shegong/contracts`: the OpenAPI document, the
 * handlers' validation and (through openapi-typescript) the SDK's types all come from here.
 */

/** A refused batch row: its position, its id when it had one, every reason. */
export const RejectedRowSchema = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    errors: z.array(
      z.object({
        path: z.string().meta({ example: 'items[3].regionCode' }),
        code: z.string(),
        message: z.string(),
        issue: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            "what a schema refusal was without its wording (zod's issue code and parameters), to re-word it",
          ),
      }),
    ),
  })
  .meta({ id: 'RejectedRow' });

const batchRequest = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item).min(1).max(1_000),
      /** Store the good rows and list the refused ones, instead of refusing the whole batch. */
      partial: z.boolean().optional(),
    })
    .meta({ id: `${name}BatchRequest` });

const batchResult = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      received: z.number().int(),
      accepted: z.number().int(),
      rejected: z.array(RejectedRowSchema),
      items: z.array(item),
    })
    .meta({ id: `${name}BatchResult` });

export const StationsBatchRequestSchema = batchRequest(StationInputSchema, 'Stations');
export const StationsBatchResultSchema = batchResult(StationSchema, 'Stations');
export const OperatorsBatchRequestSchema = batchRequest(OperatorInputSchema, 'Operators');
export const OperatorsBatchResultSchema = batchResult(OperatorRecordSchema, 'Operators');
export const WorkersBatchRequestSchema = batchRequest(WorkerInputSchema, 'Workers');
export const WorkersBatchResultSchema = batchResult(MaskedWorkerSchema, 'Workers');

export const ServiceRecordsRequestSchema = z
  .object({
    records: z.array(ServiceRecordSchema).min(1).max(10_000),
    partial: z.boolean().optional(),
    rollups: IngestRollupsSchema.optional(),
  })
  .meta({ id: 'ServiceRecordsRequest' });
export const ServiceRecordsResultSchema = IngestResultSchema;

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z.string().min(1).max(200).meta({
    description: 'Your key for this batch: sending it again returns the first result and writes nothing',
  }),
});

export const ListStationsQuerySchema = z.object({
  regionCode: z.string().optional().meta({ description: 'a province, city, county or township code' }),
  status: StationStatusSchema.optional(),
  cursor: z.string().optional().meta({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const StationsPageSchema = pageOf(StationSchema).meta({ id: 'StationsPage' });

export const RegionPathSchema = z.object({
  code: z.string().meta({ description: 'a province, city, county or township code', example: '410100' }),
});
export const SummaryQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a period is YYYY-MM or YYYY')
    .meta({ example: '2023-03' }),
});

const CountsSchema = z.object({
  records: z.number(),
  beneficiaries: z.number(),
  hours: z.number(),
  volunteers: z.number(),
});

const CoverageSchema = z.object({
  regionCode: z.string(),
  name: z.string(),
  level: z.string(),
  operatingStations: z.number().int(),
  townshipStations: z.number().int(),
  coveredTownships: z.number().int(),
  townships: z.number().int(),
  coverage: z.number(),
});

const ComplianceCountsSchema = z.object({
  stations: z.number().int(),
  compliant: z.number().int(),
  nonCompliant: z.number().int(),
  notEvaluated: z.number().int(),
});

const ExecutionFiguresSchema = z.object({
  contractCount: z.number().int(),
  contractedFen: z.number().int(),
  budgetCount: z.number().int(),
  budgetedFen: z.number().int(),
  budgetedBySourceKind: z.record(z.string(), z.number().int()),
  budgetedSourcesFen: z.number().int(),
  paymentCount: z.number().int(),
  paidFen: z.number().int(),
  executionBp: z.number().int().nullable(),
  executionShare: z.string().nullable(),
});

/**
 * One region in one period, as a province, city or county reads it: coverage, staffing compliance,
 * service volumes by canonical domain and by target population, budget execution for the year.
 */
export const RegionSummarySchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    period: z.string(),
    coverage: CoverageSchema.extend({ children: z.array(CoverageSchema) }),
    compliance: ComplianceCountsSchema.extend({
      children: z.array(ComplianceCountsSchema.extend({ regionCode: z.string(), name: z.string() })),
    }),
    services: z.object({
      totals: CountsSchema,
      byDomain: z.array(CountsSchema.extend({ domain: z.string() })),
      byPopulation: z.array(CountsSchema.extend({ population: z.string() })),
    }),
    /** Money is in fen (分). Null for a township: counties contract the service. */
    budget: ExecutionFiguresSchema.extend({
      year: z.number().int(),
      byCounty: z.array(ExecutionFiguresSchema.extend({ countyCode: z.string() })),
    }).nullable(),
  })
  .meta({ id: 'RegionSummary' });
export type RegionSummary = z.infer<typeof RegionSummarySchema>;

// Periodic reports -----------------------------------------------------------------------------------------

export const ReportDocSchema = ReportSchema.meta({ id: 'Report' });
export const ReportsListSchema = z.object({ items: z.array(ReportDocSchema) }).meta({ id: 'ReportsList' });

export const ReportListQuerySchema = z.object({
  regionCode: z.string().meta({
    description: 'reports of every unit inside this region (a county, city or province)',
    example: '410100',
  }),
  period: ReportPeriodFilterSchema.optional().meta({
    description: 'one period (`2023-Q1`, `2023-H1`, `2023-03`) or a year (`2023`)',
  }),
});

export const ReportPathSchema = z.object({
  unitRegionCode: z
    .string()
    .meta({ description: 'the reporting unit: a county or city code', example: '410105' }),
  reportId: z.string().meta({ example: '410105-county-quarterly-report-2023-Q1' }),
});

export const ReportDraftBodySchema = ReportDraftRequestSchema.meta({ id: 'ReportDraftRequest' });
export const ReportCorrectionBodySchema = ReportCorrectRequestSchema.omit({
  reportId: true,
  unitRegionCode: true,
  by: true,
}).meta({ id: 'ReportCorrectionRequest' });
export const ReportReasonBodySchema = ReportReasonRequestSchema.pick({ reason: true }).meta({
  id: 'ReportReasonRequest',
});

export const ReportExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'json']).default('xlsx'),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

export const CompletenessDocSchema = CompletenessSchema.meta({ id: 'ReportCompleteness' });
export const CompletenessQuerySchema = z.object({
  period: ReportPeriodFilterSchema.meta({
    description: 'one period (`2026-Q3`, `2026-H1`, `2026-09`) or a year (`2026`: every period of it)',
    example: '2026-Q3',
  }),
  overdueLimit: z.coerce.number().int().min(0).max(500).optional().meta({
    description:
      'how many overdue reports to list, oldest due day first (default 50); the total is always given',
  }),
  overdueOffset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const PlanProgressDocSchema = PlanProgressSchema.meta({ id: 'PlanProgress' });
export const PlanProgressQuerySchema = z.object({
  asOf: IsoDateSchema.optional().meta({
    description: 'the day to judge on (default today in China); a passed deadline is judged on its day',
  }),
  gapLimit: z.coerce.number().int().min(0).max(5_000).optional().meta({
    description: 'how many townships of the gap list to return (default 100); the total is always given',
  }),
  gapOffset: z.coerce.number().int().min(0).max(100_000).optional(),
});

// Evaluations and renewals (read) --------------------------------------------------------------------------

export const EvaluationsQuerySchema = z.object({
  regionCode: z.string().meta({ description: 'the stations inside this region', example: '410105' }),
  stationId: z.string().optional(),
  period: z
    .string()
    .regex(/^\d{4}(-H[12])?$/, 'a year (2026) or a half-year (2026-H2)')
    .optional()
    .meta({ description: 'the year or half-year the evaluations were decided in' }),
});

/** An evaluation as a list shows it; the full breakdown is `reporting.evaluations.get` over tRPC. */
export const EvaluationSummarySchema = z
  .object({
    id: z.string(),
    stationId: z.string(),
    regionCode: z.string(),
    operatorId: z.string().nullable(),
    contractId: z.string().nullable(),
    kind: z.enum(['mid-term', 'final', 'annual', 'spot-check']),
    conductedBy: z.string(),
    evaluatorName: z.string().nullable(),
    period: z.object({ from: z.string(), to: z.string() }),
    decidedOn: z.string(),
    scheme: z.object({ id: z.string(), version: z.string() }),
    outcome: z.string().meta({ description: '`graded`, `vetoed` or `incomplete`' }),
    grade: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
    total: z.number(),
    vetoes: z.array(z.string()).meta({ description: 'ids of the veto items (一票否决) found' }),
  })
  .meta({ id: 'EvaluationSummary' });
export const EvaluationsListSchema = z
  .object({ items: z.array(EvaluationSummarySchema) })
  .meta({ id: 'EvaluationsList' });

export const RenewalsQuerySchema = z.object({
  regionCode: z.string().meta({ description: 'the contracts whose purchaser county lies in this region' }),
  contractId: z.string().optional(),
  year: z.coerce.number().int().positive().optional(),
});

/** A renewal decision of one contract year, with its evidence and any ineligibility period [ZZ §5.3, §6.4]. */
export const RenewalSummarySchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    countyCode: z.string(),
    operatorId: z.string(),
    year: z.number().int(),
    yearStart: z.string(),
    yearEnd: z.string(),
    decision: z.string().meta({ description: '`renew`, `re-procure` or `undetermined`' }),
    citation: z.string(),
    evidence: z.array(z.string()).meta({ description: 'the evaluations the decision rests on' }),
    ineligibility: z.object({ from: z.string(), to: z.string(), citation: z.string() }).nullable(),
    decidedOn: z.string(),
  })
  .meta({ id: 'RenewalSummary' });
export const RenewalsListSchema = z
  .object({ items: z.array(RenewalSummarySchema) })
  .meta({ id: 'RenewalsList' });

export const CadenceQuerySchema = z.object({
  regionCode: z.string().meta({ description: 'the stations inside this region', example: '410100' }),
  year: z.coerce.number().int().min(2000).max(2100).meta({ example: 2026 }),
});
export const EvaluationCadenceSchema = z
  .object({
    regionCode: z.string(),
    name: z.string(),
    year: z.number().int(),
    asOf: z.string(),
    stations: z.number().int(),
    short: z.number().int(),
    findings: z.array(FindingSchema),
  })
  .meta({ id: 'EvaluationCadence' });

export const TalentQuerySchema = z.object({
  asOf: IsoDateSchema.optional().meta({ description: 'the day to count on (default today in China)' }),
});
/** Talent targets [ZT §1, §11, HB item 5] against the hub's counts, which are lower bounds. */
export const TalentProgressSchema = z
  .object({
    regionCode: z.string(),
    name: z.string(),
    asOf: z.string(),
    targets: z.array(
      z.object({
        target: TalentTargetSchema,
        hubCount: z
          .number()
          .int()
          .nullable()
          .meta({ description: "the hub's lower bound; null where it counts nothing" }),
        counted: z.string().nullable(),
        status: z.enum(['met', 'unknown', 'no-data']),
        due: z.boolean(),
        progressBasisPoints: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'TalentProgress' });
