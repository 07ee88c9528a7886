import { randomUUID } from 'node:crypto';
import type { HubEventInput } from '@shegong/events';
import { DomainError } from '@shegong/kernel';
import { createTestDatabase, createTestTopic, kafkaClient } from '@shegong/testkit';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { InProcessBus } from './in-process.ts';
import { applyOnce, applyOrPark, replayDeadLetter } from './inbox.ts';
import { consumeEvents, KafkaPublisher } from './kafka.ts';
import { appendToOutbox, pendingCount, relayOnce } from './outbox.ts';
import { type ConsumerTables, createDeadLettersTableV1, createMessagingTablesV1 } from './schema.ts';

interface Db extends ConsumerTables {
  stations: { id: string; status: string };
  opened_count: { station_id: string; n: number };
}

async function setup(url: string) {
  const db = new Kysely<Db>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }),
  });
  await createMessagingTablesV1(db as Kysely<unknown>, 'registry');
  await sql`create table registry.stations (id text primary key, status text not null)`.execute(db);
  await sql`create table registry.opened_count (station_id text primary key, n int not null)`.execute(db);
  return db.withSchema('registry');
}

type Status = 'planned' | 'building' | 'operating' | 'suspended' | 'closed';

function opened(stationId: string, from: Status = 'building', to: Status = 'operating'): HubEventInput {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'registry',
    key: `station:${stationId}`,
    type: 'station.status-changed.v1',
    data: { stationId, from, to, on: '2023-03-01' },
  };
}

/** The consumer's effect: count openings per station, once per event thanks to the inbox. */
function countOpening(db: Kysely<Db>) {
  return (event: { id: string; type: string; data: unknown } & Parameters<typeof applyOnce>[2]) =>
    applyOnce(db, 'reporting.coverage', event, async (trx) => {
      if (event.type !== 'station.status-changed.v1') return;
      await sql`insert into registry.opened_count (station_id, n) values (${event.data.stationId}, 1)
                on conflict (station_id) do update set n = opened_count.n + 1`.execute(trx);
    });
}

describe('transactional outbox + relay + inbox (real Postgres)', () => {
  it('publishes only what committed, in order, and applies a redelivered event once', async () => {
    await using database = await createTestDatabase();
    const db = await setup(database.url);
    try {
      // A rolled-back change leaves no event behind.
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('stations').values({ id: 'ghost', status: 'operating' }).execute();
          await appendToOutbox(trx, [opened('ghost')]);
          throw new Error('validation failed after the write');
        }),
      ).rejects.toThrow('validation failed');
      // Committed changes carry their events.
      const events = ['a', 'b', 'c'].map((s) => opened(s));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('stations')
          .values([
            { id: 'a', status: 'operating' },
            { id: 'b', status: 'operating' },
            { id: 'c', status: 'operating' },
          ])
          .execute();
        await appendToOutbox(trx, events);
      });
      expect(await pendingCount(db)).toBe(3);

      const bus = new InProcessBus();
      const seen: string[] = [];
      const apply = countOpening(db);
      bus.subscribe('shegong.stations', async (event) => {
        seen.push(event.id);
        await apply(event);
      });
      expect(await relayOnce(db, bus)).toBe(3);
      expect(seen).toEqual(events.map((e) => e.id));
      expect(await pendingCount(db)).toBe(0);

      // Redeliver the same batch (a relay that crashed after publishing, before marking).
      await sql`update registry.outbox set published_at = null`.execute(db);
      expect(await relayOnce(db, bus)).toBe(3);
      const counts = await db.selectFrom('opened_count').selectAll().orderBy('station_id').execute();
      expect(counts).toEqual([
        { station_id: 'a', n: 1 },
        { station_id: 'b', n: 1 },
        { station_id: 'c', n: 1 },
      ]);
    } finally {
      await db.destroy();
    }
  });

  it('keeps events in the outbox when the publisher fails, and delivers them on the next run', async () => {
    await using database = await createTestDatabase();
    const db = await setup(database.url);
    try {
      await db.transaction().execute((trx) => appendToOutbox(trx, [opened('x')]).then(() => undefined));
      const failing = { publish: async () => Promise.reject(new Error('broker down')) };
      await expect(relayOnce(db, failing)).rejects.toThrow('broker down');
      expect(await pendingCount(db)).toBe(1);
      const bus = new InProcessBus();
      expect(await relayOnce(db, bus)).toBe(1);
      expect(await pendingCount(db)).toBe(0);
    } finally {
      await db.destroy();
    }
  });
});

describe('dead letters: an event the consumer can never apply is parked, not retried forever', () => {
  it('parks data the effect or Postgres refuses, retries the rest, and replays a parked event once fixed', async () => {
    await using database = await createTestDatabase();
    const db = await setup(database.url);
    try {
      await createDeadLettersTableV1(db as unknown as Kysely<unknown>, 'registry');
      // Postgres refuses one station id (a check constraint); the effect refuses another (a DomainError).
      await sql`alter table registry.opened_count add constraint no_bad check (station_id <> 'bad')`.execute(
        db,
      );
      let connectionUp = false;
      const effect = (event: ReturnType<typeof opened>) => async (trx: Transaction<Db>) => {
        const stationId = (event.data as { stationId: string }).stationId;
        if (stationId === 'refused') throw new DomainError('STATION_UNKNOWN', 'no such station');
        if (stationId === 'flaky' && !connectionUp) throw new Error('Connection terminated unexpectedly');
        await sql`insert into registry.opened_count (station_id, n) values (${stationId}, 1)`.execute(trx);
      };
      const parkedSeen: string[] = [];
      const deliver = (event: ReturnType<typeof opened>) =>
        applyOrPark(db, 'reporting.coverage', event as never, effect(event), (e, failure) =>
          parkedSeen.push(`${e.id}:${failure.code}`),
        );
      const [good, bad, refused, flaky] = ['good', 'bad', 'refused', 'flaky'].map((s) => opened(s)) as [
        ReturnType<typeof opened>,
        ReturnType<typeof opened>,
        ReturnType<typeof opened>,
        ReturnType<typeof opened>,
      ];

      expect(await deliver(good)).toBe('applied');
      expect(await deliver(bad)).toBe('parked');
      expect(await deliver(refused)).toBe('parked');
      // A failure worth retrying is thrown, and leaves no trace: the next delivery applies it.
      await expect(deliver(flaky)).rejects.toThrow('Connection terminated');
      connectionUp = true;
      expect(await deliver(flaky)).toBe('applied');
      // A parked event delivered again is not retried (its inbox row says it was dealt with).
      expect(await deliver(bad)).toBe('duplicate');

      expect(parkedSeen).toEqual([`${bad.id}:PG_23514`, `${refused.id}:STATION_UNKNOWN`]);
      const parked = await db
        .selectFrom('dead_letters')
        .select(['event_id', 'type', 'error_code', 'replayed_at'])
        .orderBy('error_code')
        .execute();
      expect(parked).toEqual([
        { event_id: bad.id, type: 'station.status-changed.v1', error_code: 'PG_23514', replayed_at: null },
        {
          event_id: refused.id,
          type: 'station.status-changed.v1',
          error_code: 'STATION_UNKNOWN',
          replayed_at: null,
        },
      ]);
      const applied = await db
        .selectFrom('opened_count')
        .select('station_id')
        .orderBy('station_id')
        .execute();
      expect(applied.map((r) => r.station_id)).toEqual(['flaky', 'good']);

      // The cause fixed, the parked event is applied once; a second replay finds nothing to do.
      await sql`alter table registry.opened_count drop constraint no_bad`.execute(db);
      const replay = (trx: Transaction<Db>, event: { data: unknown }) =>
        sql`insert into registry.opened_count (station_id, n)
            values (${(event.data as { stationId: string }).stationId}, 1)`
          .execute(trx)
          .then(() => undefined);
      await replayDeadLetter(db, 'reporting.coverage', bad.id, replay);
      await expect(replayDeadLetter(db, 'reporting.coverage', bad.id, replay)).rejects.toThrow(
        /no parked event/,
      );
      // A replay whose effect fails again changes nothing.
      await expect(
        replayDeadLetter(db, 'reporting.coverage', refused.id, async () => {
          throw new DomainError('STATION_UNKNOWN', 'still no such station');
        }),
      ).rejects.toThrow('still no such station');
      const after = await db.selectFrom('dead_letters').select(['event_id', 'replayed_at']).execute();
      expect(after.find((r) => r.event_id === bad.id)?.replayed_at).toBeInstanceOf(Date);
      expect(after.find((r) => r.event_id === refused.id)?.replayed_at).toBeNull();
      expect((await db.selectFrom('opened_count').select('station_id').execute()).length).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});

describe('outbox relay to a real Kafka broker', () => {
  it('delivers every event to a consumer group, per-station order kept, redelivery applied once', async () => {
    await using database = await createTestDatabase();
    await using topic = await createTestTopic(3);
    const prefix = `${topic.name}.`;
    const kafka = kafkaClient(topic.brokers);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: `${prefix}shegong.stations`, numPartitions: 3 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const db = await setup(database.url);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const stations = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const events = stations.flatMap((s) => [opened(s), opened(s, 'operating', 'suspended')]);
    await db.transaction().execute((trx) => appendToOutbox(trx, events).then(() => undefined));
    const received: Array<{ id: string; stationId: string; to: string }> = [];
    const apply = countOpening(db);
    const consumer = await consumeEvents(kafka, {
      groupId: `${prefix}reporting`,
      topics: [`${prefix}shegong.stations`],
      handle: async (event) => {
        if (event.type === 'station.status-changed.v1')
          received.push({ id: event.id, stationId: event.data.stationId, to: event.data.to });
        await apply(event);
      },
    });
    try {
      const publisher = new KafkaPublisher(producer, { topicPrefix: prefix });
      expect(await relayOnce(db, publisher)).toBe(40);
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(40);
      for (const s of stations) {
        expect(received.filter((r) => r.stationId === s).map((r) => r.to)).toEqual([
          'operating',
          'suspended',
        ]);
      }
      // Publish everything again: the consumer sees the duplicates, the inbox ignores them.
      await sql`update registry.outbox set published_at = null`.execute(db);
      expect(await relayOnce(db, publisher)).toBe(40);
      await expect.poll(() => received.length, { timeout: 20_000 }).toBe(80);
      const counts = await db
        .selectFrom('opened_count')
        .select(sql<number>`sum(n)::int`.as('total'))
        .executeTakeFirstOrThrow();
      expect(counts.total).toBe(40);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await db.destroy();
    }
  });
});
