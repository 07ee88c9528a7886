import { createMessagingTablesV1 } from '@shegong/messaging';
import { type Kysely, sql } from 'kysely';

/**
 * The funding service's first tables: contracts (with their yearly terms and evaluations), budgets (with
 * lines and sources), the findings of both, payment requests with their vouchers, and the outbox/inbox.
 * Frozen in time: the schema name is written out, not imported, so a later rename cannot change it.
 */
const SCHEMA = 'funding';

// biome-ignore lint/suspicious/noExplicitAny: a migration is frozen in time and must not see today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await createMessagingTablesV1(db, SCHEMA);
  const s = db.schema.withSchema(SCHEMA);
  const now = sql`now()`;

  await s
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('region_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('station_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('award_notice_date', 'date', (c) => c.notNull())
    .addColumn('signed_on', 'date', (c) => c.notNull())
    .addColumn('term_start', 'date', (c) => c.notNull())
    .addColumn('term_end', 'date', (c) => c.notNull())
    .addColumn('cycle_years', 'integer', (c) => c.notNull().check(sql`cycle_years > 0`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('evaluated_as_of', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('contracts_term', sql`term_end >= term_start`)
    .execute();
  await s.createIndex('contracts_region_codes').on('contracts').using('gin').column('region_codes').execute();
  await s.createIndex('contracts_signed_on').on('contracts').column('signed_on').execute();

  await s
    .createTable('contract_yearly_terms')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year > 0`))
    .addColumn('signed_on', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_yearly_terms_pk', ['contract_id', 'year'])
    .execute();

  await s
    .createTable('contract_evaluations')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('contract_evaluations_contract')
    .on('contract_evaluations')
    .columns(['contract_id', 'date'])
    .execute();

  await s
    .createTable('findings')
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('contract', 'budget')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('finding', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('findings_pk', ['subject_kind', 'subject_id', 'position'])
    .execute();
  await s.createIndex('findings_rule').on('findings').columns(['rule_id', 'severity']).execute();

  await s
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('region_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
    .addColumn('stations_covered', 'integer', (c) => c.notNull())
    .addColumn('workers_budgeted', 'integer', (c) => c.notNull())
    .addColumn('county_assistance_funds_fen', 'bigint')
    .addColumn('assistance_fund_used_elsewhere_fen', 'bigint', (c) => c.notNull())
    .addColumn('services_planned', sql`text[]`, (c) => c.notNull())
    .addColumn('urban_average_wage_fen', 'bigint')
    .addColumn('total_fen', 'bigint', (c) => c.notNull().check(sql`total_fen >= 0`))
    .addColumn('personnel_fen', 'bigint', (c) => c.notNull())
    .addColumn('sources_fen', 'bigint', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await s.createIndex('budgets_region_codes').on('budgets').using('gin').column('region_codes').execute();
  await s.createIndex('budgets_year').on('budgets').column('year').execute();
  await s.createIndex('budgets_contract').on('budgets').column('contract_id').execute();

  await s
    .createTable('budget_lines')
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('budget_lines_pk', ['budget_id', 'position'])
    .execute();

  await s
    .createTable('budget_sources')
    .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('purchaser', 'text')
    .addColumn('purpose', sql`text[]`)
    .addColumn('separate_account', 'boolean')
    .addPrimaryKeyConstraint('budget_sources_pk', ['budget_id', 'position'])
    .execute();

  await s
    .createTable('payment_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('applied', 'approved', 'rejected', 'paid')`),
    )
    .addColumn('applied_on', 'date', (c) => c.notNull())
    .addColumn('approved_on', 'date')
    .addColumn('rejected_on', 'date')
    .addColumn('rejection_reason', 'text')
    .addColumn('paid_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await s
    .createIndex('payment_requests_contract')
    .on('payment_requests')
    .columns(['contract_id', 'applied_on'])
    .execute();
  await s.createIndex('payment_requests_paid_on').on('payment_requests').column('paid_on').execute();

  await s
    .createTable('payment_vouchers')
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payment_requests.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_vouchers_pk', ['payment_id', 'position'])
    .execute();
}
