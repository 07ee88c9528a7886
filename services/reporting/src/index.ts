/**
 * @shegong/reporting-service: reporting's read models of stations, staff and funding (from events),
 * staffing compliance kept current, service-record ingest, and rollups by region level × month × canonical
 * domain × population, plus township coverage.
 */
export { migrations } from './db/migrations/index.ts';
export { type ReportingDatabase, SCHEMA } from './db/schema.ts';
export {
  type CalendarLayout,
  type CalendarOptions,
  type Completeness,
  type CompletenessFigures,
  type DefinitionCompleteness,
  layOutProjectReports,
  layOutReportCalendar,
  type OverdueReport,
  type ProjectLayout,
  type RegionCompleteness,
  readCompleteness,
} from './domain/completeness.ts';
export type { ComplianceCounts, StationCompliance } from './domain/compliance.ts';
export { complianceSummary, reevaluateRegion, stationCompliance } from './domain/compliance.ts';
export {
  contractYearOf,
  DecideRenewalRequestSchema,
  decideRenewal,
  EnteredFactsSchema,
  type Evaluation,
  EvaluationRefSchema,
  type FactSource,
  getEvaluation,
  ListEvaluationsRequestSchema,
  ListRenewalsRequestSchema,
  listEvaluations,
  listRenewals,
  type RecordEvaluationRequest,
  RecordEvaluationRequestSchema,
  type Renewal,
  recordEvaluation,
} from './domain/evaluations.ts';
export { applyEvent } from './domain/events.ts';
export {
  type IngestOptions,
  type IngestRequest,
  type IngestResult,
  ingestServiceRecords,
  MAX_INGEST_RECORDS,
} from './domain/ingest.ts';
export {
  type CoverageGap,
  type PlanProgressView,
  type PlanTargetProgress,
  readPlanProgress,
  type TargetStatus,
} from './domain/plan-progress.ts';
export {
  ALL,
  domainsOf,
  type RecordError,
  type RejectedRecord,
  type ServiceRecord,
  type ServiceRecordInput,
  ServiceRecordSchema,
} from './domain/records.ts';
export { foldOrphanedRecords, foldPendingRecords } from './domain/rollup-fold.ts';
export {
  type CoverageCounts,
  type RollupBreakdown,
  readCoverage,
  readServiceRollup,
  type ServiceCounts,
  type ServiceRollup,
} from './domain/rollups.ts';
export type { ReportingRouter } from './router/index.ts';
export {
  CONSUMER,
  connectReportingDatabase,
  createReportingService,
  migrateReporting,
  type ReportingService,
} from './service.ts';
