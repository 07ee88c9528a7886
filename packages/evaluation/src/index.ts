/**
 * @shegong/evaluation: station evaluation as data. An indicator scheme (YAML, `data/schemes/`) of the four
 * dimensions 行政监管、服务成效、项目管理、社会影响 [ZZ §6.4, PY §6.6], scored from hub data and evaluator
 * entries with evidence, veto items and grade thresholds; the evaluation cadence per jurisdiction
 * [ZZ §5.3, PY §5.3, WH §3.4]; renewal decisions and ineligibility periods [ZZ §5.3, §6.4, WH §3.4].
 * Pure: no I/O beyond reading its own packaged data.
 */
export { type CadenceCheck, checkCadence } from './cadence.ts';
export {
  EvaluationDataError,
  EvaluationInputError,
  type EvaluationIssue,
  EvaluationNotFoundError,
} from './errors.ts';
export {
  type EvaluationInputs,
  type EvaluationInputsRaw,
  EvaluationInputsSchema,
  type EvaluatorEntry,
  EvaluatorEntrySchema,
  type HubFacts,
  HubFactsSchema,
  type VetoEntry,
  VetoEntrySchema,
} from './inputs.ts';
export { monthsElapsed } from './measures.ts';
export {
  fromHundredths,
  type LowerBoundTerm,
  LowerBoundTermSchema,
  type Points,
  PointsSchema,
  percentText,
  ratioSatisfies,
  toHundredths,
} from './points.ts';
export {
  type EvaluationProfile,
  type EvaluationProfileFile,
  EvaluationProfileFileSchema,
  type EvaluationRules,
  EvaluationRulesSchema,
} from './profile-schema.ts';
export { evaluationProfileFor, getEvaluationProfile, listEvaluationProfiles } from './profiles.ts';
export {
  type EvaluationKind,
  EvaluationKindSchema,
  type EvaluationRecord,
  type EvaluationRecordInput,
  EvaluationRecordSchema,
  type EvaluatorLevel,
  EvaluatorLevelSchema,
} from './records.ts';
export {
  blockingPeriods,
  type ContractYear,
  decideRenewal,
  type IneligibilityPeriod,
  IneligibilityPeriodSchema,
  isEligible,
  type RenewalConsequence,
  type RenewalDecision,
} from './renewal.ts';
export {
  type Band,
  type Dimension,
  DimensionSchema,
  type EvaluationScheme,
  type EvaluationSchemeInput,
  EvaluationSchemeSchema,
  GRADE_RANK,
  type Grade,
  GradeSchema,
  type Indicator,
  IndicatorSchema,
  type Measure,
  type Scoring,
  ScoringSchema,
  type VetoItem,
  VetoItemSchema,
} from './scheme-schema.ts';
export { evaluatorIndicators, getScheme, listSchemes, parseScheme } from './schemes.ts';
export {
  type DimensionScore,
  type EvaluationScore,
  gradeFor,
  type IndicatorScore,
  type MissingInput,
  scoreEvaluation,
  type VetoFound,
} from './score.ts';
