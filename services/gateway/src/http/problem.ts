import type { Response } from 'express';
import { z } from 'zod';

/**
 * RFC 9457 problem details, the error body of the public API: a stable `code`, a `detail` a person can
 * act on, every bad field in `errors` and, for batches, every refused row in `rows`.
 */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:shegong:problem:input-invalid' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ example: 'INPUT_INVALID' }),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string().meta({ example: 'items[3].regionCode' }), message: z.string() }))
      .optional(),
    rows: z
      .array(
        z.object({
          index: z.number().int(),
          id: z.string().nullable(),
          errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'An error: RFC 9457 problem details' });
export type Problem = z.infer<typeof ProblemSchema>;

export function sendProblem(res: Response, problem: Omit<Problem, 'type'> & { type?: string }): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: `urn:shegong:problem:${problem.code.toLowerCase().replaceAll('_', '-')}`, ...problem });
}
