import { type Kysely, sql } from 'kysely';

/**
 * Completeness and timeliness of periodic reports as a read model: one row per report a unit owes
 * (definition × unit × period, from the report profiles' calendars and the units that exist), and counters
 * per region (every level of the unit's chain) × period × definition × due day, kept current in the same
 * transaction as each report state change and each station event. A province view reads counters, never
 * the reports. Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  // The years whose calendar has been laid out: expectations exist for every unit and period of the year.
  await sql`
    create table reporting.report_calendar_years (
      year int primary key,
      laid_out_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table reporting.report_expectations (
      definition_id text not null,
      unit_region_code text not null,
      period_key text not null,
      definition_version text not null,
      period_start date not null,
      period_end date not null,
      due_on date not null,
      region_path text[] not null,
      first_submitted_on date,
      status text,
      constraint report_expectations_pk primary key (definition_id, unit_region_code, period_key)
    )`.execute(db);
  // The overdue list: reports not received yet, found by any region of their chain.
  await sql`
    create index report_expectations_pending on reporting.report_expectations
    using gin (region_path) where first_submitted_on is null`.execute(db);
  await sql`
    create index report_expectations_period on reporting.report_expectations (period_key)`.execute(db);

  await sql`
    create table reporting.report_completeness (
      region_code text not null,
      period_key text not null,
      definition_id text not null,
      due_on date not null,
      period_start date not null,
      expected int not null default 0,
      received int not null default 0,
      on_time int not null default 0,
      approved int not null default 0,
      in_revision int not null default 0,
      constraint report_completeness_pk primary key (region_code, period_key, definition_id, due_on)
    )`.execute(db);
}
