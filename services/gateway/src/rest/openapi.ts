import type { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi';
import { ProblemSchema } from '../http/problem.ts';
import {
  CadenceQuerySchema,
  CompletenessDocSchema,
  CompletenessQuerySchema,
  EvaluationCadenceSchema,
  EvaluationsListSchema,
  EvaluationsQuerySchema,
  IdempotencyHeadersSchema,
  ListStationsQuerySchema,
  OperatorsBatchRequestSchema,
  OperatorsBatchResultSchema,
  PlanProgressDocSchema,
  PlanProgressQuerySchema,
  RegionPathSchema,
  RegionSummarySchema,
  RenewalsListSchema,
  RenewalsQuerySchema,
  ReportCorrectionBodySchema,
  ReportDocSchema,
  ReportDraftBodySchema,
  ReportExportQuerySchema,
  ReportListQuerySchema,
  ReportPathSchema,
  ReportReasonBodySchema,
  ReportsListSchema,
  ServiceRecordsRequestSchema,
  ServiceRecordsResultSchema,
  StationsBatchRequestSchema,
  StationsBatchResultSchema,
  StationsPageSchema,
  SummaryQuerySchema,
  TalentProgressSchema,
  TalentQuerySchema,
  WorkersBatchRequestSchema,
  WorkersBatchResultSchema,
} from './schemas.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const PROBLEMS = {
  '400': problem('Bad input: every bad field in `errors`, every refused batch row in `rows`'),
  '401': problem('No or bad credentials'),
  '403': problem('The role may not do this, or the region is outside its jurisdiction'),
  '413': problem('The body is over 10 MB'),
  '429': problem('Over the rate limit; see `Retry-After`'),
} as const;

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const batch = (
  summary: string,
  description: string,
  request: z.ZodType,
  result: z.ZodType,
): ZodOpenApiOperationObject => ({
  summary,
  description: `${description} All-or-nothing: one bad row refuses the batch (400, each bad row listed in \`rows\`) unless \`partial: true\`, and then the answer stores the good rows and lists each refused one in \`rejected\`. Up to 1,000 rows.`,
  tags: ['registry'],
  requestBody: { required: true, content: { 'application/json': { schema: request } } },
  responses: { '200': json(result, 'What was stored, and the refused rows'), ...PROBLEMS },
});

const REPORT_PROBLEMS = {
  '404': problem('No such report'),
  '409': problem('The report is not in a state this step takes (`REPORT_STATUS_CONFLICT`)'),
  ...PROBLEMS,
} as const;

/** A workflow step on one report: its path names the report; `return` and `unlock` need a reason. */
const step = (summary: string, description: string, reason = false): ZodOpenApiOperationObject => ({
  summary,
  description,
  tags: ['reports'],
  requestParams: { path: ReportPathSchema },
  ...(reason && {
    requestBody: { required: true, content: { 'application/json': { schema: ReportReasonBodySchema } } },
  }),
  responses: { '200': json(ReportDocSchema, 'The report after the step'), ...REPORT_PROBLEMS },
});

/**
 * The OpenAPI 3.1 document of the REST API, generated from the same zod schemas that validate it
 * (zod-openapi): nothing in it is written by hand. `packages/sdk` generates its types from this.
 */
export function openApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Shegong Hub API',
      version: '1.0.0',
      description:
        'The provincial integration hub for township social work stations (社工站). City systems push their stations, operators, resident workers and service records, and read region summaries back. Every call is limited to the jurisdiction of its API key (a city) or signed-in user.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'A city system key, sgk_…' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'From auth.signIn' },
      },
    },
    paths: {
      '/stations': {
        put: batch(
          'Register or update stations',
          'Stations of your city: township stations, county centres, community rooms, with facilities and institutions.',
          StationsBatchRequestSchema,
          StationsBatchResultSchema,
        ),
        get: {
          summary: 'List stations',
          description: 'Stations in id order, a page at a time; inside your jurisdiction only.',
          tags: ['registry'],
          requestParams: { query: ListStationsQuerySchema },
          responses: { '200': json(StationsPageSchema, 'One page'), ...PROBLEMS },
        },
      },
      '/operators': {
        put: batch(
          'Register or update operators',
          'The social work organisations (承接主体) that run stations, with their unified social credit codes.',
          OperatorsBatchRequestSchema,
          OperatorsBatchResultSchema,
        ),
      },
      '/workers': {
        put: batch(
          'Register or update resident workers',
          'Resident social workers of your stations. Resident ID numbers and phones are stored encrypted and always returned masked.',
          WorkersBatchRequestSchema,
          WorkersBatchResultSchema,
        ),
      },
      '/service-records': {
        post: {
          summary: 'Submit service records',
          description:
            'A batch of up to 10,000 service records (cases, groups, activities, visits). Send an `Idempotency-Key`: repeating a request with the same key returns the first result and writes nothing. All-or-nothing unless `partial: true`.',
          tags: ['reporting'],
          requestParams: { header: IdempotencyHeadersSchema },
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ServiceRecordsRequestSchema } },
          },
          responses: {
            '200': json(
              ServiceRecordsResultSchema,
              'Stored (or, for a repeated key, what the first call stored)',
            ),
            '409': problem('The idempotency key was used before for different records'),
            ...PROBLEMS,
          },
        },
      },
      '/regions/{code}/summary': {
        get: {
          summary: 'Region summary',
          description:
            'Coverage, staffing compliance, service volumes by canonical domain and target population, and budget execution of one region in a month (`YYYY-MM`) or year (`YYYY`), read from rollups.',
          tags: ['reporting'],
          requestParams: { path: RegionPathSchema, query: SummaryQuerySchema },
          responses: { '200': json(RegionSummarySchema, 'The summary'), ...PROBLEMS },
        },
      },
      '/regions/{code}/report-completeness': {
        get: {
          summary: 'Report completeness and timeliness',
          description:
            'Expected, received, on-time and overdue periodic reports of a region and each region below it, for a period or a year, with the overdue list (units, due day, days late; the due day counts as on time) [ZZ §2, §5.4, §5.6, PY §2.2]. Operators’ mid-term and final project reports, owed per contract year [ZZ §5.4, PY §5.4], count in the period their due day falls in (year, half-year, quarter, month). Read from counters the report workflow keeps current.',
          tags: ['reports'],
          requestParams: { path: RegionPathSchema, query: CompletenessQuerySchema },
          responses: { '200': json(CompletenessDocSchema, 'Completeness and timeliness'), ...PROBLEMS },
        },
      },
      '/regions/{code}/plan-progress': {
        get: {
          summary: 'Plan vs actual',
          description:
            'Every rollout target that applies to the region (Puyang annex 1, Zhengzhou’s yearly targets [ZZ §5], Wuhan [WH §1.2], Hebei [HB]) with its deadline, citation, the covered townships it needs and has, and whether it is met, missed (judged on its deadline) or pending; and the gap list of townships without an operating township station.',
          tags: ['reporting'],
          requestParams: { path: RegionPathSchema, query: PlanProgressQuerySchema },
          responses: { '200': json(PlanProgressDocSchema, 'Targets and gaps'), ...PROBLEMS },
        },
      },
      '/evaluations': {
        get: {
          summary: 'Station evaluations',
          description:
            'The evaluations of the stations inside a region — by the county twice a year [ZZ §5.3, PY §5.3], Wuhan’s mid-term [WH §3.4], city and province spot checks — with score, grade (优秀/良好/合格/不合格) and veto items (一票否决). For civil-affairs users (bearer token).',
          tags: ['evaluations'],
          requestParams: { query: EvaluationsQuerySchema },
          responses: { '200': json(EvaluationsListSchema, 'The evaluations'), ...PROBLEMS },
        },
      },
      '/evaluations/cadence': {
        get: {
          summary: 'Evaluation cadence',
          description:
            'The stations of a region short of the evaluations their profile requires in a year — the county’s two a year [ZZ §5.3, PY §5.3], Wuhan’s mid-term [WH §3.4]; spot checks never count. A warning while the year runs, an error after.',
          tags: ['evaluations'],
          requestParams: { query: CadenceQuerySchema },
          responses: {
            '200': json(EvaluationCadenceSchema, 'Stations checked and the shortfalls'),
            ...PROBLEMS,
          },
        },
      },
      '/renewals': {
        get: {
          summary: 'Renewal decisions',
          description:
            'Per contract year: renewed or re-procured on its evaluations, with the evidence and any period in which the operator may not be awarded a new contract [ZZ §5.3, §6.4, WH §3.4].',
          tags: ['evaluations'],
          requestParams: { query: RenewalsQuerySchema },
          responses: { '200': json(RenewalsListSchema, 'The decisions'), ...PROBLEMS },
        },
      },
      '/regions/{code}/talent': {
        get: {
          summary: 'Talent targets against the hub’s counts',
          description:
            'The talent targets set for the region or regions inside it [ZT §1, §11, HB item 5] against what the hub counts — certified resident workers at its stations, contracted operators — which are lower bounds: `met` when the count alone reaches the target, otherwise `unknown`; `no-data` where the hub holds nothing (posts, demonstration organizations).',
          tags: ['reporting'],
          requestParams: { path: RegionPathSchema, query: TalentQuerySchema },
          responses: { '200': json(TalentProgressSchema, 'Targets and counts'), ...PROBLEMS },
        },
      },
      '/reports': {
        get: {
          summary: 'List periodic reports',
          description:
            'The reports of every unit inside a region (counties, cities), optionally of one period or a year, with status, timeliness and lock.',
          tags: ['reports'],
          requestParams: { query: ReportListQuerySchema },
          responses: { '200': json(ReportsListSchema, 'The reports, by period then unit'), ...PROBLEMS },
        },
        post: {
          summary: 'Draft a report from the hub’s data',
          description:
            'Creates the unit’s report for a period, or refreshes the figures of its draft or returned report: stations, staffing compliance and service volumes are computed from the data the hub holds [ZZ §2, §5.6, PY §2.2]. Nobody types a number the hub already knows.',
          tags: ['reports'],
          requestBody: { required: true, content: { 'application/json': { schema: ReportDraftBodySchema } } },
          responses: {
            '200': json(ReportDocSchema, 'The draft'),
            '409': problem('The report was submitted or approved: it cannot be drafted again'),
            ...PROBLEMS,
          },
        },
      },
      '/reports/{unitRegionCode}/{reportId}': {
        get: {
          summary: 'One report',
          tags: ['reports'],
          requestParams: { path: ReportPathSchema },
          responses: {
            '200': json(ReportDocSchema, 'The report'),
            '404': problem('No such report'),
            ...PROBLEMS,
          },
        },
      },
      '/reports/{unitRegionCode}/{reportId}/export': {
        get: {
          summary: 'Export a report as XLSX or JSON',
          description:
            'The sheet a civil-affairs clerk files: title row, unit, period, due day and status, every figure computed by the hub beside the reported value with the reason of each correction, the narrative, who submitted and who signed it off. `format=json` gives the same rows as JSON.',
          tags: ['reports'],
          requestParams: { path: ReportPathSchema, query: ReportExportQuerySchema },
          responses: {
            '200': {
              description: 'The file (Content-Disposition names it by unit, period and title)',
              content: {
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                  schema: { type: 'string', format: 'binary' },
                },
                'application/json': { schema: { type: 'object' } },
              },
            },
            '404': problem('No such report'),
            ...PROBLEMS,
          },
        },
      },
      '/reports/{unitRegionCode}/{reportId}/corrections': {
        post: {
          summary: 'Correct a computed figure, with a reason',
          description:
            'The computed value stays and is shown beside the correction; correcting a path again replaces the earlier correction. Drafts only.',
          tags: ['reports'],
          requestParams: { path: ReportPathSchema },
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ReportCorrectionBodySchema } },
          },
          responses: { '200': json(ReportDocSchema, 'The report with the correction'), ...REPORT_PROBLEMS },
        },
      },
      '/reports/{unitRegionCode}/{reportId}/submit': {
        post: step(
          'Submit a draft to the level above',
          'Dated today (China time); the first submission sets timeliness.',
        ),
      },
      '/reports/{unitRegionCode}/{reportId}/approve': {
        post: step(
          'Approve a submitted report',
          'By the level above the unit. Approval locks the unit’s records of the period: a later write is refused with `PERIOD_LOCKED` until the approver unlocks.',
        ),
      },
      '/reports/{unitRegionCode}/{reportId}/accept': {
        post: step(
          'Accept an approved report up the chain (签收)',
          'By the level above the approver: the province accepts a county report the city approved [ZZ §2], a city a township brief its county approved [ZZ §5.4]. Once; an unlock clears it.',
        ),
      },
      '/reports/{unitRegionCode}/{reportId}/return': {
        post: step('Return a submitted report with a reason', 'It goes back to the unit as a draft.', true),
      },
      '/reports/{unitRegionCode}/{reportId}/unlock': {
        post: step(
          'Unlock an approved report, with a reason',
          'By its approver; audited. The report goes back to its unit and the period takes records again.',
          true,
        ),
      },
    },
  });
}
