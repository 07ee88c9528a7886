import { type HubClient, useHubQuery } from '../hub.tsx';

/** Budget execution of a region in a year as `funding.funding.executionSummary` answers it (integer fen). */
export type ExecutionSummary = Awaited<
  ReturnType<HubClient['funding']['funding']['executionSummary']['query']>
>;
/** One row of an execution table: a region's figures with its code and name. */
export type ExecutionRow = Omit<ExecutionSummary, 'byCounty' | 'year' | 'regionCode'> & {
  regionCode: string;
  name: string;
};

/**
 * Contracted, budgeted (by source kind), paid and paid ÷ budgeted of a province, city or county in a year.
 * @example const s = useExecutionSummary('410000', 2026); s.data?.paidFen
 */
export function useExecutionSummary(regionCode: string, year: number) {
  return useHubQuery(['funding.funding.executionSummary', { regionCode, year }], (hub) =>
    hub.funding.funding.executionSummary.query({ regionCode, year }),
  );
}

/**
 * The execution summary of each of `regionCodes` (a province's cities) in a year: one call per region,
 * sent as one batched request, so every row's figures are the server's own for that region.
 */
export function useExecutionSummaries(regionCodes: readonly string[], year: number) {
  return useHubQuery(
    ['funding.funding.executionSummary', 'each', { regionCodes, year }],
    (hub) =>
      Promise.all(
        regionCodes.map((regionCode) => hub.funding.funding.executionSummary.query({ regionCode, year })),
      ),
    { enabled: regionCodes.length > 0 },
  );
}

/**
 * The years a budget screen offers, newest first, by the browser's clock: back to 2021, the first year of the
 * published rollout plans [ZZ §5, PY annex 1] (no purchase under them is older).
 * @example fundingYears(new Date('2026-12-03')) // [2026, 2025, 2024, 2023, 2022, 2021]
 */
export function fundingYears(today = new Date(), first = 2021): number[] {
  const years: number[] = [];
  for (let y = today.getFullYear(); y >= first; y--) years.push(y);
  return years;
}

/**
 * A region's execution summary for each of `years` (one batched request), so a screen can open on the
 * latest year that has any contract, budget or payment, and say so.
 */
export function useExecutionByYear(regionCode: string, years: readonly number[]) {
  return useHubQuery(['funding.funding.executionSummary', 'years', { regionCode, years }], (hub) =>
    Promise.all(years.map((year) => hub.funding.funding.executionSummary.query({ regionCode, year }))),
  );
}

/** Whether a summary has anything in it: a contract signed, a budget or a payment in the year. */
export function hasExecution(s: Pick<ExecutionSummary, 'contractCount' | 'budgetCount' | 'paymentCount'>) {
  return s.contractCount + s.budgetCount + s.paymentCount > 0;
}
