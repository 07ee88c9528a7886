import { type Kysely, sql } from 'kysely';

/**
 * The periodic-report workflow: reports drafted from the hub's own figures, corrected beside them, submitted,
 * returned or approved by the level above; an approved report locks its unit × period against new service
 * records. Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reporting.reports (
      id text primary key,
      definition_id text not null,
      definition_version text not null,
      unit_region_code text not null,
      period_key text not null,
      period_start date not null,
      period_end date not null,
      status text not null check (status in ('draft', 'submitted', 'approved', 'returned')),
      figures jsonb not null,
      corrections jsonb not null default '[]'::jsonb,
      narrative text,
      due_on date not null,
      submitted_at timestamptz,
      submitted_on date,
      first_submitted_on date,
      submitted_by text,
      approved_at timestamptz,
      approved_by text,
      returned_at timestamptz,
      returned_by text,
      return_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint reports_unit_period unique (definition_id, unit_region_code, period_start, period_end)
    )`.execute(db);
  await sql`create index reports_unit on reporting.reports (unit_region_code, period_start)`.execute(db);

  // One lock per unit × period: the approved report that holds it. An ingest checks the lock of every
  // region on a record's path whose period covers the record's day.
  await sql`
    create table reporting.report_locks (
      unit_region_code text not null,
      period_start date not null,
      period_end date not null,
      locked_by_report_id text not null references reporting.reports (id),
      locked_at timestamptz not null default now(),
      constraint report_locks_pk primary key (unit_region_code, period_start, period_end)
    )`.execute(db);
}
