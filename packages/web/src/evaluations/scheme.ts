/**
 * The evaluation scheme the screens enter against: which indicators the evaluator scores (with points and
 * guidance), which the hub computes, the veto items (一票否决) and the grade lines — the four dimensions
 * 行政监管, 服务成效, 项目管理, 社会影响 [ZZ §6.4, PY §6.6].
 *
 * The scheme is the one the server scores the station with (`reporting.evaluations.scheme`, from the
 * station's evaluation profile in `@shegong/evaluation`), so a province that adopts its own scheme changes
 * these screens with no release of theirs; this module reads the answer into the fields the screens use.
 */
import { z } from 'zod';

const NameSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const IndicatorSchema = z.object({
  id: z.string().min(1),
  name: NameSchema,
  points: z.number().positive(),
  citation: z.string().min(1),
  source: z.enum(['computed', 'evaluator']),
  guidance: z.string().optional(),
  /** For a computed indicator: the measure the hub computes (`staffing-compliance`, `service-volume` …). */
  scoring: z.object({ measure: z.string() }).loose().optional(),
});

/** The scheme as the entry screens read it: a subset of `@shegong/evaluation`'s `EvaluationSchemeSchema`. */
export const SchemeViewSchema = z.object({
  id: z.string().min(1),
  label: NameSchema,
  status: z.string(),
  citation: z.string(),
  note: z.string().optional(),
  totalPoints: z.number().positive(),
  grades: z.record(z.string(), z.object({ label: z.string(), min: z.number().optional() })),
  dimensions: z
    .array(
      z.object({
        id: z.string().min(1),
        name: NameSchema,
        points: z.number().positive(),
        citation: z.string(),
        indicators: z.array(IndicatorSchema).min(1),
      }),
    )
    .min(1),
  vetoes: z.array(z.object({ id: z.string().min(1), name: NameSchema, citation: z.string().min(1) })),
});
export type SchemeView = z.infer<typeof SchemeViewSchema>;
export type SchemeIndicator = z.infer<typeof IndicatorSchema>;

/**
 * A scheme as `reporting.evaluations.scheme` answers it, read into the view the screens use.
 * @throws Error naming the bad field when the answer is not a scheme
 */
export function schemeView(data: unknown): SchemeView {
  const parsed = SchemeViewSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `the evaluation scheme is not valid at ${first?.path.join('.') ?? '(root)'}: ${first?.message}`,
    );
  }
  return parsed.data;
}

/** The scheme's indicators an evaluator scores, in scheme order, each with its dimension. */
export function evaluatorIndicators(
  scheme: SchemeView,
): Array<SchemeIndicator & { dimension: SchemeView['dimensions'][number] }> {
  return scheme.dimensions.flatMap((dimension) =>
    dimension.indicators.filter((i) => i.source === 'evaluator').map((i) => ({ ...i, dimension })),
  );
}

/** The scheme's indicators the hub computes, in scheme order. */
export function computedIndicators(scheme: SchemeView): SchemeIndicator[] {
  return scheme.dimensions.flatMap((d) => d.indicators.filter((i) => i.source === 'computed'));
}
