import { describe, expect, it } from 'vitest';
import { checkCadence } from './cadence.ts';
import { getEvaluationProfile } from './profiles.ts';
import type { EvaluationRecordInput } from './records.ts';

const record = (
  overrides: Partial<EvaluationRecordInput> & { id: string; date: string },
): EvaluationRecordInput => ({
  stationId: 'st-1',
  kind: 'mid-term',
  conductedBy: 'county',
  ...overrides,
});
const check = (profile: string, records: EvaluationRecordInput[], asOf?: string) =>
  checkCadence({
    stationId: 'st-1',
    year: 2023,
    records,
    profile: getEvaluationProfile(profile),
    ...(asOf === undefined ? {} : { asOf }),
  });

describe('evaluation.cadence [ZZ §5.3, PY §5.3: the county evaluates twice a year]', () => {
  const twice = [
    record({ id: 'e1', date: '2023-06-28' }),
    record({ id: 'e2', date: '2023-12-20', kind: 'annual' }),
  ];

  it('accepts two county evaluations in the year', () => {
    expect(check('ZZ', twice)).toEqual([]);
    expect(check('PY', twice)).toEqual([]);
    expect(check('HENAN', twice)).toEqual([]);
  });

  it('flags one, citing the clause; spot checks are listed but do not count', () => {
    const findings = check('ZZ', [
      twice[0] as EvaluationRecordInput,
      record({ id: 's1', date: '2023-09-01', kind: 'spot-check', conductedBy: 'city' }),
      record({ id: 's2', date: '2023-10-01', kind: 'spot-check', conductedBy: 'province' }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'evaluation.cadence',
        severity: 'error',
        citation: 'ZZ §5.3',
        facts: expect.objectContaining({
          counted: 1,
          required: 2,
          evaluations: ['e1'],
          spotChecks: ['s1', 's2'],
        }),
      }),
    ]);
    expect(check('PY', [twice[0] as EvaluationRecordInput])[0]?.citation).toBe('PY §5.3');
  });

  it('ignores other stations and other years; a shortfall in a running year is a warning', () => {
    const elsewhere = [
      record({ id: 'x', date: '2023-06-01', stationId: 'st-2' }),
      record({ id: 'y', date: '2022-12-31' }),
      record({ id: 'z', date: '2024-01-01' }),
    ];
    expect(check('ZZ', elsewhere)[0]?.facts).toMatchObject({ counted: 0 });
    expect(check('ZZ', [twice[0] as EvaluationRecordInput], '2023-12-31')[0]?.severity).toBe('warning');
    expect(check('ZZ', [twice[0] as EvaluationRecordInput], '2024-01-01')[0]?.severity).toBe('error');
  });

  it('refuses a county evaluation recorded as a spot check', () => {
    expect(() => check('ZZ', [record({ id: 'bad', date: '2023-05-01', kind: 'spot-check' })])).toThrow(
      expect.objectContaining({ code: 'EVALUATION_INPUT_INVALID', path: ['records', 0, 'conductedBy'] }),
    );
  });
});

describe('evaluation.cadence [WH §3.4: at least one mid-term evaluation a year]', () => {
  it('accepts one mid-term, and refuses a year with only a final evaluation', () => {
    expect(check('WH', [record({ id: 'm', date: '2023-07-15' })])).toEqual([]);
    const findings = check('WH', [record({ id: 'f', date: '2023-12-15', kind: 'final' })]);
    expect(findings).toEqual([
      expect.objectContaining({
        citation: 'WH §3.4',
        facts: expect.objectContaining({ counted: 0, required: 1, kinds: ['mid-term'], notCounted: ['f'] }),
      }),
    ]);
  });

  it('does not count a city mid-term towards the district’s own', () => {
    expect(check('WH', [record({ id: 'c', date: '2023-07-15', conductedBy: 'city' })])).toHaveLength(1);
  });
});
