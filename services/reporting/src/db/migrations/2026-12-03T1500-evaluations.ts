import { type Kysely, sql } from 'kysely';

/**
 * Station evaluations recorded in the hub [ZZ §5.3, PY §5.3, WH §3.4] with their full score breakdown, and
 * the renewal decision of each contract year resting on them [ZZ §5.3, §6.4, PY §5.3, WH §3.4]. Frozen in
 * time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table reporting.evaluations (
      id text primary key,
      station_id text not null,
      region_code text not null,
      region_path text[] not null,
      operator_id text,
      contract_id text,
      kind text not null check (kind in ('mid-term', 'final', 'annual', 'spot-check')),
      conducted_by text not null check (conducted_by in ('county', 'city', 'province')),
      evaluator_name text,
      period_start date not null,
      period_end date not null,
      decided_on date not null,
      profile_id text not null,
      scheme_id text not null,
      scheme_version text not null,
      hub_facts jsonb not null,
      fact_sources jsonb not null,
      entries jsonb not null,
      vetoes jsonb not null,
      score jsonb not null,
      outcome text not null check (outcome in ('graded', 'vetoed', 'incomplete')),
      grade text check (grade in ('excellent', 'good', 'pass', 'fail')),
      total numeric(8, 2) not null,
      recorded_by text,
      created_at timestamptz not null default now(),
      -- A county's own evaluation is never a spot check [ZZ §5.3].
      constraint evaluations_spot_check check (kind <> 'spot-check' or conducted_by <> 'county'),
      constraint evaluations_period check (period_start <= period_end)
    )`.execute(db);
  await sql`create index evaluations_region on reporting.evaluations using gin (region_path)`.execute(db);
  await sql`create index evaluations_station on reporting.evaluations (station_id, decided_on)`.execute(db);
  await sql`create index evaluations_contract on reporting.evaluations (contract_id, decided_on)`.execute(db);

  await sql`
    create table reporting.renewals (
      id text primary key,
      contract_id text not null,
      county_code text not null,
      operator_id text not null,
      year int not null check (year > 0),
      year_start date not null,
      year_end date not null,
      profile_id text not null,
      decision text not null check (decision in ('renew', 're-procure', 'undetermined')),
      discretionary boolean not null,
      citation text not null,
      reason jsonb not null,
      evidence jsonb not null,
      consequences jsonb not null,
      ineligibility jsonb,
      findings jsonb not null,
      decided_on date not null,
      decided_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint renewals_contract_year unique (contract_id, year)
    )`.execute(db);
  await sql`create index renewals_county on reporting.renewals (county_code, year)`.execute(db);
}
