import { CitationSchema } from '@shegong/kernel';
import { z } from 'zod';
import { LowerBoundTermSchema, PointsSchema, toHundredths } from './points.ts';

const LabelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const IdSchema = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
  message: 'an id is lower-case letters, digits, "." and "-", e.g. "admin.staffing"',
});

/** The four grades, best first. Their thresholds and labels are scheme data; the ids are fixed. */
export const GradeSchema = z.enum(['excellent', 'good', 'pass', 'fail']);
export type Grade = z.infer<typeof GradeSchema>;

/** Rank of a grade: fail 0 < pass 1 < good 2 < excellent 3. */
export const GRADE_RANK: Readonly<Record<Grade, number>> = { fail: 0, pass: 1, good: 2, excellent: 3 };

/** A threshold on the total: "`min` points + `term`" (90分以上 includes 90 [民法典 art. 1259]). */
const ThresholdSchema = z.object({ label: z.string().min(1), min: PointsSchema, term: LowerBoundTermSchema });

/**
 * One band of a ratio indicator: a ratio (as a percentage) meeting "`from` + `term`" earns `points`.
 * Bands are tried from the highest `from` down; below every band the indicator earns 0.
 */
const BandSchema = z.object({ from: PointsSchema, term: LowerBoundTermSchema, points: PointsSchema });
export type Band = z.infer<typeof BandSchema>;
const BandsSchema = z.array(BandSchema).min(1);

/**
 * How a computed indicator reads the hub's data (see `HubFactsSchema` for each measure's facts):
 * - `staffing-compliance`: the station's staffing findings (`@shegong/staffing`) on the period's last day,
 *   a deduction per error and per warning, never below 0;
 * - `service-volume`: service delivered against the quantity the contract sets, in bands of the ratio;
 * - `report-timeliness`: reports submitted on time against reports due, in bands (nothing due = full marks);
 * - `budget-execution`: money spent against money planned for the period, in bands;
 * - `training-hours`: the share of resident workers with the continuing-education hours the year asks
 *   for, pro rata to the months of the year elapsed at the period's end when `proRata` is set.
 */
export const ScoringSchema = z.discriminatedUnion('measure', [
  z.object({
    measure: z.literal('staffing-compliance'),
    deductPerError: PointsSchema,
    deductPerWarning: PointsSchema,
  }),
  z.object({ measure: z.literal('service-volume'), bands: BandsSchema }),
  z.object({ measure: z.literal('report-timeliness'), bands: BandsSchema }),
  z.object({ measure: z.literal('budget-execution'), bands: BandsSchema }),
  z.object({
    measure: z.literal('training-hours'),
    hoursPerYear: PointsSchema,
    proRata: z.boolean().default(true),
    bands: BandsSchema,
  }),
]);
export type Scoring = z.infer<typeof ScoringSchema>;
export type Measure = Scoring['measure'];

const IndicatorBase = {
  id: IdSchema,
  name: LabelSchema,
  /** The most the indicator can earn. */
  points: PointsSchema,
  /** The clause the indicator gives effect to (what it measures, not its point value). */
  citation: CitationSchema,
  /** What the evaluator looks at, in Chinese, for the scoring sheet. */
  guidance: z.string().optional(),
};

export const IndicatorSchema = z.discriminatedUnion('source', [
  z.object({ ...IndicatorBase, source: z.literal('computed'), scoring: ScoringSchema }),
  /** Entered by an evaluator (a third party [ZZ §5.6, WH §3.4]), always with evidence references. */
  z.object({ ...IndicatorBase, source: z.literal('evaluator') }),
]);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const DimensionSchema = z.object({
  id: IdSchema,
  name: LabelSchema,
  points: PointsSchema,
  citation: CitationSchema,
  indicators: z.array(IndicatorSchema).min(1),
});
export type Dimension = z.infer<typeof DimensionSchema>;

/** An item that fails the evaluation whatever the score (一票否决), recorded by an evaluator with evidence. */
export const VetoItemSchema = z.object({ id: IdSchema, name: LabelSchema, citation: CitationSchema });
export type VetoItem = z.infer<typeof VetoItemSchema>;

/**
 * An indicator scheme (绩效评价指标体系), one YAML file in `data/schemes/` or anywhere a caller reads it
 * from. `status: default` marks a scheme whose values the hub chose where the documents give none; a
 * province's adopted scheme says `status: adopted` and names its document in `adoptedBy`.
 */
export const EvaluationSchemeSchema = z
  .object({
    id: IdSchema,
    label: LabelSchema,
    status: z.enum(['default', 'adopted']),
    adoptedBy: z.string().optional(),
    citation: CitationSchema,
    note: z.string().optional(),
    totalPoints: PointsSchema,
    grades: z.object({
      excellent: ThresholdSchema,
      good: ThresholdSchema,
      pass: ThresholdSchema,
      fail: z.object({ label: z.string().min(1) }),
    }),
    dimensions: z.array(DimensionSchema).min(1),
    vetoes: z.array(VetoItemSchema).default([]),
  })
  .superRefine((scheme, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (scheme.status === 'adopted' && !scheme.adoptedBy) {
      issue(['adoptedBy'], 'an adopted scheme names the document that adopted it');
    }
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + toHundredths(b), 0);
    const dimensionSum = sum(scheme.dimensions.map((d) => d.points));
    if (dimensionSum !== toHundredths(scheme.totalPoints)) {
      issue(['totalPoints'], `the dimensions add up to ${dimensionSum / 100}, not ${scheme.totalPoints}`);
    }
    const ids = new Set<string>();
    const unique = (id: string, path: Array<string | number>) => {
      if (ids.has(id)) issue(path, `the id "${id}" is used twice`);
      ids.add(id);
    };
    scheme.dimensions.forEach((dimension, d) => {
      unique(dimension.id, ['dimensions', d, 'id']);
      const indicatorSum = sum(dimension.indicators.map((i) => i.points));
      if (indicatorSum !== toHundredths(dimension.points)) {
        issue(
          ['dimensions', d, 'points'],
          `the indicators of ${dimension.name.zh} add up to ${indicatorSum / 100}, not ${dimension.points}`,
        );
      }
      dimension.indicators.forEach((indicator, i) => {
        const path = ['dimensions', d, 'indicators', i];
        unique(indicator.id, [...path, 'id']);
        if (indicator.source !== 'computed' || !('bands' in indicator.scoring)) return;
        let previous: { from: number; points: number } | undefined;
        indicator.scoring.bands.forEach((band, b) => {
          const at = [...path, 'scoring', 'bands', b];
          if (toHundredths(band.points) > toHundredths(indicator.points)) {
            issue(
              [...at, 'points'],
              `a band earns ${band.points}, more than the indicator's ${indicator.points}`,
            );
          }
          if (previous && !(band.from < previous.from && band.points <= previous.points)) {
            issue(at, 'bands run from the highest ratio down, each earning no more than the one before');
          }
          previous = band;
        });
      });
    });
    scheme.vetoes.forEach((veto, v) => {
      unique(veto.id, ['vetoes', v, 'id']);
    });
    const { excellent, good, pass } = scheme.grades;
    const [e, g, p] = [excellent.min, good.min, pass.min].map(toHundredths) as [number, number, number];
    if (!(e > g && g > p)) {
      issue(['grades'], 'thresholds descend: excellent above good above pass');
    }
    if (toHundredths(excellent.min) > toHundredths(scheme.totalPoints)) {
      issue(['grades', 'excellent', 'min'], `no total can reach ${excellent.min} of ${scheme.totalPoints}`);
    }
  });
export type EvaluationScheme = z.infer<typeof EvaluationSchemeSchema>;
export type EvaluationSchemeInput = z.input<typeof EvaluationSchemeSchema>;
