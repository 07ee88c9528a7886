import { IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';

/** Highest education completed. Ordered: later entries are higher. */
export const EducationLevelSchema = z.enum([
  'junior-high', // 初中及以下
  'high-school', // 高中
  'secondary-vocational', // 中专
  'associate', // 大专
  'bachelor', // 本科
  'master', // 硕士
  'doctorate', // 博士
]);
export type EducationLevel = z.infer<typeof EducationLevelSchema>;

export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  'junior-high': '初中及以下',
  'high-school': '高中',
  'secondary-vocational': '中专',
  associate: '大专',
  bachelor: '本科',
  master: '硕士研究生',
  doctorate: '博士研究生',
};

/** National social worker certificate levels (社会工作者职业水平证书). Ordered low to high. */
export const CertificateLevelSchema = z.enum(['assistant', 'intermediate', 'senior']);
export type CertificateLevel = z.infer<typeof CertificateLevelSchema>;

export const CERTIFICATE_LABELS: Record<CertificateLevel, string> = {
  assistant: '助理社会工作师',
  intermediate: '社会工作师',
  senior: '高级社会工作师',
};

/**
 * Who gave a training. Only some providers count towards the 60-hour qualification: a civil affairs
 * department at county level or higher, a social organization (social work) incubation base, or a social
 * work industry organization [ZZ §4.4, PY §4.5].
 */
export const TrainingProviderSchema = z.object({
  name: z.string().min(1).optional(),
  kind: z.enum(['civil-affairs', 'incubation-base', 'industry-organization', 'operator', 'other']),
  /** Administrative level, for civil affairs departments. */
  level: z.enum(['national', 'province', 'city', 'county', 'township']).optional(),
});
export type TrainingProvider = z.infer<typeof TrainingProviderSchema>;

export const TrainingRecordSchema = z.object({
  date: IsoDateSchema,
  hours: z.number().positive().max(2_000),
  /**
   * `professional`: social work professional training (counts to the 60-hour qualification when the
   * provider qualifies); `pre-job`: 岗前培训 [ZZ §4.4]; `continuing`: other continuing education.
   * All three count as continuing education hours for the year [ZZ §6.5].
   */
  kind: z.enum(['professional', 'pre-job', 'continuing']),
  provider: TrainingProviderSchema,
  /** For pre-job training: whether the worker passed (培训合格方可上岗). */
  passed: z.boolean().optional(),
});
export type TrainingRecord = z.infer<typeof TrainingRecordSchema>;

export const CertificateSchema = z.object({
  level: CertificateLevelSchema,
  /** The day the exam result (or assessment) made the holder eligible: 取得证书之日. */
  passedOn: IsoDateSchema,
  /** Registration dates (登记), first and renewals, in any order. */
  registrations: z.array(IsoDateSchema).default([]),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** A resident social worker (驻站社工) employed by the operator at a station. */
export const ResidentWorkerSchema = z.object({
  id: z.string().min(1),
  stationId: z.string().min(1),
  name: z.string().optional(),
  /** `lead`: the station's project lead (社工站项目主管). */
  role: z.enum(['lead', 'resident']).default('resident'),
  /** Full-time (专职); Wuhan counts full-time workers [WH §2.2]. */
  fullTime: z.boolean().default(true),
  birthDate: IsoDateSchema,
  /** The day the worker took up the post (到岗). */
  appointedOn: IsoDateSchema,
  leftOn: IsoDateSchema.optional(),
  education: EducationLevelSchema,
  /** Graduated in social work (社会工作专业毕业). */
  socialWorkMajor: z.boolean().default(false),
  graduatedOn: IsoDateSchema.optional(),
  localHukou: z.boolean().optional(),
  certificate: CertificateSchema.optional(),
  /** Start of related (social work) experience, for Wuhan's three years [WH §2.2]. */
  relatedExperienceSince: IsoDateSchema.optional(),
  /** Professional post level 5–13 if appointed to a social work professional post [ZT §6]. */
  postLevel: z.number().int().min(5).max(13).optional(),
  trainings: z.array(TrainingRecordSchema).default([]),
});
export type ResidentWorker = z.infer<typeof ResidentWorkerSchema>;
export type ResidentWorkerInput = z.input<typeof ResidentWorkerSchema>;

/** A supervisor (督导) assigned to a station's workers. */
export const SupervisorSchema = z.object({
  id: z.string().min(1),
  stationId: z.string().min(1),
  name: z.string().optional(),
  /** From the city or district selected pool (优先由市级或区级选拔的督导担任) [ZZ §5.7]. */
  fromSelectedPool: z.boolean().optional(),
  /** Start of social work service experience, for Wuhan's three years [WH §3.5]. */
  socialWorkSince: IsoDateSchema.optional(),
  assignedOn: IsoDateSchema,
  endedOn: IsoDateSchema.optional(),
  /** Supervision agreement signed (督导协议) [ZZ §5.7]. */
  agreementSignedOn: IsoDateSchema.optional(),
});
export type Supervisor = z.infer<typeof SupervisorSchema>;
export type SupervisorInput = z.input<typeof SupervisorSchema>;

/** A change of resident workers, which must be filed with the purchaser in writing in advance [ZZ §4.4]. */
export const StaffChangeSchema = z.object({
  stationId: z.string().min(1),
  workerId: z.string().min(1),
  kind: z.enum(['join', 'leave', 'replace']),
  effectiveOn: IsoDateSchema,
  /** The day the written filing (书面备案) reached the purchaser; absent if never filed. */
  filedOn: IsoDateSchema.optional(),
});
export type StaffChange = z.infer<typeof StaffChangeSchema>;
export type StaffChangeInput = z.input<typeof StaffChangeSchema>;

/** A station as the staffing rules see it. */
export const StaffedStationSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  /** The township (9 digits) or county (6 digits) where the station is. */
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, { message: 'a region code of 6 or 9 digits' }),
  /** The day the purchased project started (项目实施): the 2-year qualification clock starts here. */
  projectStartOn: IsoDateSchema,
  /** Policy profile id; when absent, the profile of the station's region. */
  profile: z.string().optional(),
});
export type StaffedStation = z.infer<typeof StaffedStationSchema>;
export type StaffedStationInput = z.input<typeof StaffedStationSchema>;

/** Everything `evaluateStaffing` checks at once: what a county or city uploads. */
export const StaffingInputSchema = z.object({
  stations: z.array(StaffedStationSchema),
  workers: z.array(ResidentWorkerSchema),
  supervisors: z.array(SupervisorSchema).default([]),
  staffChanges: z.array(StaffChangeSchema).default([]),
});
export type StaffingInput = z.infer<typeof StaffingInputSchema>;
export type StaffingInputRaw = z.input<typeof StaffingInputSchema>;
