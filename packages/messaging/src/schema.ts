import { type ColumnType, type Generated, type Kysely, sql } from 'kysely';

/**
 * The outbox and inbox tables of one service, in its own Postgres schema. Frozen in time: a service's
 * migration calls `createMessagingTablesV1` once; a later change is a new `…V2` function, never an edit.
 *
 * - `outbox`: events written in the same transaction as the state change they describe; `seq` gives the
 *   order the relay publishes them in; `published_at` is set once Kafka (or the in-process bus) has them.
 * - `inbox`: (consumer, event id) of every event a consumer has applied, written in the same transaction
 *   as the effect, so a redelivered event is recognised and skipped.
 */
export async function createMessagingTablesV1(db: Kysely<unknown>, schema: string): Promise<void> {
  await db.schema.createSchema(schema).ifNotExists().execute();
  const scoped = db.withSchema(schema);
  await scoped.schema
    .createTable('outbox')
    .ifNotExists()
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute();
  await sql`create index if not exists outbox_unpublished on ${sql.table(`${schema}.outbox`)} (seq) where published_at is null`.execute(
    db,
  );
  await scoped.schema
    .createTable('inbox')
    .ifNotExists()
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inbox_pk', ['consumer', 'event_id'])
    .execute();
}

/**
 * `dead_letters`: events a consumer could never apply — its effect refused the event's data itself (a
 * `DomainError`, or Postgres' data and integrity errors), so retrying could only block the partition
 * behind it. Each is parked with the reason, once, and marked in the inbox so it is not retried; someone
 * fixes the cause and replays it (`replayDeadLetter`). Frozen in time like V1: a service's migration calls
 * this once.
 */
export async function createDeadLettersTableV1(db: Kysely<unknown>, schema: string): Promise<void> {
  await db
    .withSchema(schema)
    .schema.createTable('dead_letters')
    .ifNotExists()
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('event', 'jsonb', (c) => c.notNull())
    .addColumn('error_code', 'text', (c) => c.notNull())
    .addColumn('error_message', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('replayed_at', 'timestamptz')
    .addPrimaryKeyConstraint('dead_letters_pk', ['consumer', 'event_id'])
    .execute();
}

/** The tables as kysely sees them, for services that include them in their database type. */
export interface OutboxTable {
  /** bigserial: pg returns int8 as text. */
  seq: Generated<string>;
  id: string;
  topic: string;
  key: string;
  type: string;
  /** jsonb: written as JSON text. */
  payload: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  published_at: Date | null;
}

export interface InboxTable {
  consumer: string;
  event_id: string;
  type: string;
  processed_at: Generated<Date>;
}

export interface DeadLettersTable {
  consumer: string;
  event_id: string;
  type: string;
  /** jsonb: the whole event, as it arrived. */
  event: ColumnType<unknown, string, string>;
  error_code: string;
  error_message: string;
  failed_at: Generated<Date>;
  replayed_at: Date | null;
}

export interface MessagingTables {
  outbox: OutboxTable;
  inbox: InboxTable;
}

/** A consumer's tables once it parks events it cannot apply (`createDeadLettersTableV1`). */
export interface ConsumerTables extends MessagingTables {
  dead_letters: DeadLettersTable;
}
