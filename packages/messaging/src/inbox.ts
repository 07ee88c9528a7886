import type { HubEvent } from '@shegong/events';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { MessagingTables } from './schema.ts';

/**
 * Applies an event at most once per consumer: records (consumer, event id) in the inbox and runs `effect`
 * in the same transaction. A redelivered event finds its row and is skipped; if `effect` throws, the
 * inbox row rolls back with it and the event can be retried.
 * @returns `true` if the effect ran, `false` if the event had been applied before
 */
export async function applyOnce<DB extends MessagingTables>(
  db: Kysely<DB>,
  consumer: string,
  event: HubEvent,
  effect: (trx: Transaction<DB>) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inbox = trx as unknown as Transaction<MessagingTables>;
    const inserted = await inbox
      .insertInto('inbox')
      .values({ consumer, event_id: event.id, type: event.type })
      .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
      .returning(sql<number>`1`.as('inserted'))
      .executeTakeFirst();
    if (!inserted) return false;
    await effect(trx);
    return true;
  });
}
