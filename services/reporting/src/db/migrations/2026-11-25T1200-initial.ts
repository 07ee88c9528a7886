import { createMessagingTablesV1 } from '@shegong/messaging';
import { type Kysely, sql } from 'kysely';

/**
 * Reporting's first schema: read models fed by events, staffing compliance, raw service records with the
 * idempotency keys of their ingests, and the rollups kept beside them. Frozen in time: never edit, add a
 * new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await createMessagingTablesV1(db, 'reporting');
  const s = db.withSchema('reporting').schema;

  await s
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text')
    .addColumn('region_path', sql`text[]`)
    .addColumn('name', 'text')
    .addColumn('station_type', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('project_start_on', 'date')
    .addColumn('opened_on', 'date')
    .addColumn('registered_on', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index stations_region_path on reporting.stations using gin (region_path)`.execute(db);

  for (const table of ['workers', 'supervisors']) {
    await s
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'jsonb', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await s.createIndex(`${table}_station`).on(table).column('station_id').execute();
  }
  await s
    .createTable('staff_changes')
    .addColumn('event_id', 'uuid', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .execute();
  await s.createIndex('staff_changes_station').on('staff_changes').column('station_id').execute();

  await s
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('station_ids', sql`text[]`, (c) => c.notNull())
    .addColumn('signed_on', 'date', (c) => c.notNull())
    .addColumn('term_start', 'date', (c) => c.notNull())
    .addColumn('term_end', 'date', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('county_code', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .execute();

  await s
    .createTable('station_compliance')
    .addColumn('station_id', 'text', (c) => c.primaryKey())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('profile_id', 'text')
    .addColumn('compliant', 'boolean')
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('infos', 'integer', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('evaluated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await s
    .createTable('coverage')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('operating_stations', 'integer', (c) => c.notNull())
    .addColumn('township_stations', 'integer', (c) => c.notNull())
    .addColumn('covered_townships', 'integer', (c) => c.notNull())
    .execute();

  await s
    .createTable('ingest_requests')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await s
    .createTable('service_records')
    .addColumn('station_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('item_ref', 'text', (c) => c.notNull())
    .addColumn('populations', sql`text[]`, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('beneficiaries', 'integer', (c) => c.notNull())
    .addColumn('hours', sql`numeric(8, 2)`, (c) => c.notNull())
    .addColumn('volunteers', 'integer', (c) => c.notNull())
    .addColumn('domains', sql`text[]`, (c) => c.notNull())
    .addColumn('request_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_records_pk', ['station_id', 'id'])
    .execute();

  // The rollup cube, packed for write speed: one row per region × month × domain, with one array element
  // per population (position = ordinal + 1, ordinal 0 = 'all'). A batch then upserts one row where the
  // flat cube would upsert one per population. `service_rollup_cells` shows the flat cube.
  await sql`
    create table reporting.rollup_populations (
      ordinal smallint primary key,
      code text not null unique
    )`.execute(db);
  await sql`insert into reporting.rollup_populations (ordinal, code) values (0, 'all')`.execute(db);
  // fillfactor 70: room on each page for the new row version, so counter updates stay HOT (no index write).
  await sql`
    create table reporting.service_rollups (
      region_code text collate "C" not null,
      period text collate "C" not null,
      domain text collate "C" not null,
      records bigint[] not null,
      beneficiaries bigint[] not null,
      hours_centi bigint[] not null,
      volunteers bigint[] not null,
      constraint service_rollups_pk primary key (region_code, period, domain)
    ) with (fillfactor = 70)`.execute(db);
  await sql`
    create view reporting.service_rollup_cells as
    select r.region_code, r.period, r.domain, p.code as population,
           r.records[p.ordinal + 1] as records,
           r.beneficiaries[p.ordinal + 1] as beneficiaries,
           (r.hours_centi[p.ordinal + 1] / 100.0)::numeric(16, 2) as hours,
           r.volunteers[p.ordinal + 1] as volunteers
    from reporting.service_rollups r
    join reporting.rollup_populations p on p.ordinal < cardinality(r.records)
    where r.records[p.ordinal + 1] > 0`.execute(db);
}
