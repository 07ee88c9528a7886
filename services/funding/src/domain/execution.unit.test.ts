import { describe, expect, it } from 'vitest';
import { addExact, type ExecutionRows, summarizeExecution } from './execution.ts';

const EMPTY: ExecutionRows = { contracts: [], budgets: [], sources: [], payments: [] };

describe('summarizeExecution', () => {
  it('adds counties up to the region and keeps each county apart', () => {
    const summary = summarizeExecution('410100', 2024, {
      contracts: [
        { countyCode: '410105', count: 2, amountFen: 50_000_000 },
        { countyCode: '410102', count: 1, amountFen: 20_000_001 },
      ],
      budgets: [
        { countyCode: '410105', count: 1, totalFen: 30_000_000 },
        { countyCode: '410102', count: 2, totalFen: 15_000_000 },
      ],
      sources: [
        { countyCode: '410105', kind: 'general-budget', amountFen: 20_000_000 },
        { countyCode: '410105', kind: 'superior-subsidy', amountFen: 10_000_000 },
        { countyCode: '410102', kind: 'general-budget', amountFen: 14_000_000 },
      ],
      payments: [
        { countyCode: '410105', count: 3, amountFen: 10_000_000 },
        { countyCode: '410102', count: 1, amountFen: 5_000_000 },
      ],
    });
    expect(summary).toMatchObject({
      regionCode: '410100',
      year: 2024,
      contractCount: 3,
      contractedFen: 70_000_001,
      budgetCount: 3,
      budgetedFen: 45_000_000,
      budgetedSourcesFen: 44_000_000,
      paymentCount: 4,
      paidFen: 15_000_000,
      executionBp: 3_333, // 1/3 = 33.33…%
      executionShare: '1/3',
    });
    expect(summary.budgetedBySourceKind).toEqual({
      'assistance-fund': 0,
      'welfare-lottery': 0,
      'general-budget': 34_000_000,
      'superior-subsidy': 10_000_000,
      charity: 0,
      'other-purchaser': 0,
    });
    expect(summary.byCounty.map((c) => [c.countyCode, c.paidFen, c.budgetedFen, c.executionBp])).toEqual([
      ['410102', 5_000_000, 15_000_000, 3_333],
      ['410105', 10_000_000, 30_000_000, 3_333],
    ]);
  });

  it('rounds the ratio half up and keeps the exact fraction', () => {
    const rows = (paid: number, budgeted: number): ExecutionRows => ({
      ...EMPTY,
      budgets: [{ countyCode: '410105', count: 1, totalFen: budgeted }],
      payments: [{ countyCode: '410105', count: 1, amountFen: paid }],
    });
    expect(summarizeExecution('410105', 2024, rows(2, 3))).toMatchObject({
      executionBp: 6_667,
      executionShare: '2/3',
    });
    // 1/20,000 = 0.5 bp exactly: half up gives 1.
    expect(summarizeExecution('410105', 2024, rows(1, 20_000)).executionBp).toBe(1);
    expect(summarizeExecution('410105', 2024, rows(1, 20_001)).executionBp).toBe(0);
    // Paying more than budgeted shows as more than 100%.
    expect(summarizeExecution('410105', 2024, rows(15, 10))).toMatchObject({
      executionBp: 15_000,
      executionShare: '3/2',
    });
  });

  it('has no ratio when nothing is budgeted, and zeros everywhere for an empty region', () => {
    const summary = summarizeExecution('410000', 2024, {
      ...EMPTY,
      payments: [{ countyCode: '410105', count: 1, amountFen: 100 }],
    });
    expect(summary.executionBp).toBeNull();
    expect(summary.executionShare).toBeNull();
    const empty = summarizeExecution('410000', 2024, EMPTY);
    expect(empty).toMatchObject({ contractedFen: 0, budgetedFen: 0, paidFen: 0, executionBp: null });
    expect(empty.byCounty).toEqual([]);
  });

  it('stays exact at large amounts and refuses to overflow', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(addExact(big, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => addExact(big, 2)).toThrow(RangeError);
    expect(() => addExact(0.5, 1)).toThrow(RangeError);
    const summary = summarizeExecution('410000', 2024, {
      ...EMPTY,
      budgets: [{ countyCode: '410105', count: 1, totalFen: 9_000_000_000_000_000 }],
      payments: [{ countyCode: '410105', count: 1, amountFen: 3_000_000_000_000_000 }],
    });
    expect(summary.executionBp).toBe(3_333);
    expect(summary.executionShare).toBe('1/3');
  });
});
