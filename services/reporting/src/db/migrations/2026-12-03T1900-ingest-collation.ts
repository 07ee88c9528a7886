import { type Kysely, sql } from 'kysely';

/**
 * The key of the raw service records, `(station_id, id)`, compares its text byte by byte (`collate "C"`)
 * instead of by the database's linguistic collation. Every ingested row inserts into that key's btree,
 * and a linguistic comparison (strcoll on copies of both strings) costs several times a byte comparison:
 * measured at ≈ 10–20 % of a 10,000-record COPY into the keyed table. The key is an identity (a caller's
 * id, unique per station [the ingest contract]), never shown in linguistic order: the only order over it
 * is the records list's `(date, id)` cursor, which stays consistent (its `order by` and `>` use the same
 * column collation) and, ids being ASCII in practice, unchanged. Equality is the same under both.
 * Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  // `service_rollup_cells` reads the raw rows (its township branch), and Postgres alters no column a view
  // uses: the view is put back exactly as it stands, from its own stored definition.
  const view = await sql<{ definition: string }>`
    select pg_get_viewdef('reporting.service_rollup_cells'::regclass) as definition`.execute(db);
  const definition = view.rows[0]?.definition;
  if (!definition) throw new Error('reporting.service_rollup_cells has no definition to restore');
  await sql`drop view reporting.service_rollup_cells`.execute(db);
  // same type, so no table rewrite; Postgres rebuilds the primary key's index in the new order
  await sql`
    alter table reporting.service_records
      alter column station_id type text collate "C",
      alter column id type text collate "C"`.execute(db);
  await sql`create view reporting.service_rollup_cells as ${sql.raw(definition)}`.execute(db);
}
