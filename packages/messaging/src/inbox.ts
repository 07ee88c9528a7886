import type { HubEvent } from '@shegong/events';
import { DomainError } from '@shegong/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ConsumerTables, MessagingTables } from './schema.ts';

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

/** What became of an event handed to `applyOrPark`. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'parked';

/**
 * Why an effect failed, when retrying cannot help: the effect refused the event's data (a `DomainError`),
 * or Postgres refused it (SQLSTATE class 22, data exception, or 23, integrity constraint violation).
 * Anything else — a lost connection, a serialization failure, a shutdown — is worth retrying: `null`.
 */
export function permanentFailure(error: unknown): { code: string; message: string } | null {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && /^2[23][0-9A-Z]{3}$/.test(sqlState)) {
    return { code: `PG_${sqlState}`, message: (error as Error).message };
  }
  return null;
}

/**
 * `applyOnce`, and an event whose effect fails for good (`permanentFailure`) is parked in `dead_letters`
 * and marked in the inbox instead of being retried forever behind its partition: the consumer goes on
 * with the next event and nothing is lost. A failure worth retrying is thrown, as before.
 * @param onParked told of each parked event (log it: someone must look)
 */
export async function applyOrPark<DB extends ConsumerTables>(
  db: Kysely<DB>,
  consumer: string,
  event: HubEvent,
  effect: (trx: Transaction<DB>) => Promise<void>,
  onParked?: (event: HubEvent, failure: { code: string; message: string }) => void,
): Promise<ApplyOutcome> {
  try {
    return (await applyOnce(db, consumer, event, effect)) ? 'applied' : 'duplicate';
  } catch (error) {
    const failure = permanentFailure(error);
    if (!failure) throw error;
    await db.transaction().execute(async (trx) => {
      const tables = trx as unknown as Transaction<ConsumerTables>;
      await tables
        .insertInto('inbox')
        .values({ consumer, event_id: event.id, type: event.type })
        .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
        .execute();
      await tables
        .insertInto('dead_letters')
        .values({
          consumer,
          event_id: event.id,
          type: event.type,
          event: JSON.stringify(event),
          error_code: failure.code,
          error_message: failure.message.slice(0, 4_000),
        })
        .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
        .execute();
    });
    onParked?.(event, failure);
    return 'parked';
  }
}

/**
 * An `onParked` that says on stderr what was parked and why, for someone to look at.
 * @example applyOrPark(db, 'reporting', event, effect, logParked('reporting'))
 */
export function logParked(
  service: string,
): (event: HubEvent, failure: { code: string; message: string }) => void {
  return (event, failure) =>
    console.error(
      `${service}: parked event ${event.id} (${event.type}) in dead_letters: ${failure.code}: ${failure.message}`,
    );
}

/**
 * Applies a parked event again, once its cause is fixed: the effect and `replayed_at` commit together;
 * if the effect fails again, nothing changes and the error is thrown.
 * @throws Error when no parked, unreplayed event has that id
 */
export async function replayDeadLetter<DB extends ConsumerTables>(
  db: Kysely<DB>,
  consumer: string,
  eventId: string,
  effect: (trx: Transaction<DB>, event: HubEvent) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = trx as unknown as Transaction<ConsumerTables>;
    const parked = await tables
      .selectFrom('dead_letters')
      .select(['event'])
      .where('consumer', '=', consumer)
      .where('event_id', '=', eventId)
      .where('replayed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!parked) throw new Error(`no parked event ${eventId} of consumer ${consumer} waits for a replay`);
    await effect(trx, parked.event as HubEvent);
    await tables
      .updateTable('dead_letters')
      .set({ replayed_at: sql`now()` })
      .where('consumer', '=', consumer)
      .where('event_id', '=', eventId)
      .execute();
  });
}
