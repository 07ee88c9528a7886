import { listPopulations } from '@shegong/catalog';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';

const known = new WeakMap<object, Map<string, number>>();

/**
 * Population code → array position in the packed rollups (ordinal; 0 is `all`), for every population the
 * catalog knows. Ordinals live in the database and never change; a population new to the catalog gets the
 * next one (under an advisory lock, so two writers cannot give it two). Cached per database handle.
 */
export async function populationOrdinals(
  db: Kysely<ReportingDatabase>,
  trx: Transaction<ReportingDatabase>,
): Promise<ReadonlyMap<string, number>> {
  const codes = listPopulations().map((p) => p.code);
  const cached = known.get(db);
  if (cached && codes.every((c) => cached.has(c))) return cached;
  let rows = await trx.selectFrom('rollup_populations').select(['code', 'ordinal']).execute();
  if (!codes.every((c) => rows.some((r) => r.code === c))) {
    await sql`select pg_advisory_xact_lock(hashtext('reporting.rollup_populations'))`.execute(trx);
    const present = new Set(
      (await trx.selectFrom('rollup_populations').select('code').execute()).map((r) => r.code),
    );
    const missing = codes.filter((c) => !present.has(c));
    if (missing.length > 0) {
      await sql`
        insert into reporting.rollup_populations (ordinal, code)
        select (select coalesce(max(ordinal), 0) from reporting.rollup_populations) + n, code
        from unnest(${missing}::text[]) with ordinality as m(code, n)`.execute(trx);
    }
    rows = await trx.selectFrom('rollup_populations').select(['code', 'ordinal']).execute();
  }
  const map = new Map(rows.filter((r) => r.code !== 'all').map((r) => [r.code, r.ordinal]));
  known.set(db, map);
  return map;
}
