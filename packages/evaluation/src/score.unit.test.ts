import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './errors.ts';
import type { EvaluationInputsRaw } from './inputs.ts';
import { GRADE_RANK } from './scheme-schema.ts';
import { evaluatorIndicators, getScheme, parseScheme } from './schemes.ts';
import { gradeFor, scoreEvaluation } from './score.ts';
import { EVALUATOR_IDS, EVALUATOR_MAX, entry, perfectInputs, withEntries } from './test-fixtures.ts';

const scheme = getScheme('default');
const score = (inputs: EvaluationInputsRaw) => scoreEvaluation(scheme, inputs);
const indicator = (inputs: EvaluationInputsRaw, id: string) =>
  score(inputs).indicators.find((i) => i.id === id);

describe('the default scheme [ZZ §6.4, PY §6.6]', () => {
  it('has the four dimensions 行政监管、服务成效、项目管理、社会影响, is marked default, and adds up to 100', () => {
    expect(scheme.status).toBe('default');
    expect(scheme.dimensions.map((d) => d.name.zh)).toEqual(['行政监管', '服务成效', '项目管理', '社会影响']);
    expect(scheme.totalPoints).toBe(100);
    expect(scheme.grades).toMatchObject({
      excellent: { label: '优秀', min: 90, term: '以上' },
      good: { label: '良好', min: 80 },
      pass: { label: '合格', min: 60 },
      fail: { label: '不合格' },
    });
  });

  it('lists the indicators an evaluator scores, with their points: half of the 100', () => {
    const entered = evaluatorIndicators(scheme);
    expect(entered).toEqual(EVALUATOR_MAX);
    expect(Object.values(entered).reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('scores full-marks input 100, 优秀, with every dimension complete', () => {
    const result = score(perfectInputs());
    expect(result).toMatchObject({ outcome: 'graded', grade: 'excellent', gradeLabel: '优秀', total: 100 });
    expect(result.dimensions.map((d) => [d.id, d.points, d.complete])).toEqual([
      ['administrative', 20, true],
      ['effectiveness', 40, true],
      ['management', 25, true],
      ['impact', 15, true],
    ]);
    expect(result.findings).toEqual([]);
  });
});

describe('grade thresholds: 90/80/60分以上, inclusive [CIVIL art. 1259]', () => {
  const cases: Array<[string, Record<string, number | string>, number, string]> = [
    ['exactly 90', { 'effect.satisfaction': 0 }, 90, 'excellent'],
    ['89.99', { 'effect.satisfaction': 0, 'effect.quality': 9.99 }, 89.99, 'good'],
    ['exactly 80', { 'effect.satisfaction': 0, 'effect.quality': 0 }, 80, 'good'],
    ['79.99', { 'effect.satisfaction': 0, 'effect.quality': 0, 'mgmt.archives': 4.99 }, 79.99, 'pass'],
    [
      'exactly 60',
      {
        'effect.satisfaction': 0,
        'effect.quality': 0,
        'impact.resources': 0,
        'admin.institutions': 0,
        'mgmt.archives': 0,
      },
      60,
      'pass',
    ],
    [
      '59.99',
      {
        'effect.satisfaction': 0,
        'effect.quality': 0,
        'impact.resources': 0,
        'admin.institutions': 0,
        'mgmt.archives': 0,
        'impact.publicity': '4.99',
      },
      59.99,
      'fail',
    ],
  ];
  for (const [label, points, total, grade] of cases) {
    it(`${label} → ${grade}`, () => {
      const result = score(withEntries(points));
      expect(result.total).toBe(total);
      expect(result.grade).toBe(grade);
    });
  }

  it('sums decimals exactly: entries adding to 40.0 give exactly 90, not 90.00000000000001', () => {
    const points = [2.7, 9.6, 8.7, 2.6, 4.8, 7.4, 4.2];
    expect(points.reduce((a, b) => a + b, 0)).not.toBe(40); // binary floating point drifts…
    const result = score(
      withEntries(Object.fromEntries(EVALUATOR_IDS.map((id, i) => [id, points[i] as number]))),
    );
    expect(result.total).toBe(90); // …integer hundredths do not
    expect(result).toMatchObject({ grade: 'excellent', threshold: '90以上' });
  });

  it('reports a failing grade as a finding citing the scheme', () => {
    const failing = score(withEntries(Object.fromEntries(EVALUATOR_IDS.map((id) => [id, 0]))));
    expect(failing).toMatchObject({ outcome: 'graded', grade: 'fail', gradeLabel: '不合格', total: 50 });
    expect(failing.findings.map((f) => [f.ruleId, f.citation])).toEqual([
      ['evaluation.grade-fail', 'ZZ §6.4, PY §6.6'],
    ]);
  });

  it('reads 超过 as exclusive when a scheme says so', () => {
    const strict = parseScheme({
      ...scheme,
      grades: { ...scheme.grades, excellent: { label: '优秀', min: 90, term: '超过' } },
    });
    expect(gradeFor(strict, 90)).toBe('good');
    expect(gradeFor(strict, 90.01)).toBe('excellent');
    expect(gradeFor(scheme, 90)).toBe('excellent');
  });
});

describe('veto items (一票否决)', () => {
  it('fail a perfect score [ZZ §6.3, PY §6.3]', () => {
    const result = score(
      perfectInputs({ vetoes: [{ id: 'veto.funds-misused', evidence: ['审计报告 2023-05'] }] }),
    );
    expect(result).toMatchObject({ outcome: 'vetoed', grade: 'fail', gradeLabel: '不合格', total: 100 });
    expect(result.vetoes).toEqual([
      expect.objectContaining({
        id: 'veto.funds-misused',
        citation: 'ZZ §6.3, PY §6.3',
        evidence: ['审计报告 2023-05'],
      }),
    ]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['evaluation.veto']);
  });

  it('are not applied without evidence: the evaluation is incomplete instead', () => {
    const result = score(perfectInputs({ vetoes: [{ id: 'veto.service-failed', evidence: [] }] }));
    expect(result).toMatchObject({ outcome: 'incomplete', grade: null, vetoes: [] });
    expect(result.missing).toEqual([
      expect.objectContaining({ vetoId: 'veto.service-failed', path: ['vetoes', 0, 'evidence'] }),
    ]);
  });

  it('refuses a veto the scheme does not list, naming its path', () => {
    expect(() => score(perfectInputs({ vetoes: [{ id: 'veto.nope', evidence: ['x'] }] }))).toThrow(
      expect.objectContaining({ code: 'EVALUATION_INPUT_INVALID', path: ['vetoes', 0, 'id'] }),
    );
  });
});

describe('evaluator entries need evidence [ZZ §5.6, WH §3.4]', () => {
  it('an entry without evidence is missing, not scored, and the evaluation has no grade', () => {
    const inputs = perfectInputs();
    inputs.entries = { ...inputs.entries, 'effect.satisfaction': { points: 10, evidence: [] } };
    const result = score(inputs);
    expect(result).toMatchObject({ outcome: 'incomplete', grade: null, gradeLabel: null, total: 90 });
    expect(result.missing).toEqual([
      {
        path: ['entries', 'effect.satisfaction', 'evidence'],
        indicatorId: 'effect.satisfaction',
        what: expect.anything(),
      },
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: 'evaluation.evidence-missing',
        severity: 'error',
        citation: 'ZZ §5.6, PY §5.6',
      }),
    ]);
    expect(result.indicators.find((i) => i.id === 'effect.satisfaction')).toMatchObject({
      points: null,
      status: 'missing',
    });
    expect(result.dimensions.find((d) => d.id === 'effectiveness')).toMatchObject({
      complete: false,
      points: 30,
    });
  });

  it('a missing entry and missing hub data are reported with their paths', () => {
    const inputs = perfectInputs({ hub: { staffing: { errors: 0, warnings: 0 } } });
    const { 'impact.publicity': _, ...entries } = inputs.entries ?? {};
    const result = score({ ...inputs, entries });
    expect(result.missing.map((m) => m.path)).toEqual([
      ['hub', 'reports'],
      ['hub', 'service'],
      ['hub', 'budget'],
      ['hub', 'training'],
      ['entries', 'impact.publicity'],
    ]);
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(
      new Set(['evaluation.hub-data-missing', 'evaluation.entry-missing']),
    );
  });

  it('refuses points above the maximum, on a computed indicator, for an unknown indicator, or with 3 decimals', () => {
    const bad = (entries: Record<string, unknown>) => () =>
      score({ ...perfectInputs(), entries: entries as EvaluationInputsRaw['entries'] });
    expect(bad({ 'effect.satisfaction': entry(10.01) })).toThrow(
      expect.objectContaining({ path: ['entries', 'effect.satisfaction', 'points'] }),
    );
    expect(bad({ 'effect.volume': entry(20) })).toThrow(/computed from hub data/);
    expect(bad({ 'effect.nope': entry(1) })).toThrow(/no indicator "effect.nope"/);
    expect(bad({ 'effect.satisfaction': { points: '9.995', evidence: ['x'] } })).toThrow(
      EvaluationInputError,
    );
    expect(bad({ 'effect.satisfaction': { points: '9.995', evidence: ['x'] } })).toThrow(
      /at most 2 decimals/,
    );
  });
});

describe('computed indicators at their boundaries', () => {
  it('staffing compliance [ZZ §4.4, PY §4.5, WH §2.2]: 5 off per error, 1 per warning, never below 0', () => {
    const at = (errors: number, warnings: number) =>
      indicator(
        perfectInputs({ hub: { ...perfectInputs().hub, staffing: { errors, warnings } } }),
        'admin.staffing',
      )?.points;
    expect([at(0, 0), at(0, 1), at(1, 0), at(1, 4), at(2, 0), at(3, 2)]).toEqual([10, 9, 5, 1, 0, 0]);
  });

  it('service volume [ZZ §5.1, §5.3]: 100% → 20, a hair under → 16, exactly 90% → 16, under → 12, 60% → 6, under → 0', () => {
    const at = (delivered: number, target: number) =>
      indicator(
        perfectInputs({ hub: { ...perfectInputs().hub, service: { delivered, target } } }),
        'effect.volume',
      );
    expect(at(1_000, 1_000)?.points).toBe(20);
    expect(at(1_500, 1_000)?.points).toBe(20);
    expect(at(9_999, 10_000)).toMatchObject({ points: 16, facts: { ratio: '99.99%', band: '90%以上' } });
    expect(at(900, 1_000)?.points).toBe(16);
    expect(at(899, 1_000)?.points).toBe(12);
    expect(at(600, 1_000)?.points).toBe(6);
    expect(at(2, 3)).toMatchObject({ points: 6, facts: { ratio: '66.66%' } });
    expect(at(599, 1_000)?.points).toBe(0);
  });

  it('report timeliness [ZZ §5.4, PY §5.4]: all on time → 5, 80% → 3, nothing due → 5', () => {
    const at = (due: number, onTime: number) =>
      indicator(perfectInputs({ hub: { ...perfectInputs().hub, reports: { due, onTime } } }), 'admin.reports')
        ?.points;
    expect([at(10, 10), at(10, 9), at(10, 8), at(10, 7), at(10, 6), at(10, 5), at(0, 0)]).toEqual([
      5, 3, 3, 1, 1, 0, 5,
    ]);
  });

  it('budget execution [ZZ §6.3, PY §6.3]: exactly 90% → 10, one fen under → 7', () => {
    const at = (spentFen: number) =>
      indicator(
        perfectInputs({ hub: { ...perfectInputs().hub, budget: { spentFen, plannedFen: 10_000_000 } } }),
        'mgmt.budget',
      )?.points;
    expect([at(9_000_000), at(8_999_999), at(7_500_000), at(5_000_000), at(4_999_999)]).toEqual([
      10, 7, 7, 4, 0,
    ]);
  });

  it('training hours [ZZ §6.5, PY §6.4]: 60 a year pro rata — 30 by 30 June (不少于 includes 30), 25 by 29 June', () => {
    const at = (hours: number[], to: string) =>
      indicator(
        perfectInputs({
          period: { from: '2023-01-01', to },
          hub: {
            ...perfectInputs().hub,
            training: { workers: hours.map((h, i) => ({ workerId: `w-${i}`, hours: h })) },
          },
        }),
        'mgmt.training',
      );
    expect(at([30, 30], '2023-06-30')).toMatchObject({
      points: 5,
      facts: { requiredHours: 30, monthsElapsed: 6 },
    });
    expect(at([30, 29.99], '2023-06-30')).toMatchObject({ points: 2.5, facts: { short: ['w-1'] } });
    expect(at([25, 25], '2023-06-29')).toMatchObject({ points: 5, facts: { requiredHours: 25 } });
    expect(at([29.99, 0], '2023-06-30')?.points).toBe(0);
    expect(at([60], '2023-12-31')?.points).toBe(5);
    expect(at([59.5], '2023-12-31')?.points).toBe(0);
  });
});

describe('a province’s own scheme, as a file', () => {
  it('is read from YAML and validated: dimension sums, totals and band order', () => {
    const yaml = `
id: example-province
label: { zh: 示例省评估办法, en: Example province }
status: adopted
adoptedBy: 示例民〔2024〕1号
citation: ZZ §6.4
totalPoints: 10
grades:
  excellent: { label: 优秀, min: 9, term: 以上 }
  good: { label: 良好, min: 8, term: 以上 }
  pass: { label: 合格, min: 6, term: 以上 }
  fail: { label: 不合格 }
dimensions:
  - id: effectiveness
    name: { zh: 服务成效, en: Service effectiveness }
    points: 10
    citation: ZZ §6.4
    indicators:
      - { id: effect.quality, name: { zh: 服务质量, en: Quality }, points: 10, citation: ZZ §5.4, source: evaluator }
`;
    const own = parseScheme(yaml, 'example.yaml');
    const result = scoreEvaluation(own, {
      stationId: 'x',
      period: { from: '2024-01-01', to: '2024-06-30' },
      entries: { 'effect.quality': { points: 9, evidence: ['评分表'] } },
    });
    expect(result).toMatchObject({ schemeId: 'example-province', grade: 'excellent', total: 9 });
    expect(() => parseScheme(yaml.replace('totalPoints: 10', 'totalPoints: 12'), 'example.yaml')).toThrow(
      /example\.yaml[\s\S]*totalPoints: the dimensions add up to 10, not 12/,
    );
    expect(() => parseScheme(yaml.replace('status: adopted', 'status: official'), 'example.yaml')).toThrow(
      /status/,
    );
  });

  it('rejects bands that are not in descending order', () => {
    const dims = structuredClone(scheme.dimensions);
    const volume = dims[1]?.indicators[0];
    if (volume?.source !== 'computed' || !('bands' in volume.scoring)) throw new Error('fixture');
    volume.scoring.bands.reverse();
    expect(() => parseScheme({ ...scheme, dimensions: dims })).toThrow(
      /dimensions\[1\]\.indicators\[0\]\.scoring\.bands/,
    );
  });
});

describe('properties', () => {
  const entries = fc.record(
    Object.fromEntries(
      EVALUATOR_IDS.map((id) => [id, fc.integer({ min: 0, max: EVALUATOR_MAX[id] * 100 })]),
    ) as Record<(typeof EVALUATOR_IDS)[number], fc.Arbitrary<number>>,
  );
  const hub = fc.record({
    errors: fc.nat({ max: 3 }),
    warnings: fc.nat({ max: 5 }),
    delivered: fc.nat({ max: 1_500 }),
    onTime: fc.nat({ max: 8 }),
    spent: fc.nat({ max: 10_000_000 }),
    hours: fc.nat({ max: 6_000 }),
  });
  const build = (
    e: Record<string, number>,
    h: { errors: number; warnings: number; delivered: number; onTime: number; spent: number; hours: number },
  ): EvaluationInputsRaw =>
    perfectInputs({
      hub: {
        staffing: { errors: h.errors, warnings: h.warnings },
        service: { delivered: h.delivered, target: 1_000 },
        reports: { due: 8, onTime: h.onTime },
        budget: { spentFen: h.spent, plannedFen: 10_000_000 },
        training: { workers: [{ workerId: 'w', hours: h.hours / 100 }] },
      },
      entries: Object.fromEntries(Object.entries(e).map(([id, hundredths]) => [id, entry(hundredths / 100)])),
    });

  it('adding points to any evaluator indicator never lowers the grade', () => {
    fc.assert(
      fc.property(
        entries,
        hub,
        fc.constantFrom(...EVALUATOR_IDS),
        fc.integer({ min: 1, max: 1_000 }),
        (e, h, id, add) => {
          const before = score(build(e, h));
          const raised = { ...e, [id]: Math.min(EVALUATOR_MAX[id] * 100, e[id] + add) };
          const after = score(build(raised, h));
          expect(after.total).toBeGreaterThanOrEqual(before.total);
          expect(GRADE_RANK[after.grade ?? 'fail']).toBeGreaterThanOrEqual(
            GRADE_RANK[before.grade ?? 'fail'],
          );
        },
      ),
    );
  });

  it('more service delivered, fewer staffing findings or more hours never lower the grade either', () => {
    fc.assert(
      fc.property(entries, hub, fc.nat({ max: 500 }), (e, h, more) => {
        const before = score(build(e, h));
        const better = {
          ...h,
          delivered: h.delivered + more,
          errors: Math.max(0, h.errors - 1),
          hours: h.hours + more,
        };
        expect(GRADE_RANK[score(build(e, better)).grade ?? 'fail']).toBeGreaterThanOrEqual(
          GRADE_RANK[before.grade ?? 'fail'],
        );
      }),
    );
  });

  it('the same input always gives the same result', () => {
    fc.assert(
      fc.property(entries, hub, (e, h) => {
        expect(score(build(e, h))).toEqual(score(structuredClone(build(e, h))));
      }),
    );
  });
});
