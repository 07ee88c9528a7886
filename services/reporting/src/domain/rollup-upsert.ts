import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import type { RollupDeltas } from './records.ts';
import { textArray } from './sql-arrays.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/**
 * One multi-row upsert of the batch's increments: every counter is `n = n + excluded.n`, element by
 * element over the population arrays (spelled out, so Postgres runs no function per row). Elements past
 * the batch's width, from populations this process does not know yet, are kept as they are.
 */
export async function upsertRollups(trx: Db, d: RollupDeltas): Promise<void> {
  if (d.regionCode.length === 0) return;
  await sql`
    insert into reporting.service_rollups as r
      (region_code, period, domain, records, beneficiaries, hours_centi, volunteers)
    select g, p, dm, n::bigint[], b::bigint[], h::bigint[], v::bigint[]
    from unnest(${textArray(d.regionCode)}::text[], ${textArray(d.period)}::text[],
                ${textArray(d.domain)}::text[], ${textArray(d.records)}::text[],
                ${textArray(d.beneficiaries)}::text[], ${textArray(d.hoursCenti)}::text[],
                ${textArray(d.volunteers)}::text[])
         as t(g, p, dm, n, b, h, v)
    on conflict (region_code, period, domain) do update set ${sql.raw(setCounters(d.width))}`.execute(trx);
}

const setClauses = new Map<number, string>();

/** `records = array_cat(array[coalesce(r.records[1], 0) + excluded.records[1], …], r.records[w+1:]), …` */
function setCounters(width: number): string {
  let clause = setClauses.get(width);
  if (!clause) {
    clause = ['records', 'beneficiaries', 'hours_centi', 'volunteers']
      .map((col) => {
        const sums = Array.from(
          { length: width },
          (_, i) => `coalesce(r.${col}[${i + 1}], 0) + excluded.${col}[${i + 1}]`,
        );
        return `${col} = array_cat(array[${sums.join(', ')}], r.${col}[${width + 1}:])`;
      })
      .join(',\n');
    setClauses.set(width, clause);
  }
  return clause;
}
