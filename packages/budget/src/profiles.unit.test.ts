import { describe, expect, it } from 'vitest';
import { BudgetInputError, BudgetProfileNotFoundError } from './errors.ts';
import {
  type BudgetProfile,
  budgetProfileFor,
  defaultWorkersPerStation,
  getBudgetProfile,
  listBudgetProfiles,
} from './profiles.ts';

const RULE_KEYS = [
  'personnelShare',
  'evaluationReserve',
  'assistanceFundCap',
  'separateAccounts',
  'singleSourcePurpose',
  'labourCostFloor',
  'signingDeadline',
  'cycle',
  'yearlySigning',
  'evaluations',
  'importedOperator',
  'officeArea',
] as const satisfies ReadonlyArray<keyof BudgetProfile>;

describe('budget profiles', () => {
  it('has HENAN, ZZ, PY and WH', () => {
    expect(listBudgetProfiles().map((p) => p.id)).toEqual(['HENAN', 'ZZ', 'PY', 'WH']);
    expect(() => getBudgetProfile('XX')).toThrow(BudgetProfileNotFoundError);
  });

  it('ZZ states every Henan rule plus the 70% share, the reserve and the 2% cap', () => {
    const zz = getBudgetProfile('ZZ');
    expect(zz.personnelShare).toMatchObject({ floorBp: 7_000, term: '不低于', citation: 'ZZ §6.3' });
    expect(zz.evaluationReserve?.citation).toBe('ZZ §6.3');
    expect(zz.assistanceFundCap).toMatchObject({ capBp: 200, term: '不高于', citation: 'ZZ §6.2' });
    expect(zz.signingDeadline).toMatchObject({ days: 30, term: '以内' });
    expect(zz.officeArea?.minM2).toBe(12);
  });

  it('PY encodes only what its draft says: no 70% share, reserve or 2% cap; a 20 m² office', () => {
    const py = getBudgetProfile('PY');
    expect([py.personnelShare, py.evaluationReserve, py.assistanceFundCap]).toEqual([null, null, null]);
    expect(py.separateAccounts?.citation).toBe('PY §6.3');
    expect(py.officeArea).toMatchObject({ minM2: 20, citation: 'PY §4.3' });
  });

  it('WH: labour cost floor, contracts of at most 3 years, one mid-term evaluation a year', () => {
    const wh = getBudgetProfile('WH');
    expect(wh.labourCostFloor?.citation).toBe('WH §2.2');
    expect(wh.cycle).toMatchObject({ maxYears: 3, severity: 'error', citation: 'WH §3.4' });
    expect(wh.evaluations).toMatchObject({ perYear: 1, kinds: ['mid-term'], citation: 'WH §3.4' });
    expect(wh.signingDeadline).toBeNull();
  });

  it('HENAN holds exactly the rules ZZ and PY share, never stricter than either', () => {
    const [henan, zz, py] = (['HENAN', 'ZZ', 'PY'] as const).map(getBudgetProfile) as [
      BudgetProfile,
      BudgetProfile,
      BudgetProfile,
    ];
    for (const key of RULE_KEYS) {
      expect(henan[key] !== null, key).toBe(zz[key] !== null && py[key] !== null);
      if (henan[key]) expect(henan[key].severity, key).toBe(zz[key]?.severity);
    }
    expect(henan.officeArea?.minM2).toBe(Math.min(zz.officeArea?.minM2 ?? 0, py.officeArea?.minM2 ?? 0));
    expect(henan.signingDeadline?.citation).toBe('ZZ §5.3, PY §5.3');
  });

  it('uses 原则上 → warning only for the contract cycle and yearly signing of ZZ/PY', () => {
    const warnings = listBudgetProfiles().flatMap((p) =>
      RULE_KEYS.filter((key) => p[key]?.severity === 'warning').map((key) => `${p.id}.${key}`),
    );
    expect(warnings).toEqual([
      'HENAN.cycle',
      'HENAN.yearlySigning',
      'ZZ.cycle',
      'ZZ.yearlySigning',
      'PY.cycle',
      'PY.yearlySigning',
    ]);
  });

  it('finds the profile of a region: its city, else its province', () => {
    expect(budgetProfileFor('410105').id).toBe('ZZ');
    expect(budgetProfileFor('410105001').id).toBe('ZZ');
    expect(budgetProfileFor('410171').id).toBe('ZZ');
    expect(budgetProfileFor('410100.zhengdong').id).toBe('ZZ');
    expect(budgetProfileFor('410902').id).toBe('PY');
    expect(budgetProfileFor('410300').id).toBe('HENAN');
    expect(budgetProfileFor('420102').id).toBe('WH');
    expect(() => budgetProfileFor('420500')).toThrow(BudgetProfileNotFoundError);
  });

  it('offers the estimator default workers per station', () => {
    expect(defaultWorkersPerStation(getBudgetProfile('ZZ'))).toBe(2);
    expect(defaultWorkersPerStation(getBudgetProfile('PY'), 'anything')).toBe(2);
    expect(defaultWorkersPerStation(getBudgetProfile('WH'), 'wh.central-urban')).toBe(3);
    expect(defaultWorkersPerStation(getBudgetProfile('WH'), 'wh.new-urban')).toBe(2);
    expect(() => defaultWorkersPerStation(getBudgetProfile('WH'))).toThrow(BudgetInputError);
  });
});
