import { type Kysely, sql } from 'kysely';

/**
 * Operators' project milestone reports (mid-term, final) [ZZ §5.4, PY §5.4] in the completeness read
 * model: they have no calendar year, so whether they have been laid out is recorded apart from
 * `report_calendar_years` (one row once every contract year's reports exist), and a read finds their
 * counters by due day (they count in the periods their due day falls in) through a partial index, as the
 * calendar ones are found by period key. Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reporting.report_project_layout (
      id boolean primary key default true check (id),
      laid_out_at timestamptz not null default now()
    )`.execute(db);
  // Project keys (`mid-term:2024-04-01`, `final:…`) never start with a digit; calendar keys always do.
  await sql`
    create index report_completeness_project on reporting.report_completeness (region_code, due_on)
    where period_key !~ '^[0-9]'`.execute(db);
}
