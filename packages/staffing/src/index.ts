/**
 * @shegong/staffing: the staffing rules for social work stations, as per-jurisdiction policy profiles
 * (Zhengzhou, Puyang, Wuhan, a Henan baseline) plus national certificate rules, evaluated into findings
 * that cite their clauses.
 */
export {
  type EvaluateOptions,
  evaluateStaffing,
  evaluateStation,
  type StaffingReport,
  type StationStaff,
} from './evaluate.ts';
export { certificateAtLeast, certificateForPostLevel, JOB_RANKS } from './job-ranks.ts';
export {
  type PolicyProfile,
  type PolicyProfileFile,
  PolicyProfileFileSchema,
  type StaffingRules,
  StaffingRulesSchema,
} from './profile-schema.ts';
export { getProfile, listProfiles, profileFor } from './profiles.ts';
export {
  countsTowardQualification,
  type QualificationBasis,
  qualifiedSince,
  qualifyingTrainingHours,
} from './qualification.ts';
export { NATIONAL_CERTIFICATE_RULES } from './rules/national-rules.ts';
export {
  CERTIFICATE_LABELS,
  type Certificate,
  type CertificateLevel,
  CertificateLevelSchema,
  CertificateSchema,
  EDUCATION_LABELS,
  type EducationLevel,
  EducationLevelSchema,
  type ResidentWorker,
  type ResidentWorkerInput,
  ResidentWorkerSchema,
  type StaffChange,
  type StaffChangeInput,
  StaffChangeSchema,
  type StaffedStation,
  type StaffedStationInput,
  StaffedStationSchema,
  type StaffingInput,
  type StaffingInputRaw,
  StaffingInputSchema,
  type Supervisor,
  type SupervisorInput,
  SupervisorSchema,
  type TrainingRecord,
  TrainingRecordSchema,
} from './schema.ts';
