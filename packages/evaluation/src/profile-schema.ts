import { CitationSchema, LegalTermSchema } from '@shegong/kernel';
import { z } from 'zod';
import { EvaluationKindSchema, EvaluatorLevelSchema } from './records.ts';
import { GradeSchema } from './scheme-schema.ts';

const cited = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ ...shape, citation: CitationSchema, quote: z.string().min(1).optional() });

/**
 * The evaluation rules of one jurisdiction. A child profile overrides whole keys of its parent; `null`
 * means the jurisdiction's document does not state the rule, so it does not apply.
 */
export const EvaluationRulesSchema = z.object({
  /** The scheme its stations are scored under, by id (`data/schemes/`). */
  scheme: z.string().min(1),
  /** Evaluations a year, of which kinds, by which level [ZZ §5.3, PY §5.3, WH §3.4]. */
  cadence: cited({
    perYear: z.number().int().positive(),
    term: LegalTermSchema,
    kinds: z.array(EvaluationKindSchema).min(1),
    conductedBy: z.array(EvaluatorLevelSchema).min(1),
  }).nullable(),
  /** Who carries out spot checks; recorded, never counted towards `cadence`. */
  spotChecks: cited({ by: z.array(EvaluatorLevelSchema).min(1) }).nullable(),
  /**
   * When a contract year's agreement is renewed: `basis: last` — the last evaluation of `kinds` in the
   * year reaches `minGrade` (ZZ/PY: 年度评估合格后续签); `basis: all` — every graded evaluation of `kinds`
   * in the year does (WH: 评估结果均为优秀). `discretionary`: the document says "may" (可以续签).
   */
  renewal: cited({
    basis: z.enum(['last', 'all']),
    kinds: z.array(EvaluationKindSchema).min(1),
    minGrade: GradeSchema,
    discretionary: z.boolean(),
  }),
  /** What follows when the agreement is not renewed. */
  reProcurement: cited({}).nullable(),
  exit: cited({}).nullable(),
  temporaryTakeover: cited({}).nullable(),
  /** What follows a failing evaluation (不合格): rectification and a period without eligibility [ZZ §6.4]. */
  rectification: cited({}).nullable(),
  ineligibility: cited({
    years: z.number().int().positive(),
    /** `default`: the document says only 一定时期; the length is the hub's default, not policy. */
    basis: z.enum(['default', 'stated']),
  }).nullable(),
});
export type EvaluationRules = z.infer<typeof EvaluationRulesSchema>;

export const EvaluationProfileFileSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9-]*$/),
  label: z.object({ zh: z.string(), en: z.string() }),
  extends: z.string().optional(),
  /** 6-digit city or province codes whose stations the profile governs. */
  regionCodes: z.array(z.string().regex(/^\d{6}$/)).default([]),
  documents: z.array(z.string()).default([]),
  rules: EvaluationRulesSchema.partial(),
});
export type EvaluationProfileFile = z.infer<typeof EvaluationProfileFileSchema>;

/** A resolved profile: inheritance applied, every rule present (`null` = not applied). */
export interface EvaluationProfile {
  id: string;
  label: { zh: string; en: string };
  /** This profile's id first, then its ancestors'. */
  lineage: string[];
  regionCodes: string[];
  documents: string[];
  rules: EvaluationRules;
}
