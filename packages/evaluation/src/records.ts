import { type EvaluationKind, EvaluationKindSchema, IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { GradeSchema } from './scheme-schema.ts';

export { type EvaluationKind, EvaluationKindSchema };

/** The level of civil affairs department that organised the evaluation. */
export const EvaluatorLevelSchema = z.enum(['county', 'city', 'province']);
export type EvaluatorLevel = z.infer<typeof EvaluatorLevelSchema>;

/**
 * An evaluation held: of which station (and contract and operator, for renewal), when, of what kind, by
 * which level, through which third party [ZZ §5.6, WH §3.4], with its outcome. A spot check is by the city
 * or the province; the county's own evaluations are never recorded as spot checks.
 */
export const EvaluationRecordSchema = z
  .object({
    id: z.string().min(1),
    stationId: z.string().min(1),
    contractId: z.string().min(1).optional(),
    operatorId: z.string().min(1).optional(),
    date: IsoDateSchema,
    kind: EvaluationKindSchema,
    conductedBy: EvaluatorLevelSchema,
    thirdParty: z.string().min(1).optional(),
    /** The grade given; absent while the evaluation is not concluded. */
    grade: GradeSchema.optional(),
    /** A veto item was found (the grade is then `fail`). */
    vetoed: z.boolean().default(false),
  })
  .superRefine((record, ctx) => {
    if (record.kind === 'spot-check' && record.conductedBy === 'county') {
      ctx.addIssue({
        code: 'custom',
        path: ['conductedBy'],
        message:
          'a spot check (抽查评估) is by the city or the province; the county’s own are mid-term, final or annual',
      });
    }
    if (record.vetoed && record.grade !== undefined && record.grade !== 'fail') {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'a vetoed evaluation is graded fail' });
    }
  });
export type EvaluationRecord = z.infer<typeof EvaluationRecordSchema>;
export type EvaluationRecordInput = z.input<typeof EvaluationRecordSchema>;
