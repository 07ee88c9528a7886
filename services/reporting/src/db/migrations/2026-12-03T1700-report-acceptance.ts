import { type Kysely, sql } from 'kysely';

/**
 * A report approved by the level above its unit is then accepted (签收) further up the chain: a county's
 * quarterly report, approved by the city, is accepted by the province [ZZ §2: 每季度向省、市民政部门报告].
 * Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table reporting.reports add column accepted_at timestamptz, add column accepted_by text`.execute(
    db,
  );
}
