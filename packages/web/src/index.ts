/**
 * @shegong/web: what the province, city and county consoles share — no app's screens. The gateway's
 * tRPC client and TanStack Query cache (`HubProvider`, `useHub`, `useHubQuery`), sign-in (`AuthProvider`,
 * `useAuth`, `SignInForm`), i18n with zh-CN first (`I18nProvider`, `useI18n`), formatters (money in fen,
 * dates, numbers, shares), the console frame (`AppShell` from a route config), the states a page can be
 * in, region names from the gateway (`useRegionNames`, `useRegionChain`), an ECharts `Chart`, and the
 * station screens every console shows (`StationsTable`, `StationDetail`, their hooks and `STATION_MESSAGES`),
 * and the periodic report screens (`UnitReports`, `ApprovalQueue`, `ReportDetail`, `REPORT_MESSAGES`),
 * report completeness (`CompletenessTable`, `OverdueTable`), budget execution (`ExecutionTable`) and plan vs
 * actual (`PlanTargetsTable`, `CoverageGapsTable`) with their messages.
 */
export { AuthProvider, useAuth } from './auth.tsx';
export {
  type CatalogItemView,
  type CatalogView,
  itemName,
  type PopulationView,
  populationLabel,
  useCatalog,
  useCatalogForRegion,
  useCoveringCatalogs,
  usePopulations,
} from './catalog/api.ts';
export { Chart, type ChartOption } from './chart.tsx';
export { BackLink, ConsoleRoot } from './console.tsx';
export { DataAsOf } from './data-as-of.tsx';
export {
  type Evaluation,
  type EvaluationKind,
  useEvaluation,
  useEvaluations,
  useRecordEvaluation,
  useStationScheme,
} from './evaluations/api.ts';
export { EvaluationForm, halfYearRange, halfYears } from './evaluations/evaluation-form.tsx';
export { EvaluationGrade, EvaluationResult } from './evaluations/evaluation-result.tsx';
export { EvaluationsTable } from './evaluations/evaluations-table.tsx';
export { EVALUATION_MESSAGES } from './evaluations/messages.ts';
export { type SchemeView, schemeView } from './evaluations/scheme.ts';
export {
  findingExportColumns,
  stationExportColumns,
  workerExportColumns,
} from './excel/columns.ts';
export { ExcelImport } from './excel/excel-import.tsx';
export { type ExportColumn, ExportExcelButton } from './excel/export-button.tsx';
export { type ImportKind, RECORD_IMPORT, STATION_IMPORT, WORKER_IMPORT } from './excel/import-kinds.ts';
export { RecordImport, StationImport, WorkerImport } from './excel/imports.tsx';
export { type CatalogItemNote, catalogItemsOf, type ImportReference } from './excel/reference.ts';
export {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  type Locale,
} from './format.ts';
export {
  type ExecutionRow,
  type ExecutionSummary,
  fundingYears,
  hasExecution,
  useExecutionByYear,
  useExecutionSummaries,
  useExecutionSummary,
} from './funding/api.ts';
export { ExecutionTable, executionExportColumns } from './funding/execution-table.tsx';
export { FUNDING_MESSAGES } from './funding/messages.ts';
export {
  type HubClient,
  type HubErrorKind,
  HubProvider,
  hubErrorKind,
  useHub,
  useHubQuery,
} from './hub.tsx';
export {
  type Dictionaries,
  I18nProvider,
  LOCALES,
  type Messages,
  SHARED_MESSAGES,
  useI18n,
} from './i18n.tsx';
export { AppShell, type MenuRoute } from './layout.tsx';
export {
  type OperatorFinding,
  type OperatorPage,
  type OperatorView,
  useOperator,
  useOperators,
} from './operators/api.ts';
export { OPERATOR_MESSAGES } from './operators/messages.ts';
export { OperatorFindingTags, OperatorsTable, operatorExportColumns } from './operators/operators-table.tsx';
export { OperatorDetail, OperatorsList } from './operators/screens.tsx';
export { useMaySeePii, WorkerReveal } from './pii/worker-reveal.tsx';
export {
  type CoverageGap,
  type PlanProgress,
  type PlanTarget,
  type PlanTargetStatus,
  usePlanProgress,
} from './plans/api.ts';
export { PLAN_MESSAGES } from './plans/messages.ts';
export {
  CoverageGapsTable,
  gapExportColumns,
  measureText,
  PlanStatusTag,
  PlanTargetsTable,
  planTargetExportColumns,
} from './plans/plan-progress.tsx';
export { type ServiceRecordPage, type ServiceRecordRow, useServiceRecords } from './records/api.ts';
export {
  type RecordLabels,
  recentMonths,
  recordExportColumns,
  StationRecords,
} from './records/station-records.tsx';
export { type RegionInfo, useRegionChain, useRegionNames } from './regions.ts';
export {
  type Report,
  type ReportCorrection,
  type ReportFigures,
  type ReportRef,
  type ReportStatus,
  useReport,
  useReportSteps,
  useReports,
} from './reports/api.ts';
export {
  type Completeness,
  type OverdueReport,
  type RegionCompleteness,
  recentReportPeriods,
  useCompleteness,
} from './reports/completeness-api.ts';
export { COMPLETENESS_MESSAGES } from './reports/completeness-messages.ts';
export {
  CompletenessTable,
  completenessExportColumns,
  OverdueTable,
  overdueExportColumns,
} from './reports/completeness-table.tsx';
export { CorrectFigureForm } from './reports/correct-form.tsx';
export {
  definitionsFor,
  UNIT_REPORT_DEFINITIONS,
  type UnitReportDefinition,
} from './reports/definitions.ts';
export { DraftReportForm } from './reports/draft-form.tsx';
export { figureLabel } from './reports/figure-label.ts';
export { type FigureRow, figureRows, periodKeys } from './reports/figures.ts';
export { REPORT_MESSAGES } from './reports/messages.ts';
export { ReportDetail } from './reports/report-detail.tsx';
export { LockedTag, ReportStatusTag, Timeliness } from './reports/report-status.tsx';
export { ReportsTable } from './reports/reports-table.tsx';
export { ReviewReportForm } from './reports/review-form.tsx';
export { ApprovalQueue, UnitReports } from './reports/screens.tsx';
export { type ServerError, serverMessage } from './server-messages.ts';
export type { Session } from './session.ts';
export { SignInForm } from './sign-in.tsx';
export { EmptyState, ErrorState, LoadingState, NotFoundState } from './states.tsx';
export {
  type Finding,
  STATION_STATUSES,
  type Station,
  type StationCompliance,
  type StationPage,
  type StationStatus,
  type StationWorker,
  useStation,
  useStationCompliance,
  useStations,
  useStationWorkers,
} from './stations/api.ts';
export { ComplianceFindings } from './stations/compliance-findings.tsx';
export { CursorPager, useCursorPages } from './stations/cursor-pages.tsx';
export {
  type InstitutionsGap,
  type StationCheck,
  type StationInput,
  useInstitutions,
  useStationWrites,
  useTownships,
  useWorker,
  useWorkerWrites,
  type WorkerInput,
} from './stations/edit-api.ts';
export { STATION_EDIT_MESSAGES } from './stations/edit-messages.ts';
export {
  dryRunFieldErrors,
  type PlacedErrors,
  type ServerFieldError,
  serverFieldErrors,
  showOnForm,
} from './stations/field-errors.ts';
export { NEXT_STATUSES, nextStatuses } from './stations/lifecycle.ts';
export { STATION_MESSAGES } from './stations/messages.ts';
export { StationDetail } from './stations/station-detail.tsx';
export { StationFacilities } from './stations/station-facilities.tsx';
export { StationForm } from './stations/station-form.tsx';
export { StationStatusTag } from './stations/station-status-tag.tsx';
export { StationsTable } from './stations/stations-table.tsx';
export { StationStatusChange } from './stations/status-change.tsx';
export { WorkerForm, WorkerTrainings } from './stations/worker-form.tsx';
export { WorkersTable } from './stations/workers-table.tsx';
