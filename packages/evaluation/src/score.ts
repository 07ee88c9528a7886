import {
  type Citation,
  compareFindings,
  type Finding,
  type FindingSubject,
  satisfies,
} from '@shegong/kernel';
import { EvaluationInputError, type EvaluationIssue, issuesOf } from './errors.ts';
import { type EvaluationInputs, type EvaluationInputsRaw, EvaluationInputsSchema } from './inputs.ts';
import { measure } from './measures.ts';
import { fromHundredths, type Points, toHundredths } from './points.ts';
import type { EvaluationScheme, Grade, Indicator } from './scheme-schema.ts';

export interface IndicatorScore {
  id: string;
  dimensionId: string;
  name: { zh: string; en: string };
  source: Indicator['source'];
  maxPoints: Points;
  /** `null` when the indicator could not be scored (facts or evidence missing). */
  points: Points | null;
  status: 'scored' | 'missing';
  citation: Citation;
  /** What the score rests on: the hub's figures and the band met, or the evaluator's evidence. */
  facts: Record<string, unknown>;
}

export interface DimensionScore {
  id: string;
  name: { zh: string; en: string };
  maxPoints: Points;
  /** The sum of the indicators scored so far. */
  points: Points;
  complete: boolean;
}

export interface VetoFound {
  id: string;
  name: { zh: string; en: string };
  citation: Citation;
  evidence: string[];
  evaluator?: string;
  note?: string;
}

/** Something the evaluation still needs, with the input path where it belongs. */
export interface MissingInput {
  path: Array<string | number>;
  indicatorId?: string;
  vetoId?: string;
  what: { zh: string; en: string };
}

export interface EvaluationScore {
  stationId: string;
  stationName?: string;
  schemeId: string;
  schemeStatus: EvaluationScheme['status'];
  period: { from: string; to: string };
  /**
   * `graded`: every indicator scored, no veto; `vetoed`: a veto item found with evidence, so `fail` whatever
   * the score; `incomplete`: something is missing, so no grade is given (a partial total is no grade).
   */
  outcome: 'graded' | 'vetoed' | 'incomplete';
  grade: Grade | null;
  gradeLabel: string | null;
  /** Sum of the indicators scored (partial when incomplete). Exact to 0.01. */
  total: Points;
  maxTotal: Points;
  /** The threshold the total met, as the scheme states it (`90以上`), or `null`. */
  threshold: string | null;
  dimensions: DimensionScore[];
  indicators: IndicatorScore[];
  vetoes: VetoFound[];
  missing: MissingInput[];
  /** Errors for what is missing, for each veto, and for a failing grade, with their clauses. */
  findings: Finding[];
}

/**
 * Scores one station for one period under a scheme: each indicator with the facts it used, each dimension's
 * subtotal, the total, the grade by the scheme's thresholds (counted the legal way: a total exactly on
 * 90以上 is 优秀 [民法典 art. 1259]), the veto items found, and everything still missing. Pure and
 * deterministic; sums are exact (integer hundredths of a point).
 *
 * An evaluator entry without evidence, or a computed indicator without its facts, is *missing*: it scores
 * nothing, the result is `incomplete` and has no grade, and a finding says what to supply.
 *
 * @example
 * const score = scoreEvaluation(getScheme('default'), {
 *   stationId: 'st-1',
 *   period: { from: '2023-01-01', to: '2023-06-30' },
 *   hub: { staffing: { errors: 0, warnings: 0 }, service: { delivered: 1200, target: 1200 }, … },
 *   entries: { 'effect.satisfaction': { points: 9, evidence: ['满意度调查表 2023-06'] }, … },
 * });
 * score.grade   // 'excellent'
 * score.total   // 93.5
 * @throws EvaluationInputError for input of the wrong shape or at odds with the scheme (an unknown
 *   indicator or veto, points above an indicator's maximum, points entered for a computed indicator)
 */
export function scoreEvaluation(scheme: EvaluationScheme, raw: EvaluationInputsRaw): EvaluationScore {
  const inputs = parseInputs(scheme, raw);
  const subject: FindingSubject = { kind: 'station', id: inputs.stationId };
  const findings: Finding[] = [];
  const missing: MissingInput[] = [];
  const indicators: IndicatorScore[] = [];
  const dimensions: DimensionScore[] = [];
  let totalHundredths = 0;

  for (const dimension of scheme.dimensions) {
    let dimensionHundredths = 0;
    let complete = true;
    for (const indicator of dimension.indicators) {
      const result = scoreIndicator(indicator, inputs);
      const base = {
        id: indicator.id,
        dimensionId: dimension.id,
        name: indicator.name,
        source: indicator.source,
        maxPoints: indicator.points,
        citation: indicator.citation,
      };
      if (result.kind === 'scored') {
        dimensionHundredths += result.hundredths;
        indicators.push({
          ...base,
          points: fromHundredths(result.hundredths),
          status: 'scored',
          facts: result.facts,
        });
        continue;
      }
      complete = false;
      indicators.push({ ...base, points: null, status: 'missing', facts: result.facts });
      missing.push({ path: result.path, indicatorId: indicator.id, what: result.what });
      findings.push({
        ruleId: result.ruleId,
        severity: 'error',
        subject,
        citation: indicator.citation,
        message: {
          zh: `指标“${indicator.name.zh}”未计分：缺少${result.what.zh}`,
          en: `indicator "${indicator.name.en}" is not scored: ${result.what.en} missing`,
        },
        facts: { indicatorId: indicator.id, path: result.path, ...result.facts },
      });
    }
    totalHundredths += dimensionHundredths;
    dimensions.push({
      id: dimension.id,
      name: dimension.name,
      maxPoints: dimension.points,
      points: fromHundredths(dimensionHundredths),
      complete,
    });
  }

  const vetoes: VetoFound[] = [];
  inputs.vetoes.forEach((entry, index) => {
    const item = scheme.vetoes.find((v) => v.id === entry.id);
    if (!item) return; // refused in parseInputs
    if (entry.evidence.length === 0) {
      const what = { zh: '一票否决事项的证据', en: 'evidence for the veto item' };
      missing.push({ path: ['vetoes', index, 'evidence'], vetoId: item.id, what });
      findings.push({
        ruleId: 'evaluation.evidence-missing',
        severity: 'error',
        subject,
        citation: item.citation,
        message: {
          zh: `一票否决事项“${item.name.zh}”未附证据，不予认定，评估不完整`,
          en: `veto item "${item.name.en}" has no evidence: not applied, the evaluation is incomplete`,
        },
        facts: { vetoId: item.id, path: ['vetoes', index, 'evidence'] },
      });
      return;
    }
    vetoes.push({
      id: item.id,
      name: item.name,
      citation: item.citation,
      evidence: entry.evidence,
      ...(entry.evaluator === undefined ? {} : { evaluator: entry.evaluator }),
      ...(entry.note === undefined ? {} : { note: entry.note }),
    });
    findings.push({
      ruleId: 'evaluation.veto',
      severity: 'error',
      subject,
      citation: item.citation,
      message: {
        zh: `一票否决：${item.name.zh}，评估不合格`,
        en: `veto: ${item.name.en}; the evaluation fails whatever the score`,
      },
      facts: { vetoId: item.id, evidence: entry.evidence },
    });
  });

  const met = gradeOf(scheme, totalHundredths);
  let outcome: EvaluationScore['outcome'];
  let grade: Grade | null;
  if (vetoes.length > 0) {
    outcome = 'vetoed';
    grade = 'fail';
  } else if (missing.length > 0) {
    outcome = 'incomplete';
    grade = null;
  } else {
    outcome = 'graded';
    grade = met.grade;
  }
  if (outcome === 'graded' && grade === 'fail') {
    findings.push({
      ruleId: 'evaluation.grade-fail',
      severity: 'error',
      subject,
      citation: scheme.citation,
      message: {
        zh: `总分 ${fromHundredths(totalHundredths)} 分，未达到合格线（${scheme.grades.pass.min}分${scheme.grades.pass.term}），评估不合格`,
        en: `total ${fromHundredths(totalHundredths)} is below the pass line (${scheme.grades.pass.min} ${scheme.grades.pass.term})`,
      },
      facts: {
        total: fromHundredths(totalHundredths),
        passLine: scheme.grades.pass.min,
        term: scheme.grades.pass.term,
      },
    });
  }
  return {
    stationId: inputs.stationId,
    ...(inputs.stationName === undefined ? {} : { stationName: inputs.stationName }),
    schemeId: scheme.id,
    schemeStatus: scheme.status,
    period: inputs.period,
    outcome,
    grade,
    gradeLabel: grade === null ? null : scheme.grades[grade].label,
    total: fromHundredths(totalHundredths),
    maxTotal: scheme.totalPoints,
    threshold: outcome === 'graded' ? met.threshold : null,
    dimensions,
    indicators,
    vetoes,
    missing,
    findings: findings.sort(compareFindings),
  };
}

/**
 * The grade a total earns under a scheme's thresholds, ignoring vetoes and completeness: the best grade
 * whose "`min` + `term`" the total satisfies, else `fail`.
 * @example gradeFor(getScheme('default'), 90) // 'excellent': 90以上 includes 90
 * @example gradeFor(getScheme('default'), 89.99) // 'good'
 */
export function gradeFor(scheme: EvaluationScheme, total: Points): Grade {
  return gradeOf(scheme, toHundredths(total)).grade;
}

function gradeOf(scheme: EvaluationScheme, hundredths: number): { grade: Grade; threshold: string | null } {
  for (const grade of ['excellent', 'good', 'pass'] as const) {
    const { min, term } = scheme.grades[grade];
    if (satisfies(hundredths, term, toHundredths(min))) return { grade, threshold: `${min}${term}` };
  }
  return { grade: 'fail', threshold: null };
}

type IndicatorResult =
  | { kind: 'scored'; hundredths: number; facts: Record<string, unknown> }
  | {
      kind: 'missing';
      ruleId: 'evaluation.hub-data-missing' | 'evaluation.entry-missing' | 'evaluation.evidence-missing';
      path: Array<string | number>;
      what: { zh: string; en: string };
      facts: Record<string, unknown>;
    };

function scoreIndicator(indicator: Indicator, inputs: EvaluationInputs): IndicatorResult {
  if (indicator.source === 'computed') {
    const result = measure(indicator.scoring, toHundredths(indicator.points), inputs);
    if (result.kind === 'scored') return result;
    return {
      kind: 'missing',
      ruleId: 'evaluation.hub-data-missing',
      path: result.path,
      what: result.what,
      facts: { measure: indicator.scoring.measure },
    };
  }
  const entry = inputs.entries[indicator.id];
  if (entry === undefined) {
    return {
      kind: 'missing',
      ruleId: 'evaluation.entry-missing',
      path: ['entries', indicator.id],
      what: { zh: '评估人员评分', en: "the evaluator's points" },
      facts: {},
    };
  }
  if (entry.evidence.length === 0) {
    return {
      kind: 'missing',
      ruleId: 'evaluation.evidence-missing',
      path: ['entries', indicator.id, 'evidence'],
      what: { zh: '评分依据（证据）', en: 'the evidence the points rest on' },
      facts: { pointsEntered: entry.points },
    };
  }
  return {
    kind: 'scored',
    hundredths: toHundredths(entry.points),
    facts: {
      evidence: entry.evidence,
      ...(entry.evaluator === undefined ? {} : { evaluator: entry.evaluator }),
      ...(entry.note === undefined ? {} : { note: entry.note }),
    },
  };
}

/** Validates the input's shape, then that it fits the scheme. Collects every problem before throwing. */
function parseInputs(scheme: EvaluationScheme, raw: EvaluationInputsRaw): EvaluationInputs {
  const parsed = EvaluationInputsSchema.safeParse(raw);
  if (!parsed.success) throw new EvaluationInputError('the evaluation input', issuesOf(parsed.error));
  const inputs = parsed.data;
  const issues: EvaluationIssue[] = [];
  const all = new Map(scheme.dimensions.flatMap((d) => d.indicators).map((i) => [i.id, i]));
  for (const [id, entry] of Object.entries(inputs.entries)) {
    const indicator = all.get(id);
    if (!indicator) {
      issues.push({ path: ['entries', id], message: `scheme "${scheme.id}" has no indicator "${id}"` });
    } else if (indicator.source === 'computed') {
      issues.push({
        path: ['entries', id],
        message: `"${id}" is computed from hub data (${indicator.scoring.measure}); it takes no evaluator points`,
      });
    } else if (toHundredths(entry.points) > toHundredths(indicator.points)) {
      issues.push({
        path: ['entries', id, 'points'],
        message: `${entry.points} points is more than "${id}" is worth (${indicator.points})`,
      });
    }
  }
  const seen = new Set<string>();
  inputs.vetoes.forEach((veto, index) => {
    if (!scheme.vetoes.some((v) => v.id === veto.id)) {
      issues.push({
        path: ['vetoes', index, 'id'],
        message: `scheme "${scheme.id}" has no veto item "${veto.id}"; known: ${scheme.vetoes.map((v) => v.id).join(', ') || '(none)'}`,
      });
    } else if (seen.has(veto.id)) {
      issues.push({ path: ['vetoes', index, 'id'], message: `veto item "${veto.id}" is recorded twice` });
    }
    seen.add(veto.id);
  });
  if (issues.length > 0) throw new EvaluationInputError('the evaluation input', issues);
  return inputs;
}
