import { type Kysely, sql } from 'kysely';

/**
 * Operators' eligibility to be awarded purchased services: every renewal decision funding received from
 * reporting (`renewal.decided.v1`), with the ineligibility period a failing evaluation brings [ZZ §6.4].
 * Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table funding.operator_eligibility (
      renewal_id text primary key,
      operator_id text not null,
      contract_id text not null,
      year int not null,
      decision text not null check (decision in ('renew', 're-procure', 'undetermined')),
      decided_on date not null,
      citation text not null,
      ineligible_from date,
      ineligible_to date,
      ineligibility jsonb,
      event_id uuid not null,
      received_at timestamptz not null default now(),
      constraint operator_eligibility_period check (
        (ineligible_from is null) = (ineligible_to is null) and (ineligible_from is null) = (ineligibility is null)
        and (ineligible_from is null or ineligible_from <= ineligible_to)
      )
    )`.execute(db);
  await sql`
    create index operator_eligibility_operator
      on funding.operator_eligibility (operator_id, ineligible_from, ineligible_to)`.execute(db);
}
