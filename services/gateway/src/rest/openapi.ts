import type { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi';
import { ProblemSchema } from '../http/problem.ts';
import {
  IdempotencyHeadersSchema,
  ListStationsQuerySchema,
  OperatorsBatchRequestSchema,
  OperatorsBatchResultSchema,
  RegionPathSchema,
  RegionSummarySchema,
  ServiceRecordsRequestSchema,
  ServiceRecordsResultSchema,
  StationsBatchRequestSchema,
  StationsBatchResultSchema,
  StationsPageSchema,
  SummaryQuerySchema,
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
    },
  });
}
