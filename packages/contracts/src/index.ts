/**
 * @shegong/contracts: what the hub's API accepts, as zod schemas — the single source of the services'
 * input validation, of the types, and of the gateway's OpenAPI document (and so of the SDK). Also the
 * station facts those schemas check: where each type of station sits and its sign [ZZ §4.5], and the
 * institutions checklist [ZZ §4.3].
 */
export {
  type Completeness,
  type CompletenessFigures,
  CompletenessFiguresSchema,
  CompletenessSchema,
  type DefinitionCompleteness,
  type OverdueReport,
  type RegionCompleteness,
  type ReportCompletenessRequest,
  ReportCompletenessRequestSchema,
} from './completeness.ts';
export {
  INSTITUTIONS,
  type Institution,
  type InstitutionId,
  InstitutionIdSchema,
  type InstitutionsGap,
  institutionsGap,
} from './institutions.ts';
export {
  type AddTrainingInput,
  AddTrainingSchema,
  ByIdSchema,
  ByStationSchema,
  batchOf,
  type ChangeStationStatusInput,
  ChangeStationStatusSchema,
  type Facilities,
  FacilitiesSchema,
  type ListStationsInput,
  ListStationsSchema,
  type MaskedWorker,
  MaskedWorkerSchema,
  type OperatorData,
  type OperatorInput,
  OperatorInputSchema,
  type OperatorRecord,
  OperatorRecordSchema,
  PageQuerySchema,
  pageOf,
  RoomKindSchema,
  type StaffChangeInput,
  StaffChangeInputSchema,
  type Station,
  type StationData,
  StationIdsSchema,
  type StationInput,
  StationInputSchema,
  StationSchema,
  type SupervisorInput,
  SupervisorInputSchema,
  type WorkerData,
  type WorkerInput,
  WorkerInputSchema,
} from './registry.ts';
export {
  type Report,
  type ReportCorrection,
  ReportCorrectionSchema,
  ReportCorrectRequestSchema,
  type ReportDraftRequest,
  ReportDraftRequestSchema,
  type ReportFigures,
  ReportFiguresSchema,
  ReportListRequestSchema,
  ReportPeriodFilterSchema,
  ReportPeriodSchema,
  ReportReasonRequestSchema,
  type ReportRefInput,
  ReportRefSchema,
  ReportSchema,
  type ReportStatus,
  ReportStatusSchema,
  type ServiceCounts,
  ServiceCountsSchema,
} from './reports.ts';
export {
  ALL,
  type IngestResult,
  IngestResultSchema,
  ServiceKindSchema,
  type ServiceRecord,
  type ServiceRecordInput,
  ServiceRecordSchema,
} from './service-records.ts';
export { placeOf, REGION_LEVEL_OF, type StationType, signageNameFor } from './signage.ts';
export { isStorableText, STORABLE_TEXT_MESSAGE, StorableText } from './text.ts';
