import type { HubEvent } from '@shegong/events';
import {
  applyOrPark,
  logParked,
  type MessagingTables,
  type Publisher,
  pendingCount,
} from '@shegong/messaging';
import { createServiceApp, migrateToLatest, type RelayLoop, startRelayLoop } from '@shegong/service-kit';
import { type Kysely, sql } from 'kysely';
import { migrations } from './db/migrations/index.ts';
import type { FundingDatabase } from './db/schema.ts';
import { applyEvent } from './domain/eligibility.ts';
import { appRouter, type FundingRouter } from './router/index.ts';
import type { FundingContext } from './router/trpc.ts';

/** The service's Postgres schema: every table, the outbox and the migration table live in it. */
export const SCHEMA = 'funding';

/** The inbox consumer name: each event funding consumes takes effect once. */
export const CONSUMER = 'funding';

export interface FundingServiceOptions {
  /** A kysely instance on the `funding` schema: `createDatabase({ url, schema: SCHEMA })`. */
  db: Kysely<FundingDatabase>;
  /**
   * Where the outbox goes: a `KafkaPublisher` in production, an `InProcessBus` in the embedded start.
   * Without one, events wait in the outbox for whoever relays them.
   */
  publisher?: Publisher;
  /** How long the relay waits when the outbox is empty (default 200 ms). */
  relayIntervalMs?: number;
  onRelayError?: (error: Error) => void;
}

export interface FundingService {
  router: FundingRouter;
  /** The express app: `/trpc/<procedure>` and `/health`. */
  app: ReturnType<typeof createServiceApp>;
  /** A server-side caller, for the embedded start and tests. */
  caller(): ReturnType<FundingRouter['createCaller']>;
  /**
   * Applies one hub event exactly once (inbox): today `renewal.decided.v1`, whose ineligibility period
   * refuses later awards to the operator [ZZ §6.4]. Wire it to `bus.subscribe(TOPIC_OF['renewal.decided.v1'], …)`
   * or `consumeEvents`.
   */
  handleEvent(event: HubEvent): Promise<void>;
  /** Runs the service's migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** Starts relaying the outbox to the publisher (a no-op without one, or when running). */
  start(): void;
  /** Waits until every event written so far has been published (tests, orderly shutdown). */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops the relay; the caller still owns and destroys `db`. */
  stop(): Promise<void>;
}

/**
 * The funding service: its tRPC router, its express app (`/trpc`, `/health`) and its outbox relay.
 * The caller owns `db` (and destroys it); `stop()` stops only what `start()` started.
 * @example
 * const db = createDatabase<FundingDatabase>({ url, schema: SCHEMA });
 * const funding = createFundingService({ db, publisher: bus });
 * await funding.migrate();
 * funding.start();
 * await funding.caller().contracts.sign({ … });
 */
export function createFundingService(options: FundingServiceOptions): FundingService {
  const { db, publisher } = options;
  const outboxDb = db as unknown as Kysely<MessagingTables>;
  const createContext = (): FundingContext => ({ db });
  let relay: RelayLoop | undefined;

  const app = createServiceApp({
    name: 'funding',
    router: appRouter,
    createContext,
    health: async () => {
      await sql`select 1`.execute(db);
      return { pendingEvents: await pendingCount(outboxDb) };
    },
  });

  return {
    router: appRouter,
    app,
    caller: () => appRouter.createCaller(createContext()),
    handleEvent: async (event) => {
      // An event this service can never apply is parked in dead_letters, not retried forever.
      await applyOrPark(db, CONSUMER, event, (trx) => applyEvent(trx, event), logParked('funding'));
    },
    migrate: () => migrateToLatest(db as Kysely<unknown>, SCHEMA, migrations),
    start(): void {
      if (!publisher || relay) return;
      relay = startRelayLoop(outboxDb, publisher, {
        ...(options.relayIntervalMs === undefined ? {} : { intervalMs: options.relayIntervalMs }),
        ...(options.onRelayError === undefined ? {} : { onError: options.onRelayError }),
      });
    },
    async drain(timeoutMs?: number): Promise<void> {
      await relay?.drain(timeoutMs);
    },
    async stop(): Promise<void> {
      await relay?.stop();
      relay = undefined;
    },
  };
}
