import { periodEnd } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { type BudgetProfile, type BudgetProfileId, getBudgetProfile } from '../profiles.ts';
import { type PurchaseContract, type PurchaseContractInput, PurchaseContractSchema } from '../schema.ts';
import { checkCycle, checkEvaluations, checkSigningDeadline, checkYearlySigning } from './contract.ts';

function param<K extends keyof BudgetProfile>(id: BudgetProfileId, key: K): NonNullable<BudgetProfile[K]> {
  const value = getBudgetProfile(id)[key];
  if (value === null) throw new Error(`${id} has no ${String(key)}`);
  return value as NonNullable<BudgetProfile[K]>;
}

function contract(overrides: Partial<PurchaseContractInput> = {}): PurchaseContract {
  return PurchaseContractSchema.parse({
    id: 'C-2021-01',
    awardNoticeDate: '2021-01-19',
    signedOn: '2021-02-01',
    termStart: '2021-03-01',
    termEnd: '2024-02-29',
    cycleYears: 3,
    ...overrides,
  });
}

describe('contract.signing-deadline [ZZ §5.3, PY §5.3]', () => {
  it('counts 30 days from the day after the notice [民法典 art. 201]', () => {
    expect(periodEnd('2021-01-19', 30, 'day')).toBe('2021-02-18');
  });
  it.each(['ZZ', 'PY', 'HENAN'] as const)('%s: signing on day 30 is on time, on the notice day too', (id) => {
    expect(checkSigningDeadline(contract({ signedOn: '2021-02-18' }), param(id, 'signingDeadline'))).toEqual(
      [],
    );
    expect(checkSigningDeadline(contract({ signedOn: '2021-01-19' }), param(id, 'signingDeadline'))).toEqual(
      [],
    );
  });
  it('signing on day 31 is late', () => {
    const [finding] = checkSigningDeadline(
      contract({ signedOn: '2021-02-19' }),
      param('ZZ', 'signingDeadline'),
    );
    expect(finding).toMatchObject({
      ruleId: 'contract.signing-deadline',
      severity: 'error',
      citation: 'ZZ §5.3',
      subject: { kind: 'contract', id: 'C-2021-01' },
      facts: { deadline: '2021-02-18', daysAfterNotice: 31, limitDays: 30 },
    });
  });
  it('crosses month ends by calendar days', () => {
    const c = contract({ awardNoticeDate: '2024-01-31', signedOn: '2024-03-01' }); // 2024 is a leap year
    expect(checkSigningDeadline(c, param('PY', 'signingDeadline'))).toEqual([]);
    const late = contract({ awardNoticeDate: '2023-01-31', signedOn: '2023-03-03' });
    expect(checkSigningDeadline(late, param('PY', 'signingDeadline'))[0]?.facts.deadline).toBe('2023-03-02');
  });
});

describe('contract.cycle [ZZ §5.3, PY §5.3, WH §3.4]', () => {
  it('passes a 3-year cycle ending the day before, or on, the third anniversary', () => {
    expect(checkCycle(contract(), param('ZZ', 'cycle'))).toEqual([]);
    expect(checkCycle(contract({ termEnd: '2024-03-01' }), param('ZZ', 'cycle'))).toEqual([]);
    expect(checkCycle(contract({ cycleYears: 1, termEnd: '2022-02-28' }), param('ZZ', 'cycle'))).toEqual([]);
  });
  it('ZZ: a longer cycle is a warning (原则上以3年为一个周期)', () => {
    expect(
      checkCycle(contract({ cycleYears: 4, termEnd: '2025-02-28' }), param('ZZ', 'cycle')),
    ).toMatchObject([
      { ruleId: 'contract.cycle', severity: 'warning', citation: 'ZZ §5.3', facts: { cycleYears: 4 } },
    ]);
    expect(checkCycle(contract({ termEnd: '2024-03-02' }), param('PY', 'cycle'))).toMatchObject([
      { severity: 'warning', citation: 'PY §5.3', facts: { latestTermEnd: '2024-03-01' } },
    ]);
  });
  it('WH: more than 3 years is an error (期限最长3年)', () => {
    expect(checkCycle(contract({ cycleYears: 3 }), param('WH', 'cycle'))).toEqual([]);
    expect(
      checkCycle(contract({ cycleYears: 4, termEnd: '2025-02-28' }), param('WH', 'cycle')),
    ).toMatchObject([{ ruleId: 'contract.cycle', severity: 'error', citation: 'WH §3.4' }]);
  });
});

describe('contract.yearly-signing [ZZ §5.3, PY §5.3]', () => {
  const zz = param('ZZ', 'yearlySigning');
  it('needs nothing before year 2 begins: the contract is year 1', () => {
    expect(checkYearlySigning(contract(), zz, '2022-02-28')).toEqual([]);
  });
  it('needs an agreement once year 2 has begun', () => {
    expect(checkYearlySigning(contract(), zz, '2022-03-01')).toMatchObject([
      {
        ruleId: 'contract.yearly-signing',
        severity: 'warning',
        citation: 'ZZ §5.3',
        facts: { year: 2, from: '2022-03-01' },
      },
    ]);
    const signed = contract({ yearlyTerms: [{ year: 2, signedOn: '2022-02-20' }] });
    expect(checkYearlySigning(signed, zz, '2022-03-01')).toEqual([]);
  });
  it('does not count an agreement signed after the day of the check', () => {
    const later = contract({ yearlyTerms: [{ year: 2, signedOn: '2022-03-10' }] });
    expect(checkYearlySigning(later, zz, '2022-03-05')).toHaveLength(1);
    expect(checkYearlySigning(later, zz, '2022-03-10')).toEqual([]);
  });
  it('reports each missing year', () => {
    expect(checkYearlySigning(contract(), zz, '2024-01-01').map((f) => f.facts.year)).toEqual([2, 3]);
  });
});

describe('contract.evaluations [ZZ §5.3, PY §5.3, WH §3.4]', () => {
  const zz = param('ZZ', 'evaluations');
  const wh = param('WH', 'evaluations');
  // Year 1 runs 2021-03-01 … 2022-02-28.
  it('does not judge a year that is not over', () => {
    expect(checkEvaluations(contract(), zz, '2022-02-28')).toEqual([]);
  });
  it('ZZ: two county evaluations in a year pass, one fails', () => {
    const two = contract({
      evaluations: [
        { date: '2021-08-31', kind: 'mid-term' },
        { date: '2022-02-28', kind: 'annual' },
      ],
    });
    expect(checkEvaluations(two, zz, '2022-03-01')).toEqual([]);
    const one = contract({ evaluations: [{ date: '2021-08-31', kind: 'mid-term' }] });
    expect(checkEvaluations(one, zz, '2022-03-01')).toMatchObject([
      {
        ruleId: 'contract.evaluations',
        severity: 'error',
        citation: 'ZZ §5.3',
        facts: { year: 1, from: '2021-03-01', to: '2022-02-28', count: 1, required: 2 },
      },
    ]);
  });
  it("ZZ: a city spot check is not one of the county's two, and a day after the year is the next year", () => {
    const c = contract({
      evaluations: [
        { date: '2021-08-31', kind: 'mid-term' },
        { date: '2021-12-01', kind: 'spot-check' },
        { date: '2022-03-01', kind: 'annual' },
      ],
    });
    expect(checkEvaluations(c, zz, '2022-03-02').map((f) => f.facts.count)).toEqual([1]);
  });
  it('WH: one mid-term evaluation per execution year passes; a final one alone does not', () => {
    const mid = contract({ evaluations: [{ date: '2021-09-01', kind: 'mid-term' }] });
    expect(checkEvaluations(mid, wh, '2022-03-01')).toEqual([]);
    const final = contract({ evaluations: [{ date: '2022-02-20', kind: 'final' }] });
    expect(checkEvaluations(final, wh, '2022-03-01')).toMatchObject([
      { citation: 'WH §3.4', facts: { count: 0 } },
    ]);
  });
  it('judges every year that is over, the last one cut at the term end', () => {
    const c = contract({ termEnd: '2022-08-31', cycleYears: 2 });
    expect(checkEvaluations(c, wh, '2022-09-01').map((f) => [f.facts.year, f.facts.to])).toEqual([
      [1, '2022-02-28'],
      [2, '2022-08-31'],
    ]);
  });
});
