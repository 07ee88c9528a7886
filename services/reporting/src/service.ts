import type { HubEvent } from '@shegong/events';
import type { IsoDate } from '@shegong/kernel';
import { applyOrPark, logParked, type Publisher } from '@shegong/messaging';
import {
  createDatabase,
  createServiceApp,
  migrateToLatest,
  type RelayLoop,
  startRelayLoop,
} from '@shegong/service-kit';
import type { Express } from 'express';
import { type Kysely, sql } from 'kysely';
import { migrations } from './db/migrations/index.ts';
import { type ReportingDatabase, SCHEMA } from './db/schema.ts';
import { applyEvent } from './domain/events.ts';
import { foldOrphanedRecords } from './domain/rollup-fold.ts';
import { type ReportingRouter, reportingRouter } from './router/index.ts';

/**
 * How often a running service folds deferred ingests (`rollups: 'background'`) that no live process will:
 * those left by a process that died before its fold (`foldOrphanedRecords`).
 */
const FOLD_INTERVAL_MS = 5_000;

/** The inbox consumer name: one exactly-once effect per event id. */
export const CONSUMER = 'reporting';

export interface ReportingService {
  router: ReportingRouter;
  /** tRPC at `/trpc`, `/health`; batch ingest accepts bodies up to 20 MB. */
  app: Express;
  /**
   * Applies one hub event to the read models exactly once (inbox), with its compliance re-evaluation and
   * coverage change in the same transaction. Wire it to `bus.subscribe(topic, …)` or `consumeEvents`.
   */
  handleEvent(event: HubEvent): Promise<void>;
  /**
   * Starts the outbox relay when a publisher was given, and the loop that folds deferred ingests
   * (`rollups: 'background'`) left pending by a process that died before folding them.
   */
  start(): void;
  /** Stops the relay (after draining what it can); the caller closes the database. */
  stop(): Promise<void>;
}

/**
 * The reporting service on a database that has been migrated (`migrateReporting`).
 * @example
 * const service = createReportingService({ db });
 * bus.subscribe('shegong.stations', service.handleEvent);
 * const caller = service.router.createCaller({ db });
 * await caller.rollups.coverage({ regionCode: '410100' });
 */
export function createReportingService(options: {
  db: Kysely<ReportingDatabase>;
  publisher?: Publisher;
  /** Today's calendar day in China, for report submissions; the clock by default. */
  today?: () => IsoDate;
}): ReportingService {
  const { db, publisher, today } = options;
  let relay: RelayLoop | undefined;
  let folding: NodeJS.Timeout | undefined;
  return {
    router: reportingRouter,
    app: createServiceApp({
      name: 'reporting',
      router: reportingRouter,
      createContext: () => (today ? { db, today } : { db }),
      health: async () => {
        await sql`select 1`.execute(db);
        return { database: 'ok' };
      },
      maxBodySize: '20mb',
    }),
    handleEvent: async (event) => {
      // An event this service can never apply is parked in dead_letters, not retried forever.
      await applyOrPark(db, CONSUMER, event, (trx) => applyEvent(trx, event), logParked('reporting'));
    },
    start() {
      if (publisher && !relay) relay = startRelayLoop(db, publisher);
      folding ??= setInterval(() => {
        foldOrphanedRecords(db).catch((error) =>
          console.error(`reporting: folding pending ingests failed, retrying: ${error}`),
        );
      }, FOLD_INTERVAL_MS).unref();
    },
    async stop() {
      clearInterval(folding);
      folding = undefined;
      await relay?.stop();
      relay = undefined;
    },
  };
}

/** Brings the `reporting` schema to the latest migration. */
export function migrateReporting(db: Kysely<ReportingDatabase>): Promise<string[]> {
  return migrateToLatest(db as Kysely<unknown>, SCHEMA, migrations);
}

/**
 * A kysely instance on the `reporting` schema (a pg pool): what `createReportingService` and the domain
 * functions take.
 */
export function connectReportingDatabase(
  url: string,
  options: { maxConnections?: number } = {},
): Kysely<ReportingDatabase> {
  return createDatabase<ReportingDatabase>({ url, schema: SCHEMA, ...options });
}
