import type { FundingSourceKind } from '@shegong/budget';
import { type Kysely, sql } from 'kysely';
import type { FundingDatabase } from '../db/schema.ts';
import { type ExecutionSummary, summarizeExecution } from './execution.ts';
import { containedIn } from './region.ts';

/**
 * Budget execution of a province, city or county in a year — what the gateway's region summary shows:
 * the contracts signed in the year, the year's budgets (project funds and sources by kind), the payments
 * made in the year, and paid ÷ budgeted. The database sums per county (`bigint`, exact); `summarizeExecution`
 * adds up the counties and computes the ratio.
 * @example
 * const s = await summarizeRegionExecution(db, { regionCode: '410100', year: 2024 });
 * s.executionBp // e.g. 3_333 (33.33%)
 */
export async function summarizeRegionExecution(
  db: Kysely<FundingDatabase>,
  input: { regionCode: string; year: number },
): Promise<ExecutionSummary> {
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const fen = (column: string) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::bigint`;
  const count = sql<number>`count(*)::bigint`;
  const inRegion = containedIn(input.regionCode);

  const [contracts, budgets, sources, payments] = await Promise.all([
    db
      .selectFrom('contracts')
      .select(['county_code as countyCode', count.as('count'), fen('amount_fen').as('amountFen')])
      .where(inRegion)
      .where('signed_on', '>=', first)
      .where('signed_on', '<=', last)
      .groupBy('county_code')
      .execute(),
    db
      .selectFrom('budgets')
      .select(['county_code as countyCode', count.as('count'), fen('total_fen').as('totalFen')])
      .where(inRegion)
      .where('year', '=', input.year)
      .groupBy('county_code')
      .execute(),
    db
      .selectFrom('budget_sources as s')
      .innerJoin('budgets as b', 'b.id', 's.budget_id')
      .select(['b.county_code as countyCode', 's.kind as kind', fen('s.amount_fen').as('amountFen')])
      .where(containedIn(input.regionCode, 'b'))
      .where('b.year', '=', input.year)
      .groupBy(['b.county_code', 's.kind'])
      .execute(),
    db
      .selectFrom('payment_requests as p')
      .innerJoin('contracts as c', 'c.id', 'p.contract_id')
      .select(['c.county_code as countyCode', count.as('count'), fen('p.amount_fen').as('amountFen')])
      .where(containedIn(input.regionCode, 'c'))
      .where('p.status', '=', 'paid')
      .where('p.paid_on', '>=', first)
      .where('p.paid_on', '<=', last)
      .groupBy('c.county_code')
      .execute(),
  ]);
  return summarizeExecution(input.regionCode, input.year, {
    contracts,
    budgets,
    sources: sources.map((s) => ({ ...s, kind: s.kind as FundingSourceKind })),
    payments,
  });
}
