import { CitationSchema, LegalTermSchema } from '@shegong/kernel';
import { z } from 'zod';
import { EducationLevelSchema } from './schema.ts';

const cited = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, citation: CitationSchema });

/**
 * The staffing parameters of one jurisdiction. Every key is one rule; a profile without the key does not
 * apply that rule, and a child profile can switch an inherited rule off with `null`. National rules
 * (certificate registration and its continuing education) apply everywhere and are not listed here.
 */
export const StaffingRulesSchema = z.object({
  /** At least N resident workers per station; per region category where the document differs. */
  minResidents: cited({
    count: z.number().int().positive(),
    byCategory: z.record(z.string(), z.number().int().positive()).default({}),
    /** Count full-time workers only (专职). */
    fullTimeOnly: z.boolean().default(false),
  }).nullable(),
  ageAtAppointment: cited({ years: z.number().int().positive(), term: LegalTermSchema }).nullable(),
  education: cited({ minimum: EducationLevelSchema }).nullable(),
  /** What counts as social work qualification (社会工作专业资质). */
  qualificationDefinition: cited({
    trainingHours: z.number().positive(),
    term: LegalTermSchema,
    /** Civil affairs departments count from this level up. */
    civilAffairsMinLevel: z.enum(['county', 'city', 'province', 'national']),
  }).nullable(),
  leadQualified: cited({}).nullable(),
  /** All residents qualified within N years of the project's start. */
  qualificationPhaseIn: cited({
    years: z.number().int().positive(),
    /** Days before the deadline from which an unqualified worker is a warning rather than info. */
    warnDaysBefore: z.number().int().nonnegative().default(180),
  }).nullable(),
  /** Qualification listed as a requirement at appointment (softened by the phase-in clause). */
  qualificationAtAppointment: cited({ severity: z.enum(['error', 'warning', 'info']) }).nullable(),
  continuingEducation: cited({ hoursPerYear: z.number().positive(), term: LegalTermSchema }).nullable(),
  preJobTraining: cited({}).nullable(),
  /** Certificate held and related experience at appointment, "in principle" (原则上). */
  certifiedWithExperience: cited({
    years: z.number().int().positive(),
    term: LegalTermSchema,
    severity: z.enum(['error', 'warning']),
  }).nullable(),
  supervisorAssigned: cited({ requireAgreement: z.boolean() }).nullable(),
  supervisorExperience: cited({ years: z.number().int().positive(), term: LegalTermSchema }).nullable(),
  staffChangeFiling: cited({}).nullable(),
  localHukouPreferred: cited({}).nullable(),
  postLevelCertificate: cited({}).nullable(),
});
export type StaffingRules = z.infer<typeof StaffingRulesSchema>;

/** A profile as written in `data/profiles/*.yaml`: may extend another and set only some rules. */
export const PolicyProfileFileSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9-]*$/),
  label: z.object({ zh: z.string(), en: z.string() }),
  extends: z.string().optional(),
  /** Regions (city or province codes) whose stations this profile governs by default. */
  regionCodes: z.array(z.string().regex(/^\d{6}$/)).default([]),
  documents: z.array(z.string()).default([]),
  rules: StaffingRulesSchema.partial(),
});
export type PolicyProfileFile = z.infer<typeof PolicyProfileFileSchema>;

/** A resolved profile: inheritance applied, every rule present (possibly `null` = not applied). */
export interface PolicyProfile {
  id: string;
  label: { zh: string; en: string };
  /** The chain of profile ids, this one first. */
  lineage: string[];
  regionCodes: string[];
  documents: string[];
  rules: StaffingRules;
}
