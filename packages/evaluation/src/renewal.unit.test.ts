import { describe, expect, it } from 'vitest';
import { getEvaluationProfile } from './profiles.ts';
import type { EvaluationRecordInput } from './records.ts';
import { type ContractYear, decideRenewal, type IneligibilityPeriod, isEligible } from './renewal.ts';

const YEAR: ContractYear = {
  contractId: 'c-1',
  operatorId: 'op-1',
  stationId: 'st-1',
  year: 1,
  from: '2023-01-01',
  to: '2023-12-31',
};
const record = (
  overrides: Partial<EvaluationRecordInput> & { id: string; date: string },
): EvaluationRecordInput => ({
  stationId: 'st-1',
  contractId: 'c-1',
  kind: 'mid-term',
  conductedBy: 'county',
  ...overrides,
});
const midterm = record({ id: 'm', date: '2023-06-28', grade: 'good' });

describe('renewal [ZZ §5.3, PY §5.3: renewed only after passing the annual evaluation]', () => {
  const zz = getEvaluationProfile('ZZ');

  it('renews when the annual evaluation passes, with it as evidence', () => {
    const decision = decideRenewal(zz, YEAR, [
      midterm,
      record({ id: 'a', date: '2023-12-20', kind: 'annual', grade: 'pass' }),
    ]);
    expect(decision).toMatchObject({
      decision: 'renew',
      discretionary: false,
      citation: 'ZZ §5.3',
      consequences: [],
      ineligibility: null,
    });
    expect(decision.evidence.map((e) => e.id)).toEqual(['a']);
  });

  it('re-procures on a failing annual evaluation, with rectification and a year without eligibility [ZZ §6.4]', () => {
    const decision = decideRenewal(zz, YEAR, [
      midterm,
      record({ id: 'a', date: '2023-12-20', kind: 'annual', grade: 'fail' }),
    ]);
    expect(decision.decision).toBe('re-procure');
    expect(decision.consequences.map((c) => [c.kind, c.citation])).toEqual([
      ['re-procurement', 'ZZ §5.3'],
      ['rectification', 'ZZ §6.4'],
      ['ineligibility', 'ZZ §6.4'],
    ]);
    // The period starts the day after the evaluation [CIVIL art. 201] and ends on the corresponding day [art. 202].
    expect(decision.ineligibility).toEqual({
      operatorId: 'op-1',
      decidedOn: '2023-12-20',
      from: '2023-12-21',
      to: '2024-12-20',
      citation: 'ZZ §6.4',
      basis: 'default',
      evaluationId: 'a',
      contractId: 'c-1',
    });
  });

  it('treats a vetoed annual evaluation as failing, and PY has no ineligibility clause', () => {
    const vetoed = [record({ id: 'a', date: '2023-12-20', kind: 'final', vetoed: true })];
    expect(decideRenewal(zz, YEAR, vetoed).ineligibility).not.toBeNull();
    const py = decideRenewal(getEvaluationProfile('PY'), YEAR, vetoed);
    expect(py).toMatchObject({ decision: 're-procure', citation: 'PY §5.3', ineligibility: null });
    expect(py.consequences.map((c) => c.kind)).toEqual(['re-procurement']);
  });

  it('cannot decide without a graded annual evaluation: a mid-term or a spot check is not one', () => {
    const decision = decideRenewal(zz, YEAR, [
      midterm,
      record({ id: 's', date: '2023-10-01', kind: 'spot-check', conductedBy: 'city', grade: 'excellent' }),
      record({ id: 'a', date: '2023-12-20', kind: 'annual' }),
      record({ id: 'late', date: '2024-01-02', kind: 'annual', grade: 'excellent' }),
    ]);
    expect(decision.decision).toBe('undetermined');
    expect(decision.findings).toEqual([
      expect.objectContaining({
        ruleId: 'renewal.evaluation-missing',
        severity: 'error',
        citation: 'ZZ §5.3',
      }),
    ]);
  });
});

describe('renewal [WH §3.4: may renew when every evaluation is excellent; exit and temporary takeover]', () => {
  const wh = getEvaluationProfile('WH');

  it('may renew when the mid-term, the final and a city spot check are all excellent', () => {
    const decision = decideRenewal(wh, YEAR, [
      record({ id: 'm', date: '2023-06-28', grade: 'excellent' }),
      record({ id: 's', date: '2023-09-01', kind: 'spot-check', conductedBy: 'city', grade: 'excellent' }),
      record({ id: 'f', date: '2023-12-20', kind: 'final', grade: 'excellent' }),
    ]);
    expect(decision).toMatchObject({ decision: 'renew', discretionary: true, citation: 'WH §3.4' });
    expect(decision.evidence.map((e) => e.id)).toEqual(['m', 's', 'f']);
  });

  it('does not renew when one evaluation is only good: re-procurement, exit and the takeover plan', () => {
    const decision = decideRenewal(wh, YEAR, [
      record({ id: 'm', date: '2023-06-28', grade: 'good' }),
      record({ id: 'f', date: '2023-12-20', kind: 'final', grade: 'excellent' }),
    ]);
    expect(decision.decision).toBe('re-procure');
    expect(decision.consequences.map((c) => [c.kind, c.citation])).toEqual([
      ['re-procurement', 'WH §3.4'],
      ['exit', 'WH §3.4'],
      ['temporary-takeover', 'WH §3.4'],
    ]);
    expect(decision.ineligibility).toBeNull(); // WH states no ineligibility period
  });
});

describe('isEligible: the ineligibility window, both ends included [CIVIL art. 201, 202, 1259]', () => {
  const history: IneligibilityPeriod[] = [
    {
      operatorId: 'op-1',
      decidedOn: '2023-12-20',
      from: '2023-12-21',
      to: '2024-12-20',
      citation: 'ZZ §6.4',
      basis: 'default',
    },
  ];

  it('is eligible on the day of the failing evaluation, not from the next day to the end, again the day after', () => {
    expect(isEligible(history, '2023-12-20')).toBe(true);
    expect(isEligible(history, '2023-12-21')).toBe(false);
    expect(isEligible(history, '2024-06-30')).toBe(false);
    expect(isEligible(history, '2024-12-20')).toBe(false);
    expect(isEligible(history, '2024-12-21')).toBe(true);
    expect(isEligible([], '2024-06-30')).toBe(true);
  });

  it('ends a period that follows 29 February on 28 February of the next year [art. 202]', () => {
    const decision = decideRenewal(
      getEvaluationProfile('ZZ'),
      { ...YEAR, from: '2024-01-01', to: '2024-12-31' },
      [record({ id: 'a', date: '2024-02-29', kind: 'annual', grade: 'fail' })],
    );
    expect(decision.ineligibility).toMatchObject({ from: '2024-03-01', to: '2025-02-28' });
    const period = decision.ineligibility as IneligibilityPeriod;
    expect(isEligible([period], '2025-02-28')).toBe(false);
    expect(isEligible([period], '2025-03-01')).toBe(true);
  });
});
