import { randomUUID } from 'node:crypto';
import { DomainError } from '@shegong/kernel';
import {
  appendToOutbox,
  createMessagingTablesV1,
  InProcessBus,
  type MessagingTables,
  type OutboxMessage,
  pendingCount,
} from '@shegong/messaging';
import { createTestDatabase } from '@shegong/testkit';
import { initTRPC } from '@trpc/server';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase, migrateToLatest } from './db.ts';
import { createServiceApp, listen } from './http.ts';
import { startRelayLoop } from './relay-loop.ts';
import { formatServiceError, mapDomainErrors } from './trpc.ts';

/** The parts of a tRPC HTTP response body these tests read. */
interface TrpcBody {
  result: { data: unknown };
  error: { data: { domain: unknown; issues: Array<{ path: string[] }> } };
}

const migrations = {
  '2026-11-25T1200-initial': {
    async up(db: Kysely<unknown>) {
      await createMessagingTablesV1(db, 'demo');
      await sql`create table demo.things (id text primary key)`.execute(db);
    },
  },
};

describe('service kit (real Postgres)', () => {
  it('runs frozen migrations once, tracked in the service schema', async () => {
    await using database = await createTestDatabase();
    const db = createDatabase<MessagingTables>({ url: database.url, schema: 'demo' });
    try {
      expect(await migrateToLatest(db as Kysely<unknown>, 'demo', migrations)).toEqual([
        '2026-11-25T1200-initial',
      ]);
      expect(await migrateToLatest(db as Kysely<unknown>, 'demo', migrations)).toEqual([]);
      const tracked = await sql<{ name: string }>`select name from demo.kysely_migration`.execute(db);
      expect(tracked.rows.map((r) => r.name)).toEqual(['2026-11-25T1200-initial']);
    } finally {
      await db.destroy();
    }
  });

  it('serves tRPC with domain errors as 4xx naming the field, and /health', async () => {
    await using database = await createTestDatabase();
    const db = createDatabase<MessagingTables>({ url: database.url, schema: 'demo' });
    const t = initTRPC.context<object>().create({ errorFormatter: formatServiceError });
    const procedure = t.procedure.use(async ({ next }) => mapDomainErrors(await next()));
    const router = t.router({
      things: t.router({
        get: procedure.input(z.object({ id: z.string().min(2) })).query(({ input }) => {
          if (input.id === 'missing')
            throw new DomainError('THING_NOT_FOUND', 'no thing "missing"', { path: ['id'] });
          return { id: input.id };
        }),
      }),
    });
    const app = createServiceApp({
      name: 'demo',
      router,
      createContext: () => ({}),
      health: async () => ({ db: (await sql`select 1 as one`.execute(db)).rows.length }),
    });
    const { server, url } = await listen(app, 0);
    try {
      const ok = await fetch(
        `${url}/trpc/things.get?input=${encodeURIComponent(JSON.stringify({ id: 'ab' }))}`,
      );
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as TrpcBody).result.data).toEqual({ id: 'ab' });
      const missing = await fetch(
        `${url}/trpc/things.get?input=${encodeURIComponent(JSON.stringify({ id: 'missing' }))}`,
      );
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as TrpcBody).error.data.domain).toMatchObject({
        code: 'THING_NOT_FOUND',
        path: ['id'],
      });
      const bad = await fetch(
        `${url}/trpc/things.get?input=${encodeURIComponent(JSON.stringify({ id: 'a' }))}`,
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as TrpcBody).error.data.issues[0]?.path).toEqual(['id']);
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ service: 'demo', ok: true, db: 1 });
    } finally {
      server.close();
      await db.destroy();
    }
  });

  it('relays while the broker is down without losing anything, then delivers in order', async () => {
    await using database = await createTestDatabase();
    const db = createDatabase<MessagingTables>({ url: database.url, schema: 'demo' });
    try {
      await migrateToLatest(db as Kysely<unknown>, 'demo', migrations);
      const bus = new InProcessBus();
      let brokerUp = false;
      const delivered: string[] = [];
      bus.subscribe('shegong.stations', async (event) => {
        delivered.push(event.id);
      });
      const flaky = {
        publish: async (messages: readonly OutboxMessage[]) => {
          if (!brokerUp) throw new Error('broker unreachable');
          await bus.publish(messages);
        },
      };
      const errors: string[] = [];
      const loop = startRelayLoop(db, flaky, { intervalMs: 20, onError: (e) => errors.push(e.message) });
      const ids = Array.from({ length: 5 }, () => randomUUID());
      for (const id of ids) {
        await db.transaction().execute((trx) =>
          appendToOutbox(trx, [
            {
              id,
              occurredAt: new Date().toISOString(),
              source: 'registry',
              key: 'station:s1',
              type: 'station.status-changed.v1',
              data: { stationId: 's1', from: 'building', to: 'operating', on: '2023-03-01' },
            },
          ]).then(() => undefined),
        );
      }
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      expect(await pendingCount(db)).toBe(5);
      brokerUp = true;
      await loop.drain(10_000);
      await loop.stop();
      expect(delivered).toEqual(ids);
    } finally {
      await db.destroy();
    }
  });
});
