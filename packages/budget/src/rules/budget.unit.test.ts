import { FindingSchema } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { BudgetInputError } from '../errors.ts';
import { type BudgetProfile, type BudgetProfileId, getBudgetProfile } from '../profiles.ts';
import { type ProjectBudget, type ProjectBudgetInput, ProjectBudgetSchema } from '../schema.ts';
import {
  checkAssistanceFundCap,
  checkEvaluationReserve,
  checkLabourCostFloor,
  checkPersonnelShare,
  checkSeparateAccounts,
  checkSingleSourcePurpose,
} from './budget.ts';

function param<K extends keyof BudgetProfile>(id: BudgetProfileId, key: K): NonNullable<BudgetProfile[K]> {
  const value = getBudgetProfile(id)[key];
  if (value === null) throw new Error(`${id} has no ${String(key)}`);
  return value as NonNullable<BudgetProfile[K]>;
}

function budget(overrides: Partial<ProjectBudgetInput> = {}): ProjectBudget {
  return ProjectBudgetSchema.parse({
    id: 'jinshui-2021',
    countyCode: '410105',
    year: 2021,
    stationsCovered: 1,
    workersBudgeted: 2,
    lines: [{ category: 'salary', amountFen: 10_000_000 }],
    ...overrides,
  });
}

/** A budget of ¥100,000.00 in all, `personnelFen` of it personnel (split over the three personnel lines). */
function withPersonnel(personnelFen: number, totalFen = 10_000_000): ProjectBudget {
  const salary = Math.floor(personnelFen / 2);
  const allowance = Math.floor(personnelFen / 4);
  return budget({
    lines: [
      { category: 'salary', amountFen: salary },
      { category: 'allowance', amountFen: allowance },
      { category: 'social-insurance', amountFen: personnelFen - salary - allowance },
      { category: 'service-activities', amountFen: totalFen - personnelFen - 100 },
      { category: 'evaluation-reserve', amountFen: 100 },
    ],
  });
}

describe('budget.personnel-share [ZZ §6.3]', () => {
  const zz = param('ZZ', 'personnelShare');

  it('passes at exactly 70% (不低于 includes the floor)', () => {
    expect(checkPersonnelShare(withPersonnel(7_000_000), zz)).toEqual([]);
  });
  it('fails one fen below 70%, even though the share rounds to 70.00%', () => {
    const [finding] = checkPersonnelShare(withPersonnel(6_999_999), zz);
    expect(FindingSchema.parse(finding)).toMatchObject({
      ruleId: 'budget.personnel-share',
      severity: 'error',
      citation: 'ZZ §6.3',
      subject: { kind: 'budget', id: 'jinshui-2021' },
      facts: {
        personnelFen: 6_999_999,
        projectFen: 10_000_000,
        share: '6999999/10000000',
        shareBp: 7_000,
        floorBp: 7_000,
      },
    });
    expect(finding?.message.zh).toContain('<70.00%');
    expect(finding?.message.en).toContain('¥69,999.99');
  });
  it('fails at 69.99% and reports the share', () => {
    const [finding] = checkPersonnelShare(withPersonnel(6_999_000), zz);
    expect(finding?.facts.shareBp).toBe(6_999);
    expect(finding?.message.zh).toContain('69.99%');
  });
  it('passes above 70% and with all money on personnel', () => {
    expect(checkPersonnelShare(withPersonnel(7_000_001), zz)).toEqual([]);
    expect(checkPersonnelShare(budget(), zz)).toEqual([]);
  });
  it('counts salary, allowances and social insurance, nothing else', () => {
    const b = budget({
      lines: [
        { category: 'social-insurance', amountFen: 7 },
        { category: 'supervision-training', amountFen: 1 },
        { category: 'project-management', amountFen: 1 },
        { category: 'other', amountFen: 1 },
      ],
    });
    expect(checkPersonnelShare(b, zz)).toEqual([]);
    b.lines[0] = { category: 'social-insurance', amountFen: 6 };
    expect(checkPersonnelShare(b, zz)).toHaveLength(1);
  });
  it('is exact for amounts far beyond any real budget', () => {
    expect(checkPersonnelShare(withPersonnel(7 * 10 ** 14, 10 ** 15), zz)).toEqual([]);
    expect(checkPersonnelShare(withPersonnel(7 * 10 ** 14 - 1, 10 ** 15), zz)).toHaveLength(1);
  });
});

describe('budget.evaluation-reserve [ZZ §6.3]', () => {
  const zz = param('ZZ', 'evaluationReserve');
  it('passes with a reserve of one fen or more', () => {
    expect(checkEvaluationReserve(withPersonnel(8_000_000), zz)).toEqual([]);
  });
  it('fails without an evaluation-reserve line, or with one of ¥0.00', () => {
    expect(checkEvaluationReserve(budget(), zz)).toMatchObject([
      { ruleId: 'budget.evaluation-reserve', severity: 'error', citation: 'ZZ §6.3' },
    ]);
    const zero = budget({
      lines: [
        { category: 'salary', amountFen: 1 },
        { category: 'evaluation-reserve', amountFen: 0 },
      ],
    });
    expect(checkEvaluationReserve(zero, zz)[0]?.facts).toEqual({ evaluationReserveFen: 0 });
  });
});

describe('budget.assistance-fund-cap [ZZ §6.2]', () => {
  const zz = param('ZZ', 'assistanceFundCap');
  // The county has ¥1,000,000.00 of 困难群众救助补助资金; 2% of it is ¥20,000.00 = 2,000,000 fen.
  const withAssistance = (amountFen: number, usedElsewhereFen = 0) =>
    budget({
      countyAssistanceFundsFen: 100_000_000,
      assistanceFundUsedElsewhereFen: usedElsewhereFen,
      sources: [
        { kind: 'assistance-fund', amountFen },
        { kind: 'general-budget', amountFen: 5_000_000 },
      ],
    });

  it('passes at exactly 2% (不高于 includes the cap)', () => {
    expect(checkAssistanceFundCap(withAssistance(2_000_000), zz)).toEqual([]);
  });
  it('fails one fen above 2%', () => {
    const [finding] = checkAssistanceFundCap(withAssistance(2_000_001), zz);
    expect(finding).toMatchObject({
      ruleId: 'budget.assistance-fund-cap',
      severity: 'error',
      citation: 'ZZ §6.2',
      facts: {
        usedFen: 2_000_001,
        countyAssistanceFundsFen: 100_000_000,
        share: '2000001/100000000',
        capBp: 200,
      },
    });
    expect(finding?.message.zh).toContain('>2.00%');
  });
  it("counts the county's other social work purchases from the fund", () => {
    expect(checkAssistanceFundCap(withAssistance(1_000_000, 1_000_000), zz)).toEqual([]);
    expect(checkAssistanceFundCap(withAssistance(1_000_000, 1_000_001), zz)).toHaveLength(1);
  });
  it('does not apply when the fund is not a source, even without the county total', () => {
    expect(checkAssistanceFundCap(budget({ sources: [{ kind: 'charity', amountFen: 1 }] }), zz)).toEqual([]);
  });
  it("asks for the county's total when the fund is a source", () => {
    const b = budget({ sources: [{ kind: 'assistance-fund', amountFen: 1 }] });
    expect(() => checkAssistanceFundCap(b, zz)).toThrow(BudgetInputError);
    try {
      checkAssistanceFundCap(b, zz);
    } catch (error) {
      expect((error as BudgetInputError).path).toEqual(['countyAssistanceFundsFen']);
    }
  });
});

describe('budget.separate-accounts [ZZ §6.3, PY §6.3]', () => {
  it('passes when other purchasers are booked apart', () => {
    const b = budget({
      sources: [
        { kind: 'general-budget', amountFen: 1 },
        { kind: 'other-purchaser', purchaser: '县妇联', amountFen: 500_000, separateAccount: true },
      ],
    });
    expect(checkSeparateAccounts(b, param('ZZ', 'separateAccounts'))).toEqual([]);
  });
  it('fails for each other purchaser not booked apart or not saying so, in order', () => {
    const b = budget({
      sources: [
        { kind: 'other-purchaser', purchaser: '县妇联', amountFen: 500_000, separateAccount: false },
        { kind: 'charity', amountFen: 1 },
        { kind: 'other-purchaser', purchaser: '县残联', amountFen: 300_000 },
      ],
    });
    const findings = checkSeparateAccounts(b, param('PY', 'separateAccounts'));
    expect(findings.map((f) => [f.citation, f.facts.sourceIndex, f.facts.purchaser])).toEqual([
      ['PY §6.3', 0, '县妇联'],
      ['PY §6.3', 2, '县残联'],
    ]);
    expect(findings[0]?.message.zh).toBe('县妇联的资金¥5,000.00未与民政购买服务单独核算、专项管理');
  });
});

describe('budget.single-source-purpose [ZZ §6.3, PY §6.3]', () => {
  const zz = param('ZZ', 'singleSourcePurpose');
  const single = (purpose: string[] | undefined, servicesPlanned: string[]) =>
    budget({ sources: [{ kind: 'assistance-fund', amountFen: 1, purpose }], servicesPlanned });

  it('passes when every planned domain or item lies inside the purpose', () => {
    expect(checkSingleSourcePurpose(single(['social-assistance'], ['social-assistance']), zz)).toEqual([]);
    expect(checkSingleSourcePurpose(single(['social-assistance'], ['sa.policy-outreach']), zz)).toEqual([]);
    expect(checkSingleSourcePurpose(single(['el.health'], ['el.health']), zz)).toEqual([]);
  });
  it('fails for services outside the purpose, naming them', () => {
    const [finding] = checkSingleSourcePurpose(
      single(['social-assistance'], ['social-assistance', 'elderly']),
      zz,
    );
    expect(finding).toMatchObject({
      ruleId: 'budget.single-source-purpose',
      severity: 'error',
      facts: { sourceKind: 'assistance-fund', purpose: ['social-assistance'], outside: ['elderly'] },
    });
  });
  it('treats a planned domain as wider than a purpose of one of its items', () => {
    expect(checkSingleSourcePurpose(single(['el.health'], ['elderly']), zz)).toHaveLength(1);
  });
  it('does not apply to a project with several kinds of source', () => {
    const b = budget({
      sources: [
        { kind: 'assistance-fund', amountFen: 1, purpose: ['social-assistance'] },
        { kind: 'general-budget', amountFen: 1 },
      ],
      servicesPlanned: ['elderly'],
    });
    expect(checkSingleSourcePurpose(b, zz)).toEqual([]);
  });
  it('pools the purposes of several entries of the one kind', () => {
    const b = budget({
      sources: [
        { kind: 'welfare-lottery', amountFen: 1, purpose: ['elderly'] },
        { kind: 'welfare-lottery', amountFen: 1, purpose: ['child-welfare'] },
      ],
      servicesPlanned: ['elderly', 'child-welfare'],
    });
    expect(checkSingleSourcePurpose(b, zz)).toEqual([]);
  });
  it('asks for the purpose and the planned services it needs', () => {
    expect(() => checkSingleSourcePurpose(single(undefined, ['elderly']), zz)).toThrow(
      /sources\[0\]\.purpose/,
    );
    expect(() => checkSingleSourcePurpose(single(['elderly'], []), zz)).toThrow(/servicesPlanned/);
  });
});

describe('budget.labour-cost-floor [WH §2.2]', () => {
  const wh = param('WH', 'labourCostFloor');
  const wage = 10_000_000; // an urban average wage of ¥100,000.00 a year
  const staffed = (personnelFen: number, workersBudgeted = 3) =>
    budget({
      workersBudgeted,
      lines: [
        { category: 'salary', amountFen: personnelFen - 1_000_000 },
        { category: 'social-insurance', amountFen: 1_000_000 },
        { category: 'service-activities', amountFen: 4_000_000 },
      ],
    });

  it('passes when labour cost equals the average wage per worker (不低于)', () => {
    expect(checkLabourCostFloor(staffed(30_000_000), wh, wage)).toEqual([]);
  });
  it('fails one fen below it', () => {
    const [finding] = checkLabourCostFloor(staffed(29_999_999), wh, wage);
    expect(finding).toMatchObject({
      ruleId: 'budget.labour-cost-floor',
      severity: 'error',
      citation: 'WH §2.2',
      facts: {
        personnelFen: 29_999_999,
        requiredFen: 30_000_000,
        workersBudgeted: 3,
        urbanAverageWageFen: wage,
      },
    });
  });
  it('does not apply to a budget with no workers', () => {
    expect(checkLabourCostFloor(staffed(1_000_001, 0), wh, wage)).toEqual([]);
  });
});
