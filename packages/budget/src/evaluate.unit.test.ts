import { compareFindings, DomainError } from '@shegong/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BudgetInputError, BudgetProfileNotFoundError } from './errors.ts';
import { evaluateBudget, evaluateContract, evaluateFacilities, evaluateOperator } from './evaluate.ts';
import { getBudgetProfile } from './profiles.ts';
import {
  BudgetLineCategorySchema,
  FundingSourceKindSchema,
  isPersonnel,
  NON_PERSONNEL_CATEGORIES,
  type ProjectBudgetInput,
} from './schema.ts';

function inputError(fn: () => unknown): BudgetInputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BudgetInputError);
    expect(error).toBeInstanceOf(DomainError);
    return error as BudgetInputError;
  }
  throw new Error('expected a BudgetInputError');
}

const GOOD: ProjectBudgetInput = {
  id: 'jinshui-2021',
  countyCode: '410105',
  year: 2021,
  stationsCovered: 1,
  workersBudgeted: 2,
  lines: [
    { category: 'salary', amountFen: 12_000_000 },
    { category: 'social-insurance', amountFen: 3_600_000 },
    { category: 'supervision-training', amountFen: 1_000_000 },
    { category: 'service-activities', amountFen: 2_500_000 },
    { category: 'project-management', amountFen: 900_000 },
    { category: 'evaluation-reserve', amountFen: 500_000 },
  ],
  sources: [
    { kind: 'assistance-fund', amountFen: 4_000_000 },
    { kind: 'general-budget', amountFen: 16_500_000 },
  ],
  countyAssistanceFundsFen: 300_000_000,
  servicesPlanned: ['social-assistance', 'elderly'],
};

describe('evaluateBudget', () => {
  it('returns nothing for a budget that meets every ZZ rule', () => {
    expect(evaluateBudget(GOOD, 'ZZ')).toEqual([]);
  });

  it('runs only the rules the profile states', () => {
    const thin = {
      ...GOOD,
      lines: [
        { category: 'salary', amountFen: 1 },
        { category: 'other', amountFen: 9 },
      ],
    };
    expect(evaluateBudget(thin, 'ZZ').map((f) => f.ruleId)).toEqual([
      'budget.evaluation-reserve',
      'budget.personnel-share',
    ]);
    expect(evaluateBudget(thin, 'PY')).toEqual([]);
    expect(evaluateBudget(thin, 'HENAN')).toEqual([]);
  });

  it('reproduces its JSDoc example', () => {
    const example = {
      id: 'jinshui-2021',
      countyCode: '410105',
      year: 2021,
      stationsCovered: 1,
      workersBudgeted: 2,
      lines: [
        { category: 'salary', amountFen: 12_000_000 },
        { category: 'social-insurance', amountFen: 3_600_000 },
        { category: 'service-activities', amountFen: 7_400_000 },
      ],
    };
    const findings = evaluateBudget(example, 'ZZ');
    expect(findings.map((f) => f.ruleId)).toEqual(['budget.evaluation-reserve', 'budget.personnel-share']);
    expect(findings[1]?.facts.shareBp).toBe(6_783);
  });

  it('sorts findings with compareFindings', () => {
    const bad = {
      ...GOOD,
      lines: [{ category: 'other', amountFen: 1 }],
      sources: [
        { kind: 'other-purchaser', amountFen: 1 },
        { kind: 'assistance-fund', amountFen: 300_000_000 },
      ],
    };
    const findings = evaluateBudget(bad, 'ZZ');
    expect(findings.map((f) => f.ruleId)).toEqual([
      'budget.assistance-fund-cap',
      'budget.evaluation-reserve',
      'budget.personnel-share',
      'budget.separate-accounts',
    ]);
    expect([...findings].sort(compareFindings)).toEqual(findings);
  });

  it('needs the urban average wage under WH [WH §2.2]', () => {
    expect(inputError(() => evaluateBudget(GOOD, 'WH')).path).toEqual(['urbanAverageWageFen']);
    // ¥156,000.00 of labour cost for 2 workers: ¥78,000.00 each.
    expect(evaluateBudget(GOOD, 'WH', { urbanAverageWageFen: 7_800_000 })).toEqual([]);
    expect(evaluateBudget(GOOD, 'WH', { urbanAverageWageFen: 7_800_001 }).map((f) => f.ruleId)).toEqual([
      'budget.labour-cost-floor',
    ]);
  });

  it('names the bad field of malformed input', () => {
    const fractional = { ...GOOD, lines: [{ category: 'salary', amountFen: 12.5 }] };
    const error = inputError(() => evaluateBudget(fractional, 'ZZ'));
    expect(error.code).toBe('BUDGET_INPUT_INVALID');
    expect(error.path).toEqual(['lines', 0, 'amountFen']);
    expect(error.message).toContain('lines[0].amountFen');
    expect(inputError(() => evaluateBudget({ ...GOOD, countyCode: '4101' }, 'ZZ')).path).toEqual([
      'countyCode',
    ]);
    expect(
      inputError(() => evaluateBudget({ ...GOOD, countyAssistanceFundsFen: 2 ** 53 }, 'ZZ')).path,
    ).toEqual(['countyAssistanceFundsFen']);
    expect(inputError(() => evaluateBudget({ ...GOOD, servicesPlanned: ['eldercare'] }, 'ZZ')).path).toEqual([
      'servicesPlanned',
      0,
    ]);
    const noMoney = { ...GOOD, lines: [{ category: 'salary', amountFen: 0 }] };
    expect(inputError(() => evaluateBudget(noMoney, 'ZZ')).path).toEqual(['lines']);
  });

  it('refuses an unknown profile', () => {
    expect(() => evaluateBudget(GOOD, 'XX' as 'ZZ')).toThrow(BudgetProfileNotFoundError);
  });

  it('accepts a hand-made profile and validates it', () => {
    const stricter = {
      ...getBudgetProfile('ZZ'),
      personnelShare: { ...getBudgetProfile('ZZ').personnelShare, floorBp: 8_000 },
    };
    expect(evaluateBudget(GOOD, stricter as never).map((f) => f.ruleId)).toEqual(['budget.personnel-share']);
    const broken = { ...getBudgetProfile('ZZ'), officeArea: { citation: 'somewhere' } };
    expect(() => evaluateBudget(GOOD, broken as never)).toThrow(BudgetInputError);
  });
});

describe('evaluateContract, evaluateOperator, evaluateFacilities', () => {
  const contract = {
    id: 'C-2021-01',
    awardNoticeDate: '2021-03-01',
    signedOn: '2021-04-01',
    termStart: '2021-04-01',
    termEnd: '2024-03-31',
    cycleYears: 3,
  };
  it('reproduces the JSDoc examples', () => {
    expect(evaluateContract(contract, 'ZZ', { asOf: '2021-06-30' }).map((f) => f.ruleId)).toEqual([
      'contract.signing-deadline',
    ]);
    expect(
      evaluateOperator({ id: 'op-1', name: '某社工中心', origin: 'imported', rating: '2A' }, 'PY')[0]?.ruleId,
    ).toBe('operator.imported-rating');
    expect(evaluateFacilities({ stationId: '410105001', officeAreaM2: 12 }, 'ZZ')).toEqual([]);
    expect(evaluateFacilities({ stationId: '410902001', officeAreaM2: 12 }, 'PY')[0]?.ruleId).toBe(
      'station.office-area',
    );
  });
  it('gathers every contract rule, sorted', () => {
    const findings = evaluateContract(contract, 'ZZ', { asOf: '2023-06-30' });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['contract.evaluations', 'error'],
      ['contract.evaluations', 'error'],
      ['contract.signing-deadline', 'error'],
      ['contract.yearly-signing', 'warning'],
      ['contract.yearly-signing', 'warning'],
    ]);
  });
  it('under WH checks only the cycle and the mid-term evaluations', () => {
    expect(evaluateContract(contract, 'WH', { asOf: '2021-06-30' })).toEqual([]);
  });
  it('names bad contract fields, including dates out of order', () => {
    expect(
      inputError(() =>
        evaluateContract({ ...contract, signedOn: '2021-02-28' }, 'ZZ', { asOf: '2021-06-30' }),
      ).path,
    ).toEqual(['signedOn']);
    expect(
      inputError(() => evaluateContract({ ...contract, termEnd: '2021-02-30' }, 'ZZ', { asOf: '2021-06-30' }))
        .path,
    ).toEqual(['termEnd']);
    expect(inputError(() => evaluateContract(contract, 'ZZ', { asOf: 'today' })).path).toEqual(['asOf']);
    const twice = {
      ...contract,
      yearlyTerms: [
        { year: 2, signedOn: '2022-03-01' },
        { year: 2, signedOn: '2022-03-02' },
      ],
    };
    expect(inputError(() => evaluateContract(twice, 'ZZ', { asOf: '2022-06-30' })).path).toEqual([
      'yearlyTerms',
      1,
      'year',
    ]);
  });
  it('names bad operator and station fields', () => {
    expect(
      inputError(() => evaluateOperator({ id: 'op', name: 'x', origin: 'imported', rating: '6A' }, 'ZZ'))
        .path,
    ).toEqual(['rating']);
    expect(inputError(() => evaluateFacilities({ stationId: 's', officeAreaM2: -1 }, 'ZZ')).path).toEqual([
      'officeAreaM2',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const lineArb = fc.record({
  category: fc.constantFrom(...BudgetLineCategorySchema.options),
  amountFen: fc.integer({ min: 0, max: 1_000_000_000 }),
});
const sourceArb = fc.record({
  kind: fc.constantFrom(...FundingSourceKindSchema.options),
  amountFen: fc.integer({ min: 0, max: 1_000_000_000 }),
  purpose: fc.subarray(['social-assistance', 'elderly', 'child-welfare', 'sa.policy-outreach'], {
    minLength: 1,
  }),
  separateAccount: fc.option(fc.boolean(), { nil: undefined }),
});
const budgetArb = fc.record({
  id: fc.constant('b'),
  countyCode: fc.constant('410105'),
  year: fc.constant(2022),
  stationsCovered: fc.integer({ min: 0, max: 20 }),
  workersBudgeted: fc.integer({ min: 0, max: 60 }),
  lines: fc
    .array(lineArb, { minLength: 1, maxLength: 8 })
    .map((lines) => [...lines, { category: 'service-activities' as const, amountFen: 1 }]),
  sources: fc.array(sourceArb, { maxLength: 5 }),
  countyAssistanceFundsFen: fc.integer({ min: 0, max: 10_000_000_000 }),
  assistanceFundUsedElsewhereFen: fc.integer({ min: 0, max: 100_000_000 }),
  servicesPlanned: fc.subarray(['social-assistance', 'elderly', 'el.health', 'community-governance'], {
    minLength: 1,
  }),
});

describe('properties of evaluateBudget', () => {
  it('gives the same findings for the same input, every time', () => {
    fc.assert(
      fc.property(
        budgetArb,
        fc.constantFrom('HENAN', 'ZZ', 'PY', 'WH') as fc.Arbitrary<'ZZ'>,
        (b, profile) => {
          const options = { urbanAverageWageFen: 8_000_000 };
          const first = evaluateBudget(b, profile, options);
          expect(evaluateBudget(structuredClone(b), profile, options)).toEqual(first);
          expect(evaluateBudget(b, profile, options)).toEqual(first);
        },
      ),
    );
  });

  it('flags personnel share exactly when personnel × 10,000 < 7,000 × total', () => {
    fc.assert(
      fc.property(budgetArb, (b) => {
        const personnel = b.lines
          .filter((l) => isPersonnel(l.category))
          .reduce((s, l) => s + BigInt(l.amountFen), 0n);
        const total = b.lines.reduce((s, l) => s + BigInt(l.amountFen), 0n);
        const flagged = evaluateBudget(b, 'ZZ').some((f) => f.ruleId === 'budget.personnel-share');
        expect(flagged).toBe(personnel * 10_000n < 7_000n * total);
      }),
    );
  });

  it('never adds a personnel-share finding when one fen moves from a non-personnel line to salary', () => {
    fc.assert(
      fc.property(budgetArb, fc.nat(), (b, pick) => {
        const donors = b.lines
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => (NON_PERSONNEL_CATEGORIES as readonly string[]).includes(line.category))
          .filter(({ line }) => line.amountFen > 0);
        const donor = donors[pick % donors.length];
        if (!donor) throw new Error('the arbitrary always has a non-personnel fen');
        const moved = structuredClone(b);
        const from = moved.lines[donor.index];
        if (!from) throw new Error('index');
        from.amountFen -= 1;
        const salary = moved.lines.find((l) => l.category === 'salary');
        if (salary) salary.amountFen += 1;
        else moved.lines.push({ category: 'salary', amountFen: 1 });

        const count = (input: typeof b) =>
          evaluateBudget(input, 'ZZ').filter((f) => f.ruleId === 'budget.personnel-share').length;
        expect(count(moved)).toBeLessThanOrEqual(count(b));
      }),
    );
  });
});
