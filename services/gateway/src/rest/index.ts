import {
  IngestRollupsSchema,
  OperatorInputSchema,
  StationInputSchema,
  WorkerInputSchema,
} from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { getRegion } from '@shegong/regions';
import { reportFileName, reportJson, reportXlsx } from '@shegong/report-export';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { originOf, principalOf } from '../http/authenticate.ts';
import { sendProblem } from '../http/problem.ts';
import { appRouter } from '../trpc/app-router.ts';
import type { GatewayDeps } from '../trpc/init.ts';
import { BatchRejected, writeBatch } from './batch.ts';
import { sendError } from './problems.ts';
import {
  CadenceQuerySchema,
  CompletenessQuerySchema,
  type EvaluationSummarySchema,
  EvaluationsQuerySchema,
  IdempotencyHeadersSchema,
  ListStationsQuerySchema,
  PlanProgressQuerySchema,
  RegionPathSchema,
  type RegionSummary,
  type RenewalSummarySchema,
  RenewalsQuerySchema,
  ReportCorrectionBodySchema,
  ReportDraftBodySchema,
  ReportExportQuerySchema,
  ReportListQuerySchema,
  ReportPathSchema,
  ReportReasonBodySchema,
  SummaryQuerySchema,
  TalentQuerySchema,
} from './schemas.ts';

type Caller = ReturnType<typeof appRouter.createCaller>;

/** What a handler returns when it has written the answer itself (a file download). */
const SENT = Symbol('sent');

/** The envelope of a batch, before each row is checked on its own. */
const BatchEnvelope = z.object({
  items: z.array(z.unknown()).min(1).max(1_000),
  partial: z.boolean().optional(),
});
const RecordsEnvelope = z.object({
  records: z.array(z.unknown()).min(1).max(10_000),
  partial: z.boolean().optional(),
  rollups: IngestRollupsSchema.optional(),
});

/**
 * The REST API for city systems, at `/api/v1` (documented at `/openapi.json`). Each endpoint calls the
 * gateway's own tRPC procedures in-process, so permissions, jurisdiction, PII masking and the audit log are
 * the same on both surfaces. Errors are `application/problem+json`.
 */
export function createRestApi(deps: GatewayDeps): express.Router {
  const api = express.Router();
  // Batches of up to 1,000 rows or 10,000 service records; a bigger body is a 413 problem.
  api.use(express.json({ limit: '10mb' }));

  const handle =
    (work: (caller: Caller, req: Request, res: Response) => Promise<unknown>) =>
    async (req: Request, res: Response) => {
      try {
        const principal = await principalOf(req, deps);
        if (!principal) {
          sendProblem(res, {
            status: 401,
            code: 'UNAUTHENTICATED',
            title: 'Not signed in',
            detail: 'send X-Api-Key: <your city system key>, or Authorization: Bearer <token>',
            instance: req.originalUrl,
          });
          return;
        }
        const caller = appRouter.createCaller({ deps, principal, from: originOf(req) });
        const answer = await work(caller, req, res);
        if (answer !== SENT) res.json(answer);
      } catch (error) {
        if (error instanceof BatchRejected) sendError(res, batchError(error), req.originalUrl, error.rows);
        else sendError(res, error, req.originalUrl);
      }
    };

  const batchEndpoint = (item: z.ZodType, send: (caller: Caller, rows: unknown[]) => Promise<unknown[]>) =>
    handle(async (caller, req) => {
      const { items, partial } = parse(BatchEnvelope, req.body, 'body');
      return writeBatch({ rows: items, partial: partial ?? false, item, send: (rows) => send(caller, rows) });
    });

  api.put(
    '/stations',
    batchEndpoint(StationInputSchema, (caller, rows) =>
      caller.registry.stations.upsertMany({ items: rows as never }),
    ),
  );
  api.put(
    '/operators',
    batchEndpoint(OperatorInputSchema, (caller, rows) =>
      caller.registry.operators.upsertMany({ items: rows as never }),
    ),
  );
  api.put(
    '/workers',
    batchEndpoint(WorkerInputSchema, (caller, rows) =>
      caller.registry.workers.upsertMany({ items: rows as never }),
    ),
  );

  api.post(
    '/service-records',
    handle(async (caller, req) => {
      const headers = parse(
        IdempotencyHeadersSchema,
        { 'idempotency-key': req.get('idempotency-key') },
        'header',
      );
      const { records, partial, rollups } = parse(RecordsEnvelope, req.body, 'body');
      return caller.reporting.serviceRecords.ingest({
        idempotencyKey: headers['idempotency-key'],
        records: records as never,
        ...(partial !== undefined && { partial }),
        ...(rollups !== undefined && { rollups }),
      });
    }),
  );

  api.get(
    '/stations',
    handle(async (caller, req) => {
      const query = parse(ListStationsQuerySchema, req.query, 'query');
      return caller.registry.stations.list({
        ...(query.regionCode !== undefined && { regionCode: query.regionCode }),
        ...(query.status !== undefined && { status: query.status }),
        ...(query.cursor !== undefined && { cursor: query.cursor }),
        ...(query.limit !== undefined && { limit: query.limit }),
      });
    }),
  );

  api.get(
    '/regions/:code/summary',
    handle(async (caller, req): Promise<RegionSummary> => {
      const { code } = parse(RegionPathSchema, req.params, 'path');
      const { period } = parse(SummaryQuerySchema, req.query, 'query');
      return regionSummary(caller, code, period);
    }),
  );

  api.get(
    '/regions/:code/report-completeness',
    handle(async (caller, req) => {
      const { code } = parse(RegionPathSchema, req.params, 'path');
      const query = parse(CompletenessQuerySchema, req.query, 'query');
      return caller.reporting.reports.completeness({
        regionCode: code,
        period: query.period,
        ...(query.overdueLimit !== undefined && { overdueLimit: query.overdueLimit }),
        ...(query.overdueOffset !== undefined && { overdueOffset: query.overdueOffset }),
      });
    }),
  );

  api.get(
    '/regions/:code/plan-progress',
    handle(async (caller, req) => {
      const { code } = parse(RegionPathSchema, req.params, 'path');
      const query = parse(PlanProgressQuerySchema, req.query, 'query');
      return caller.reporting.plans.progress({
        regionCode: code,
        ...(query.asOf !== undefined && { asOf: query.asOf }),
        ...(query.gapLimit !== undefined && { gapLimit: query.gapLimit }),
        ...(query.gapOffset !== undefined && { gapOffset: query.gapOffset }),
      });
    }),
  );

  api.get(
    '/regions/:code/talent',
    handle(async (caller, req) => {
      const { code } = parse(RegionPathSchema, req.params, 'path');
      const { asOf } = parse(TalentQuerySchema, req.query, 'query');
      return caller.reporting.plans.talent({ regionCode: code, ...(asOf !== undefined && { asOf }) });
    }),
  );

  // Evaluations and renewal decisions, as lists (the full breakdown is tRPC's `reporting.evaluations.get`).
  api.get(
    '/evaluations',
    handle(async (caller, req) => {
      const query = parse(EvaluationsQuerySchema, req.query, 'query');
      const items = await caller.reporting.evaluations.list({
        regionCode: query.regionCode,
        ...(query.stationId !== undefined && { stationId: query.stationId }),
        ...(query.period !== undefined && { period: query.period }),
      });
      return {
        items: items.map(
          (e): z.infer<typeof EvaluationSummarySchema> => ({
            id: e.id,
            stationId: e.stationId,
            regionCode: e.regionCode,
            operatorId: e.operatorId,
            contractId: e.contractId,
            kind: e.kind,
            conductedBy: e.conductedBy,
            evaluatorName: e.evaluatorName,
            period: e.period,
            decidedOn: e.decidedOn,
            scheme: e.scheme,
            outcome: e.outcome,
            grade: e.grade,
            total: e.total,
            vetoes: e.vetoes.map((v) => v.id),
          }),
        ),
      };
    }),
  );
  api.get(
    '/evaluations/cadence',
    handle(async (caller, req) =>
      caller.reporting.evaluations.cadence(parse(CadenceQuerySchema, req.query, 'query')),
    ),
  );
  api.get(
    '/renewals',
    handle(async (caller, req) => {
      const query = parse(RenewalsQuerySchema, req.query, 'query');
      const items = await caller.reporting.renewals.list({
        regionCode: query.regionCode,
        ...(query.contractId !== undefined && { contractId: query.contractId }),
        ...(query.year !== undefined && { year: query.year }),
      });
      return {
        items: items.map(
          (r): z.infer<typeof RenewalSummarySchema> => ({
            id: r.id,
            contractId: r.contractId,
            countyCode: r.countyCode,
            operatorId: r.operatorId,
            year: r.year,
            yearStart: r.yearStart,
            yearEnd: r.yearEnd,
            decision: r.decision,
            citation: r.citation,
            evidence: r.evidence.map((e) => e.id),
            ineligibility: r.ineligibility && {
              from: r.ineligibility.from,
              to: r.ineligibility.to,
              citation: r.ineligibility.citation,
            },
            decidedOn: r.decidedOn,
          }),
        ),
      };
    }),
  );

  // Periodic reports: the same workflow as the consoles' (draft → correct → submit → approve or return).
  api.get(
    '/reports',
    handle(async (caller, req) => {
      const query = parse(ReportListQuerySchema, req.query, 'query');
      const items = await caller.reporting.reports.list({
        regionCode: query.regionCode,
        ...(query.period !== undefined && { period: query.period }),
      });
      return { items };
    }),
  );
  api.post(
    '/reports',
    handle(async (caller, req) =>
      caller.reporting.reports.draft(parse(ReportDraftBodySchema, req.body, 'body')),
    ),
  );
  api.get(
    '/reports/:unitRegionCode/:reportId',
    handle(async (caller, req) => caller.reporting.reports.get(parse(ReportPathSchema, req.params, 'path'))),
  );
  api.get(
    '/reports/:unitRegionCode/:reportId/export',
    handle(async (caller, req, res) => {
      const ref = parse(ReportPathSchema, req.params, 'path');
      const { format, locale } = parse(ReportExportQuerySchema, req.query, 'query');
      const report = await caller.reporting.reports.get(ref);
      const name = reportFileName(report, format, locale);
      // RFC 6266: an ASCII fallback name, and the real (Chinese) one percent-encoded.
      res.set(
        'Content-Disposition',
        `attachment; filename="${report.id}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      if (format === 'json') return reportJson(report, { locale });
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.send(Buffer.from(await reportXlsx(report, { locale })));
      return SENT;
    }),
  );
  api.post(
    '/reports/:unitRegionCode/:reportId/corrections',
    handle(async (caller, req) =>
      caller.reporting.reports.correct({
        ...parse(ReportPathSchema, req.params, 'path'),
        ...parse(ReportCorrectionBodySchema, req.body, 'body'),
      }),
    ),
  );
  for (const step of ['submit', 'approve', 'accept'] as const) {
    api.post(
      `/reports/:unitRegionCode/:reportId/${step}`,
      handle(async (caller, req) =>
        caller.reporting.reports[step](parse(ReportPathSchema, req.params, 'path')),
      ),
    );
  }
  for (const step of ['return', 'unlock'] as const) {
    api.post(
      `/reports/:unitRegionCode/:reportId/${step}`,
      handle(async (caller, req) =>
        caller.reporting.reports[step]({
          ...parse(ReportPathSchema, req.params, 'path'),
          ...parse(ReportReasonBodySchema, req.body ?? {}, 'body'),
        }),
      ),
    );
  }

  api.use((req: Request, res: Response) =>
    sendProblem(res, {
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      title: 'Not found',
      detail: `no endpoint ${req.method} /api/v1${req.path}; see /openapi.json`,
      instance: req.originalUrl,
    }),
  );
  // Body parser failures (bad JSON, too large) as problems, not express' HTML page.
  api.use(
    (error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
      const tooLarge = error.type === 'entity.too.large';
      sendProblem(res, {
        status: tooLarge ? 413 : (error.status ?? 400),
        code: tooLarge ? 'BODY_TOO_LARGE' : 'BODY_INVALID',
        title: tooLarge ? 'Too large' : 'Bad request',
        detail: tooLarge
          ? 'the body is over 10 MB: send smaller batches'
          : `the body is not valid JSON: ${error.message}`,
        instance: req.originalUrl,
      });
    },
  );
  return api;
}

/** Coverage, compliance, services and money of one region in one period, each read from its rollup. */
async function regionSummary(caller: Caller, code: string, period: string): Promise<RegionSummary> {
  const region = getRegion(code);
  const year = Number(period.slice(0, 4));
  const [coverage, compliance, byDomain, byPopulation, budget] = await Promise.all([
    caller.reporting.rollups.coverage({ regionCode: region.code }),
    caller.reporting.compliance.summary({ regionCode: region.code }),
    caller.reporting.rollups.services({ regionCode: region.code, period, by: 'domain' }),
    caller.reporting.rollups.services({ regionCode: region.code, period, by: 'population' }),
    region.level === 'township'
      ? Promise.resolve(null)
      : caller.funding.funding.executionSummary({ regionCode: region.code, year }),
  ]);
  return {
    region: { code: region.code, name: region.name, level: region.level },
    period,
    coverage,
    compliance,
    services: {
      totals: byDomain.totals,
      byDomain: byDomain.rows.map((r) => ({ ...r, domain: r.domain ?? '' })),
      byPopulation: byPopulation.rows.map((r) => ({ ...r, population: r.population ?? '' })),
    },
    budget,
  };
}

function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path' | 'header',
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = [where, ...((issue?.path ?? []) as Array<string | number>)];
  throw new DomainError(
    'INPUT_INVALID',
    parsed.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`).join('; '),
    {
      path,
    },
  );
}

function batchError(error: BatchRejected): DomainError {
  return new DomainError(
    'BATCH_REJECTED',
    `${error.rows.length} rows refused, nothing stored; fix them or send partial: true to store the others`,
    { path: ['items'] },
  );
}
