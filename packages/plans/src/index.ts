/**
 * @shegong/plans: rollout plans and targets as data (Puyang annex 1, Zhengzhou's yearly targets, Wuhan,
 * Hebei, Lanzhou, Lhasa), plan vs actual coverage with gap lists and trends, talent targets [ZT §1, §11],
 * and periodic report definitions with due days, expected periods and timeliness. See README.md.
 */
export { type Area, townshipsUnder } from './areas.ts';
export { parsePlan, parseReportProfile, parseTalentPlan, readDataFile } from './data.ts';
export { type PlanIssue, PlanNotFoundError, PlanValidationError } from './errors.ts';
export {
  type Coverage,
  coverageOf,
  coverageTrend,
  evaluateTarget,
  type PlanProgress,
  planVsActual,
  type Ratio,
  type TargetEvaluation,
  type TargetRelation,
  type TrendPoint,
} from './progress.ts';
export {
  type AssessedReport,
  assessReports,
  classifySubmission,
  dueDate,
  type ExpectedReport,
  emptySummary,
  expectedReports,
  getReportDefinition,
  getReportProfile,
  listReportProfiles,
  type ReportingUnit,
  type ReportPeriod,
  type ReportSubmission,
  type ReportSummary,
  reportProfileFor,
  summarizeByRegion,
  summarizeReports,
} from './reports.ts';
export {
  type Allocation,
  AllocationSchema,
  type Binding,
  BindingSchema,
  type DueRule,
  DueRuleSchema,
  type Measure,
  MeasureSchema,
  type Plan,
  PlanSchema,
  type PlanZone,
  type ReportDefinition,
  ReportDefinitionSchema,
  type ReportingParty,
  type ReportPeriodType,
  type ReportProfile,
  ReportProfileSchema,
  type TalentMetric,
  type TalentPlan,
  TalentPlanSchema,
  type TalentTarget,
  TalentTargetSchema,
  type TargetDefinition,
  TargetDefinitionSchema,
  type Territory,
  TerritorySchema,
} from './schema.ts';
export {
  indexStations,
  type OperatingStation,
  OperatingStationSchema,
  type StationIndex,
} from './stations.ts';
export {
  compareTalent,
  listTalentPlans,
  type TalentComparison,
  type TalentCounts,
  talentTargetsFor,
} from './talent.ts';
export {
  getPlan,
  getTarget,
  listPlans,
  listTargets,
  resolveArea,
  type Target,
  targetsOfPlan,
} from './targets.ts';
