import { createMessagingTablesV1 } from '@shegong/messaging';
import { type Kysely, sql } from 'kysely';

/**
 * The registry's first schema: operators, stations (with their status history), resident workers (PII
 * encrypted), supervisors, filed staff changes, and the outbox/inbox. Frozen in time: never edit it after
 * it ships; change the schema in a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  // The schema name is spelled out, not imported: a frozen migration must not follow later renames.
  await createMessagingTablesV1(db, 'registry');
  const s = db.withSchema('registry').schema;

  await s
    .createTable('operators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unified_social_credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('registration_authority', 'text')
    .addColumn('registered_on', 'date')
    .addColumn('business_scope_includes_social_work', 'boolean', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.check(sql`rating in ('1A', '2A', '3A', '4A', '5A')`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('local', 'imported')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await s
    .createTable('stations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().check(sql`region_code ~ '^[0-9]{6}([0-9]{3})?$'`))
    .addColumn('station_type', 'text', (c) =>
      c.notNull().check(sql`station_type in ('county-centre', 'township-station', 'community-room')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'building', 'operating', 'suspended', 'closed')`),
    )
    .addColumn('status_since', 'date', (c) => c.notNull())
    .addColumn('project_start_on', 'date')
    .addColumn('operator_id', 'text', (c) => c.references('operators.id'))
    .addColumn('community_name', 'text')
    .addColumn('signage_name', 'text', (c) => c.notNull())
    .addColumn('office_m2', 'double precision', (c) => c.check(sql`office_m2 >= 0`))
    .addColumn('activity_m2', 'double precision', (c) => c.check(sql`activity_m2 >= 0`))
    .addColumn('rooms', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('equipment', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('institutions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // `region_code like '4101%'` (every station inside a region) uses this index.
  await s
    .createIndex('stations_region_code')
    .on('stations')
    .expression(sql`region_code text_pattern_ops`)
    .execute();
  await s.createIndex('stations_status').on('stations').column('status').execute();

  await s
    .createTable('station_status_changes')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'date', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await s
    .createIndex('station_status_changes_station')
    .on('station_status_changes')
    .columns(['station_id', 'seq'])
    .execute();

  await s
    .createTable('workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'resident')`))
    .addColumn('full_time', 'boolean', (c) => c.notNull())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('appointed_on', 'date', (c) => c.notNull())
    .addColumn('left_on', 'date')
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('social_work_major', 'boolean', (c) => c.notNull())
    .addColumn('graduated_on', 'date')
    .addColumn('local_hukou', 'boolean')
    .addColumn('certificate', 'jsonb')
    .addColumn('related_experience_since', 'date')
    .addColumn('post_level', 'integer')
    .addColumn('trainings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('id_number_encrypted', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    .addColumn('phone_encrypted', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await s.createIndex('workers_station').on('workers').column('station_id').execute();
  // One current record per person: a worker who left (left_on set) may be registered again elsewhere.
  await s
    .createIndex('workers_one_current_record_per_person')
    .on('workers')
    .column('id_number_hash')
    .unique()
    .where(sql.ref('left_on'), 'is', null)
    .execute();

  await s
    .createTable('supervisors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('name', 'text')
    .addColumn('from_selected_pool', 'boolean')
    .addColumn('social_work_since', 'date')
    .addColumn('assigned_on', 'date', (c) => c.notNull())
    .addColumn('ended_on', 'date')
    .addColumn('agreement_signed_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await s.createIndex('supervisors_station').on('supervisors').column('station_id').execute();

  await s
    .createTable('staff_changes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id'))
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('join', 'leave', 'replace')`))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('filed_on', 'date')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await s.createIndex('staff_changes_station').on('staff_changes').column('station_id').execute();
}
