import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type EvaluationFormValues,
  evaluationInputOf,
  halfYearRange,
  halfYears,
} from './evaluation-form.tsx';
import { computedIndicators, evaluatorIndicators, schemeView } from './scheme.ts';

/** The packaged default scheme, as `reporting.evaluations.scheme` serves it to a ZZ, PY, WH or Henan station. */
const defaultScheme = () =>
  schemeView(
    parse(readFileSync(new URL('../../../evaluation/data/schemes/default.yaml', import.meta.url), 'utf8')),
  );

describe('the evaluation scheme as the screens read it [ZZ §6.4, PY §6.6]', () => {
  it('has the four dimensions, 100 points, evaluator and computed indicators and the veto items', () => {
    const scheme = defaultScheme();
    expect(scheme.dimensions.map((d) => d.name.zh)).toEqual(['行政监管', '服务成效', '项目管理', '社会影响']);
    const points = scheme.dimensions.flatMap((d) => d.indicators).reduce((sum, i) => sum + i.points, 0);
    expect(points).toBe(scheme.totalPoints);
    expect(evaluatorIndicators(scheme).map((i) => i.id)).toContain('effect.satisfaction');
    expect(computedIndicators(scheme).map((i) => i.id)).toContain('admin.staffing');
    expect(scheme.vetoes.length).toBeGreaterThan(0);
    for (const veto of scheme.vetoes) expect(veto.citation).toMatch(/§/);
  });

  it('refuses an answer that is not a scheme, naming the field', () => {
    expect(() => schemeView({ id: 'x', label: { zh: 'a', en: 'b' } })).toThrow(/status|citation|totalPoints/);
  });
});

describe('the evaluation form values as evaluations.record takes them', () => {
  it('offers the current half-year first and gives each its days', () => {
    expect(halfYears('2026-12-03')).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1']);
    expect(halfYears('2026-03-01')[0]).toBe('2026-H1');
    expect(halfYearRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('sends scored entries with evidence a line each, ticked vetoes only, money in fen', () => {
    const values: EvaluationFormValues = {
      stationId: 'st-1',
      kind: 'mid-term',
      half: '2026-H2',
      decidedOn: '2026-12-03',
      evaluatorName: ' 第三方 ',
      entries: {
        'effect.quality': { points: 8, evidence: 'FILE-1\n\n FILE-2 ' },
        'effect.satisfaction': { points: null, evidence: 'ignored' },
      },
      vetoes: {
        'veto.funds-misused': { found: false, evidence: 'x' },
        'veto.service-failed': { found: true, evidence: 'AUDIT-9' },
      },
      facts: {
        serviceTarget: { quantity: 300, unit: 'records', evidence: 'CONTRACT §2' },
        budget: { spentYuan: 1234.56, plannedYuan: 2000, evidence: 'LEDGER' },
      },
    };
    expect(evaluationInputOf(values, 'county')).toEqual({
      stationId: 'st-1',
      kind: 'mid-term',
      conductedBy: 'county',
      period: { from: '2026-07-01', to: '2026-12-31' },
      decidedOn: '2026-12-03',
      evaluatorName: '第三方',
      entries: { 'effect.quality': { points: 8, evidence: ['FILE-1', 'FILE-2'] } },
      vetoes: [{ id: 'veto.service-failed', evidence: ['AUDIT-9'] }],
      facts: {
        serviceTarget: { quantity: 300, unit: 'records', evidence: ['CONTRACT §2'] },
        budget: { spentFen: 123_456, plannedFen: 200_000, evidence: ['LEDGER'] },
      },
    });
  });
});
