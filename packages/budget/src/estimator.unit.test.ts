import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetInputError } from './errors.ts';
import { type EstimateInput, estimateCountyBudget, whatIfStaffingRule } from './estimator.ts';
import { evaluateBudget } from './evaluate.ts';
import { formatYuan } from './money.ts';
import { defaultWorkersPerStation, getBudgetProfile } from './profiles.ts';

function inputError(fn: () => unknown): BudgetInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BudgetInputError);
    return error as BudgetInputError;
  }
  throw new Error('expected a BudgetInputError');
}

/** ¥60,000 salary and ¥3,600 allowances a year, 30% employer 五险一金: the costs the examples use. */
const COSTS = {
  annualWageFen: 6_000_000,
  annualAllowanceFen: 360_000,
  socialInsuranceRateBp: 3_000,
} as const;

describe('estimateCountyBudget', () => {
  it('prices 10 Zhengzhou stations with 2 workers each (hand-computed)', () => {
    const e = estimateCountyBudget({ profile: 'ZZ', stations: 10, workersPerStation: 2, ...COSTS });
    // Per worker: salary 6,000,000 + allowance 360,000 = pay 6,360,000 fen;
    //   social insurance 30% × 6,360,000 = 1,908,000; personnel 8,268,000 fen (¥82,680.00).
    expect(e.perWorker).toEqual({
      salaryFen: 6_000_000,
      allowanceFen: 360_000,
      socialInsuranceFen: 1_908_000,
      personnelFen: 8_268_000,
    });
    // 20 workers: salary 120,000,000; allowance 7,200,000; social insurance 38,160,000 → 165,360,000.
    // Other lines (default planning shares of personnel):
    //   supervision-training 8%  = 13,228,800
    //   service-activities  15%  = 24,804,000
    //   project-management   6%  =  9,921,600
    //   evaluation-reserve   3%  =  4,960,800   → 52,915,200
    // Total 165,360,000 + 52,915,200 = 218,275,200 fen; personnel 1/1.32 = 75.7575…% → 7,576 bp.
    expect(e.lines).toEqual([
      { category: 'salary', amountFen: 120_000_000 },
      { category: 'allowance', amountFen: 7_200_000 },
      { category: 'social-insurance', amountFen: 38_160_000 },
      { category: 'supervision-training', amountFen: 13_228_800 },
      { category: 'service-activities', amountFen: 24_804_000 },
      { category: 'project-management', amountFen: 9_921_600 },
      { category: 'evaluation-reserve', amountFen: 4_960_800 },
    ]);
    expect(e).toMatchObject({
      profileId: 'ZZ',
      stations: 10,
      workers: 20,
      personnelFen: 165_360_000,
      nonPersonnelFen: 52_915_200,
      totalFen: 218_275_200,
      personnelShareBp: 7_576,
      otherLinesAreDefaults: true,
    });
    expect(formatYuan(e.totalFen)).toBe('¥2,182,752.00');
  });

  it('rounds social insurance and each other line half up, once', () => {
    const e = estimateCountyBudget({
      profile: 'PY',
      stations: 1,
      workersPerStation: 2,
      annualWageFen: 4_321_005,
      socialInsuranceRateBp: 1_000,
      otherLinesBp: { 'service-activities': 2_500 },
    });
    // Social insurance 10% × 4,321,005 = 432,100.5 → 432,101 per worker; × 2 = 864,202.
    // Personnel 2 × (4,321,005 + 432,101) = 9,506,212; activities 25% = 2,376,553 exactly.
    expect(e.lines).toEqual([
      { category: 'salary', amountFen: 8_642_010 },
      { category: 'allowance', amountFen: 0 },
      { category: 'social-insurance', amountFen: 864_202 },
      { category: 'service-activities', amountFen: 2_376_553 },
    ]);
    expect(e.totalFen).toBe(11_882_765);
  });

  it('needs the evaluation reserve ZZ requires [ZZ §6.3]; PY does not', () => {
    const noReserve: EstimateInput = {
      profile: 'ZZ',
      stations: 1,
      workersPerStation: 2,
      ...COSTS,
      otherLinesBp: { 'service-activities': 1_000 },
    };
    expect(inputError(() => estimateCountyBudget(noReserve)).path).toEqual([
      'otherLinesBp',
      'evaluation-reserve',
    ]);
    expect(estimateCountyBudget({ ...noReserve, profile: 'PY' }).totalFen).toBeGreaterThan(0);
  });

  it('keeps personnel at or above 70% [ZZ §6.3]: 42.85% of personnel in other lines passes, 42.86% does not', () => {
    const base = { profile: 'ZZ' as const, stations: 10, workersPerStation: 2, ...COSTS };
    const ok = estimateCountyBudget({
      ...base,
      otherLinesBp: { 'evaluation-reserve': 285, 'service-activities': 4_000 },
    });
    expect(ok.personnelShareBp).toBe(7_000); // 1 / 1.4285 = 70.004%
    const over = { ...base, otherLinesBp: { 'evaluation-reserve': 286, 'service-activities': 4_000 } };
    expect(inputError(() => estimateCountyBudget(over)).path).toEqual(['otherLinesBp']);
  });

  it('re-checks the floor after rounding, which only a toy budget can break', () => {
    // Personnel 100 fen; four lines of 10.71–10.72 fen each round to 11 → 44; 100 / 144 < 70%.
    const toy = {
      profile: 'ZZ' as const,
      stations: 1,
      workersPerStation: 1,
      annualWageFen: 100,
      socialInsuranceRateBp: 0,
      otherLinesBp: {
        'supervision-training': 1_071,
        'service-activities': 1_071,
        'project-management': 1_071,
        'evaluation-reserve': 1_072,
      },
    };
    expect(inputError(() => estimateCountyBudget(toy)).message).toContain('ZZ §6.3');
  });

  it('meets the WH labour-cost floor when the wage is given [WH §2.2]', () => {
    const wh = { profile: 'WH' as const, stations: 1, workersPerStation: 3, ...COSTS };
    expect(estimateCountyBudget({ ...wh, urbanAverageWageFen: 8_268_000 }).workers).toBe(3);
    expect(() => estimateCountyBudget({ ...wh, urbanAverageWageFen: 8_268_001 })).toThrow(/WH §2\.2/);
  });

  it('is a budget the rules accept', () => {
    const e = estimateCountyBudget({ profile: 'ZZ', stations: 3, workersPerStation: 2, ...COSTS });
    const budget = {
      id: 'estimate',
      countyCode: '410105',
      year: 2022,
      stationsCovered: e.stations,
      workersBudgeted: e.workers,
      lines: e.lines,
    };
    expect(evaluateBudget(budget, 'ZZ')).toEqual([]);
  });

  it('totals equal the sum of their lines, in whole fen, with personnel ≥ 70% (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 30_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 6_000 }),
        fc.record(
          {
            'supervision-training': fc.integer({ min: 0, max: 1_000 }),
            'service-activities': fc.integer({ min: 0, max: 2_000 }),
            'project-management': fc.integer({ min: 0, max: 900 }),
            'evaluation-reserve': fc.integer({ min: 1, max: 300 }),
            other: fc.integer({ min: 0, max: 80 }),
          },
          { requiredKeys: ['evaluation-reserve'] },
        ),
        (
          stations,
          workersPerStation,
          annualWageFen,
          annualAllowanceFen,
          socialInsuranceRateBp,
          otherLinesBp,
        ) => {
          let e: ReturnType<typeof estimateCountyBudget>;
          try {
            e = estimateCountyBudget({
              profile: 'ZZ',
              stations,
              workersPerStation,
              annualWageFen,
              annualAllowanceFen,
              socialInsuranceRateBp,
              otherLinesBp,
            });
          } catch (error) {
            // Only a toy budget (a few hundred fen of personnel) can round below the floor.
            expect(error).toBeInstanceOf(BudgetInputError);
            return;
          }
          const sum = e.lines.reduce((s, l) => s + l.amountFen, 0);
          expect(e.totalFen).toBe(sum);
          expect(e.personnelFen + e.nonPersonnelFen).toBe(e.totalFen);
          for (const line of e.lines) expect(Number.isSafeInteger(line.amountFen)).toBe(true);
          expect(e.personnelFen).toBe(e.perWorker.personnelFen * e.workers);
          expect(BigInt(e.personnelFen) * 10_000n >= 7_000n * BigInt(e.totalFen)).toBe(true);
        },
      ),
    );
  });
});

describe('whatIfStaffingRule', () => {
  it("prices Wuhan's 3-per-station rule [WH §2.2] for Zhengzhou's 70 stations of 2021 [ZZ §4.4, §5]", () => {
    const w = whatIfStaffingRule({
      profile: 'ZZ',
      ...COSTS,
      groups: [
        {
          label: '郑州市',
          stations: 70, // 2021: 全市共建成70个乡镇（街道）社工站 [ZZ §5]
          currentWorkersPerStation: defaultWorkersPerStation(getBudgetProfile('ZZ')),
          alternativeWorkersPerStation: defaultWorkersPerStation(getBudgetProfile('WH'), 'wh.central-urban'),
        },
      ],
    });
    // Workers: 70 × 2 = 140 now, 70 × 3 = 210 under WH's rule: 70 more.
    // Personnel: 140 × 8,268,000 = 1,157,520,000 → 210 × 8,268,000 = 1,736,280,000 (+578,760,000).
    // Other lines are 32% of personnel on both sides: totals 1,527,926,400 → 2,291,889,600.
    // Extra: 2,291,889,600 − 1,527,926,400 = 763,963,200 fen = 70 × 8,268,000 × 1.32.
    expect(w.groups).toEqual([
      { label: '郑州市', stations: 70, currentWorkers: 140, alternativeWorkers: 210, extraWorkers: 70 },
    ]);
    expect(w.extraWorkers).toBe(70);
    expect(w.extraPersonnelFen).toBe(578_760_000);
    expect(w.current.totalFen).toBe(1_527_926_400);
    expect(w.alternative.totalFen).toBe(2_291_889_600);
    expect(w.extraFen).toBe(763_963_200);
    expect(w.summary.zh).toBe(
      '70个社工站驻站社工140名→210名（+70），年度经费¥15,279,264.00→¥22,918,896.00（+¥7,639,632.00）',
    );
  });

  it('takes stations by category, each with its own numbers', () => {
    // Wuhan's central-urban stations at 3 and new-urban at 2, against a flat 2.
    const w = whatIfStaffingRule({
      profile: 'WH',
      ...COSTS,
      otherLinesBp: {},
      groups: [
        { label: '中心城区', stations: 50, currentWorkersPerStation: 2, alternativeWorkersPerStation: 3 },
        { label: '新城区', stations: 30, currentWorkersPerStation: 2, alternativeWorkersPerStation: 2 },
      ],
    });
    // 50 extra workers × 8,268,000 fen, no other lines.
    expect(w.extraWorkers).toBe(50);
    expect(w.extraFen).toBe(413_400_000);
    expect(w.current.stations).toBe(80);
  });

  it('reports a saving as a negative amount', () => {
    const w = whatIfStaffingRule({
      profile: 'PY',
      ...COSTS,
      groups: [{ label: 'x', stations: 1, currentWorkersPerStation: 3, alternativeWorkersPerStation: 2 }],
    });
    expect(w.extraWorkers).toBe(-1);
    expect(w.extraFen).toBe(-(8_268_000 + 2_645_760)); // one worker and 32% on top
    expect(w.summary.en).toContain('(-1)');
  });

  it('extra money is exactly the difference of the two totals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            label: fc.constant('g'),
            stations: fc.integer({ min: 0, max: 200 }),
            currentWorkersPerStation: fc.integer({ min: 0, max: 4 }),
            alternativeWorkersPerStation: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 100_000, max: 20_000_000 }),
        (groups, annualWageFen) => {
          const w = whatIfStaffingRule({
            profile: 'ZZ',
            annualWageFen,
            socialInsuranceRateBp: 3_000,
            groups,
          });
          expect(w.extraFen).toBe(w.alternative.totalFen - w.current.totalFen);
          expect(w.extraWorkers).toBe(w.groups.reduce((s, g) => s + g.extraWorkers, 0));
          if (w.extraWorkers > 0) expect(w.extraFen).toBeGreaterThan(0);
        },
      ),
    );
  });
});
