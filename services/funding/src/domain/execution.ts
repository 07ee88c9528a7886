import { exactFraction, type FundingSourceKind, FundingSourceKindSchema, shareBp } from '@shegong/budget';

/**
 * Budget execution (预算执行) of a region in a year, in integer fen:
 * - contracted: the amounts of the contracts signed in the year;
 * - budgeted: the project funds (sum of lines) of the year's budgets, and their funding sources by kind;
 * - paid: the payment requests paid in the year;
 * - execution: paid ÷ budgeted, as basis points rounded half up (`shareBp`) and as the exact fraction;
 *   `null` when nothing is budgeted.
 * Every county inside the region contributes; `byCounty` lists each one that has any figure.
 */
export interface ExecutionFigures {
  contractCount: number;
  contractedFen: number;
  budgetCount: number;
  budgetedFen: number;
  budgetedBySourceKind: Record<FundingSourceKind, number>;
  /** Sum of the sources (equals `budgetedFen` when every budget is fully funded). */
  budgetedSourcesFen: number;
  paymentCount: number;
  paidFen: number;
  executionBp: number | null;
  executionShare: string | null;
}

export interface ExecutionSummary extends ExecutionFigures {
  regionCode: string;
  year: number;
  byCounty: Array<ExecutionFigures & { countyCode: string }>;
}

/** Aggregates per county as the database returns them (one row per county, or per county and kind). */
export interface ExecutionRows {
  contracts: ReadonlyArray<{ countyCode: string; count: number; amountFen: number }>;
  budgets: ReadonlyArray<{ countyCode: string; count: number; totalFen: number }>;
  sources: ReadonlyArray<{ countyCode: string; kind: FundingSourceKind; amountFen: number }>;
  payments: ReadonlyArray<{ countyCode: string; count: number; amountFen: number }>;
}

function emptyFigures(): ExecutionFigures {
  return {
    contractCount: 0,
    contractedFen: 0,
    budgetCount: 0,
    budgetedFen: 0,
    budgetedBySourceKind: Object.fromEntries(FundingSourceKindSchema.options.map((k) => [k, 0])) as Record<
      FundingSourceKind,
      number
    >,
    budgetedSourcesFen: 0,
    paymentCount: 0,
    paidFen: 0,
    executionBp: null,
    executionShare: null,
  };
}

/** `a + b` for integer fen and counts, refusing to leave the safe-integer range rather than lose a fen. */
export function addExact(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < 0) {
    throw new RangeError(`expected non-negative safe integers, got ${a} and ${b}`);
  }
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError(`${a} + ${b} is beyond the safe integer range`);
  return sum;
}

function withExecution(f: ExecutionFigures): ExecutionFigures {
  return f.budgetedFen === 0
    ? { ...f, executionBp: null, executionShare: null }
    : {
        ...f,
        executionBp: shareBp(f.paidFen, f.budgetedFen),
        executionShare: exactFraction(f.paidFen, f.budgetedFen),
      };
}

/**
 * Adds per-county aggregates up to the region and to each county, and computes the execution ratio.
 * @example
 * summarizeExecution('410100', 2024, {
 *   contracts: [{ countyCode: '410105', count: 1, amountFen: 30_000_000 }],
 *   budgets: [{ countyCode: '410105', count: 1, totalFen: 24_000_000 }],
 *   sources: [{ countyCode: '410105', kind: 'general-budget', amountFen: 24_000_000 }],
 *   payments: [{ countyCode: '410105', count: 2, amountFen: 8_000_000 }],
 * }).executionBp // 3_333: ¥80,000 of ¥240,000 is 33.33%
 */
export function summarizeExecution(regionCode: string, year: number, rows: ExecutionRows): ExecutionSummary {
  const total = emptyFigures();
  const counties = new Map<string, ExecutionFigures>();
  const county = (code: string) => {
    const known = counties.get(code);
    if (known) return known;
    const figures = emptyFigures();
    counties.set(code, figures);
    return figures;
  };
  for (const r of rows.contracts) {
    for (const f of [total, county(r.countyCode)]) {
      f.contractCount = addExact(f.contractCount, r.count);
      f.contractedFen = addExact(f.contractedFen, r.amountFen);
    }
  }
  for (const r of rows.budgets) {
    for (const f of [total, county(r.countyCode)]) {
      f.budgetCount = addExact(f.budgetCount, r.count);
      f.budgetedFen = addExact(f.budgetedFen, r.totalFen);
    }
  }
  for (const r of rows.sources) {
    for (const f of [total, county(r.countyCode)]) {
      f.budgetedBySourceKind[r.kind] = addExact(f.budgetedBySourceKind[r.kind], r.amountFen);
      f.budgetedSourcesFen = addExact(f.budgetedSourcesFen, r.amountFen);
    }
  }
  for (const r of rows.payments) {
    for (const f of [total, county(r.countyCode)]) {
      f.paymentCount = addExact(f.paymentCount, r.count);
      f.paidFen = addExact(f.paidFen, r.amountFen);
    }
  }
  return {
    regionCode,
    year,
    ...withExecution(total),
    byCounty: [...counties]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([countyCode, figures]) => ({ countyCode, ...withExecution(figures) })),
  };
}
