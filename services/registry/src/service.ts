import type { Publisher } from '@shegong/messaging';
import { createServiceApp, migrateToLatest, type RelayLoop, startRelayLoop } from '@shegong/service-kit';
import type { Express } from 'express';
import { type Kysely, sql } from 'kysely';
import { migrations } from './db/migrations/index.ts';
import type { RegistryDatabase } from './db/schema.ts';
import { createPiiCipher } from './pii.ts';
import { type RegistryRouter, registryRouter } from './router/index.ts';
import type { RegistryContext } from './router/trpc.ts';

/** The registry's Postgres schema. */
export const SCHEMA = 'registry';

export interface RegistryServiceOptions {
  /** A kysely instance on the registry's schema: `createDatabase({ url, schema: SCHEMA })`. */
  db: Kysely<RegistryDatabase>;
  /** 256-bit key in hex (64 characters) that encrypts resident ID numbers and phones; from `REGISTRY_PII_KEY`. */
  piiKey: string;
  /**
   * Where the outbox goes: an `InProcessBus` (embedded start) or a `KafkaPublisher`. Without one, events
   * wait in the outbox.
   */
  publisher?: Publisher;
  /** How often the relay polls an empty outbox (default 200 ms). */
  relayIntervalMs?: number;
  onRelayError?: (error: Error) => void;
}

export interface RegistryService {
  router: RegistryRouter;
  /** Express app: tRPC at `/trpc`, `/health`. */
  app: Express;
  /** The context the router runs with; `router.createCaller(service.context)` calls it in-process. */
  context: RegistryContext;
  /** Runs the registry's migrations (idempotent). */
  migrate(): Promise<string[]>;
  /** Migrates, then starts relaying the outbox when there is a publisher. Idempotent. */
  start(): Promise<void>;
  /** Relays until the outbox is empty: for tests and orderly shutdown. */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops the relay (the database is the caller's to close). */
  stop(): Promise<void>;
}

/**
 * The registry of stations, operators, resident workers, supervisors and staff changes.
 * @example
 * const db = createDatabase<RegistryDatabase>({ url, schema: SCHEMA });
 * const bus = new InProcessBus();
 * const registry = createRegistryService({ db, piiKey, publisher: bus });
 * await registry.start();
 * await registry.router.createCaller(registry.context).stations.upsert({ … });
 */
export function createRegistryService(options: RegistryServiceOptions): RegistryService {
  const { db, publisher } = options;
  const context: RegistryContext = { db, pii: createPiiCipher(options.piiKey) };
  const app = createServiceApp({
    name: 'registry',
    router: registryRouter,
    createContext: () => context,
    health: async () => {
      await sql`select 1`.execute(db);
      return { database: 'ok', relay: relay ? 'running' : publisher ? 'stopped' : 'no publisher' };
    },
    // batches of up to 1,000 stations or workers
    maxBodySize: '10mb',
  });
  let relay: RelayLoop | undefined;

  const migrate = () => migrateToLatest(db as Kysely<unknown>, SCHEMA, migrations);
  return {
    router: registryRouter,
    app,
    context,
    migrate,
    async start() {
      await migrate();
      if (publisher && !relay) {
        relay = startRelayLoop(db, publisher, {
          ...(options.relayIntervalMs !== undefined && { intervalMs: options.relayIntervalMs }),
          onError: options.onRelayError ?? ((error) => console.error(`registry relay: ${error.message}`)),
        });
      }
    },
    async drain(timeoutMs) {
      if (!relay)
        throw new Error('the registry relays nothing: it was created without a publisher or not started');
      await relay.drain(timeoutMs);
    },
    async stop() {
      const running = relay;
      relay = undefined;
      await running?.stop();
    },
  };
}
