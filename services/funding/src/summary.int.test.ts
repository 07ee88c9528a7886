import { describe, expect, it } from 'vitest';
import {
  budgetInput,
  contractInput,
  type FundingHarness,
  rejection,
  startFunding,
} from './testing/harness.ts';

/**
 * Two Zhengzhou counties (金水区 410105, 中原区 410102), one Puyang county (濮阳县 410928) and one Wuhan
 * district (江岸区 420102), with contracts, budgets and payments inside and outside 2024.
 */
async function seed(h: FundingHarness): Promise<void> {
  const c = h.caller;
  await c.contracts.sign(contractInput({ id: 'C-JS-1', amountFen: 60_000_000 }));
  await c.contracts.sign(
    contractInput({
      id: 'C-JS-2',
      awardNoticeDate: '2024-05-01',
      signedOn: '2024-05-10',
      amountFen: 45_000_050,
    }),
  );
  await c.contracts.sign(
    contractInput({
      id: 'C-JS-2023',
      awardNoticeDate: '2023-03-01',
      signedOn: '2023-03-20',
      termStart: '2023-04-01',
      termEnd: '2026-03-31',
      yearlyTerms: [],
      amountFen: 50_000_000,
    }),
  );
  await c.contracts.sign(
    contractInput({
      id: 'C-ZY-1',
      countyCode: '410102',
      awardNoticeDate: '2024-05-15',
      signedOn: '2024-06-01',
      amountFen: 30_000_000,
    }),
  );
  await c.contracts.sign(
    contractInput({
      id: 'C-PY-1',
      countyCode: '410928',
      awardNoticeDate: '2024-03-15',
      signedOn: '2024-04-01',
      amountFen: 40_000_000,
    }),
  );
  await c.contracts.sign(contractInput({ id: 'C-WH-1', countyCode: '420102', amountFen: 70_000_000 }));

  await c.budgets.submit(budgetInput({ id: 'B-JS-1' })); // ¥240,000.00: general ¥180,000, superior ¥60,000
  await c.budgets.submit(
    budgetInput({
      id: 'B-JS-2',
      lines: [
        { category: 'salary', amountFen: 10_000_000 },
        { category: 'social-insurance', amountFen: 2_000_000 },
        { category: 'service-activities', amountFen: 3_000_001 },
        { category: 'evaluation-reserve', amountFen: 1 },
      ],
      sources: [
        { kind: 'welfare-lottery', amountFen: 5_000_000 },
        { kind: 'charity', amountFen: 10_000_002 },
      ],
    }),
  );
  await c.budgets.submit(budgetInput({ id: 'B-JS-2025', year: 2025 }));
  await c.budgets.submit(budgetInput({ id: 'B-ZY-1', countyCode: '410102' }));
  await c.budgets.submit(budgetInput({ id: 'B-PY-1', countyCode: '410928' }));
  await c.budgets.submit(budgetInput({ id: 'B-WH-1', countyCode: '420102', urbanAverageWageFen: 9_000_000 }));

  const pay = async (
    id: string,
    contractId: string,
    amountFen: number,
    appliedOn: string,
    paidOn: string | null,
  ) => {
    await c.payments.applyFor({
      id,
      contractId,
      amountFen,
      appliedOn,
      vouchers: [{ kind: 'invoice', ref: id }],
    });
    await c.payments.approve({ id, approvedOn: appliedOn });
    if (paidOn) await c.payments.pay({ id, paidOn });
  };
  await pay('P-1', 'C-JS-1', 7_000_000, '2024-07-01', '2024-07-10');
  await pay('P-2', 'C-JS-2023', 5_000_001, '2024-01-10', '2024-02-01'); // a 2023 contract paid in 2024
  await pay('P-3', 'C-JS-1', 3_000_000, '2024-08-01', null); // approved, not paid
  await pay('P-4', 'C-ZY-1', 4_500_000, '2024-12-01', '2024-12-31');
  await pay('P-5', 'C-JS-2023', 1_000_000, '2023-12-01', '2023-12-31'); // paid in 2023
  await pay('P-6', 'C-ZY-1', 2_000_000, '2024-12-20', '2025-01-01'); // paid in 2025
  await pay('P-7', 'C-PY-1', 8_000_000, '2024-08-01', '2024-09-01');
  await pay('P-8', 'C-WH-1', 9_000_000, '2024-08-01', '2024-09-01');
}

describe('funding.executionSummary', () => {
  it('equals the hand-computed sums for a county, its city and its province, in integer fen', async () => {
    await using h = await startFunding();
    await seed(h);

    const county = await h.caller.funding.executionSummary({ regionCode: '410105', year: 2024 });
    expect(county).toMatchObject({
      regionCode: '410105',
      year: 2024,
      contractCount: 2,
      contractedFen: 60_000_000 + 45_000_050,
      budgetCount: 2,
      budgetedFen: 24_000_000 + 15_000_002,
      budgetedSourcesFen: 24_000_000 + 15_000_002,
      paymentCount: 2,
      paidFen: 7_000_000 + 5_000_001,
      executionBp: 3_077, // 12,000,001 / 39,000,002 = 30.769…%
      executionShare: '12000001/39000002',
    });
    expect(county.budgetedBySourceKind).toEqual({
      'assistance-fund': 0,
      'welfare-lottery': 5_000_000,
      'general-budget': 18_000_000,
      'superior-subsidy': 6_000_000,
      charity: 10_000_002,
      'other-purchaser': 0,
    });
    expect(county.byCounty.map((c) => c.countyCode)).toEqual(['410105']);

    const city = await h.caller.funding.executionSummary({ regionCode: '410100', year: 2024 });
    expect(city).toMatchObject({
      contractCount: 3,
      contractedFen: 135_000_050,
      budgetCount: 3,
      budgetedFen: 63_000_002,
      paymentCount: 3,
      paidFen: 16_500_001,
      executionBp: 2_619,
      executionShare: '16500001/63000002',
    });
    expect(city.budgetedBySourceKind).toMatchObject({
      'general-budget': 36_000_000,
      'superior-subsidy': 12_000_000,
      'welfare-lottery': 5_000_000,
      charity: 10_000_002,
    });
    expect(city.byCounty.map((c) => [c.countyCode, c.contractedFen, c.budgetedFen, c.paidFen])).toEqual([
      ['410102', 30_000_000, 24_000_000, 4_500_000],
      ['410105', 105_000_050, 39_000_002, 12_000_001],
    ]);

    const province = await h.caller.funding.executionSummary({ regionCode: '41', year: 2024 });
    expect(province).toMatchObject({
      regionCode: '410000',
      contractedFen: 175_000_050,
      budgetedFen: 87_000_002,
      paidFen: 24_500_001,
      executionBp: 2_816,
    });

    for (const summary of [county, city, province]) {
      for (const value of [
        summary.contractedFen,
        summary.budgetedFen,
        summary.paidFen,
        summary.executionBp,
      ]) {
        expect(Number.isSafeInteger(value)).toBe(true);
      }
      for (const value of Object.values(summary.budgetedBySourceKind))
        expect(Number.isSafeInteger(value)).toBe(true);
    }

    const other = await h.caller.funding.executionSummary({ regionCode: '410105', year: 2023 });
    expect(other).toMatchObject({
      contractedFen: 50_000_000,
      budgetedFen: 0,
      paidFen: 1_000_000,
      executionBp: null,
    });
    const empty = await h.caller.funding.executionSummary({ regionCode: '410300', year: 2024 });
    expect(empty).toMatchObject({
      contractedFen: 0,
      budgetedFen: 0,
      paidFen: 0,
      executionBp: null,
      byCounty: [],
    });
  });

  it('refuses a township or an unknown region with a 400 naming regionCode', async () => {
    await using h = await startFunding();
    for (const regionCode of ['410105001', '999999']) {
      const r = await rejection(h.caller.funding.executionSummary({ regionCode, year: 2024 }));
      expect([r.status, r.fields]).toEqual([400, ['regionCode']]);
    }
  });
});
