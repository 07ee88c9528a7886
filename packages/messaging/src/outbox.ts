import { encodeEvent, type HubEvent, type HubEventInput, HubEventSchema, TOPIC_OF } from '@shegong/events';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { MessagingTables } from './schema.ts';

type Db = Kysely<MessagingTables> | Transaction<MessagingTables>;

/**
 * Appends events to the service's outbox. Call it with the transaction that makes the change the events
 * describe: both commit or neither does, so no event is lost and none is published for a change that was
 * rolled back.
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('stations').values(row).execute();
 *   await appendToOutbox(trx.withSchema('registry'), [stationRegistered]);
 * });
 */
export async function appendToOutbox(trx: Db, events: readonly HubEventInput[]): Promise<HubEvent[]> {
  if (events.length === 0) return [];
  const parsed = events.map((e) => HubEventSchema.parse(e));
  await trx
    .insertInto('outbox')
    .values(
      parsed.map((event) => ({
        id: event.id,
        topic: TOPIC_OF[event.type],
        key: event.key,
        type: event.type,
        payload: encodeEvent(event),
      })),
    )
    .execute();
  return parsed;
}

/** One unpublished outbox row, ready to hand to a publisher. */
export interface OutboxMessage {
  seq: string;
  id: string;
  topic: string;
  key: string;
  type: string;
  /** The event as JSON text. */
  value: string;
}

/** Where the relay hands events: Kafka in production, an in-process bus in the embedded start. */
export interface Publisher {
  /** Publishes the messages in order; resolves only once all are durably accepted. */
  publish(messages: readonly OutboxMessage[]): Promise<void>;
}

/**
 * Publishes up to `batchSize` unpublished events in `seq` order, then marks them published, in one
 * transaction that holds their rows (`FOR UPDATE SKIP LOCKED`, so two relays never publish the same row
 * twice concurrently). If publishing fails the transaction rolls back and the rows stay for the next try:
 * delivery is at least once, and the consumers' inbox makes it effectively once.
 * @returns how many events were published
 */
export async function relayOnce(
  db: Kysely<MessagingTables>,
  publisher: Publisher,
  batchSize = 500,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['seq', 'id', 'topic', 'key', 'type', sql<string>`payload::text`.as('value')])
      .where('published_at', 'is', null)
      .orderBy('seq')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    await publisher.publish(rows.map((r) => ({ ...r, seq: String(r.seq) })));
    await trx
      .updateTable('outbox')
      .set({ published_at: sql`now()` })
      .where(
        'seq',
        'in',
        rows.map((r) => r.seq),
      )
      .execute();
    return rows.length;
  });
}

/** How many events wait in the outbox: what a health check or a drain loop watches. */
export async function pendingCount(db: Kysely<MessagingTables>): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select(sql<string>`count(*)`.as('n'))
    .where('published_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
