/**
 * The registry and reporting services wired together over a real Kafka broker, on one fresh database (each
 * service on its own schema), the way they run as separate deployables. Not a spec: the e2e specs beside it
 * use it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { TOPICS } from '@shegong/events';
import { consumeEvents, KafkaPublisher } from '@shegong/messaging';
import {
  createRegistryService,
  SCHEMA as REGISTRY_SCHEMA,
  type RegistryDatabase,
} from '@shegong/registry-service';
import {
  connectReportingDatabase,
  createReportingService,
  migrateReporting,
  type ReportingDatabase,
} from '@shegong/reporting-service';
import { createDatabase } from '@shegong/service-kit';
import { createTestDatabase, kafkaClient } from '@shegong/testkit';
import { type Consumer, Kafka, logLevel, Partitioners } from 'kafkajs';
import type { Kysely } from 'kysely';

export const PII_KEY = '7c'.repeat(32);
const REPORTING_MAIN = fileURLToPath(new URL('../../services/reporting/src/main.ts', import.meta.url));

/**
 * A registry publishing to Kafka through its outbox relay, the reporting database migrated, and the topics
 * created under a prefix of this hub's own. Reporting's consumer is started separately: in this process
 * (`consumeInProcess`) or as the real `services/reporting` process (`spawnReporting`), which a test may kill.
 */
export async function startHubOverKafka(brokers: readonly string[]) {
  const database = await createTestDatabase();
  const prefix = `e2e-${randomBytes(4).toString('hex')}.`;
  const topics = TOPICS.map((t) => `${prefix}${t}`);
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    waitForLeaders: true,
  });
  await admin.disconnect();

  // The registry's producer as services/registry/src/main.ts builds it: idempotent, one request in flight.
  const kafka = new Kafka({
    clientId: 'e2e-registry',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const relayErrors: string[] = [];
  const registryDb = createDatabase<RegistryDatabase>({
    url: database.url,
    schema: REGISTRY_SCHEMA,
    maxConnections: 4,
  });
  const registry = createRegistryService({
    db: registryDb,
    piiKey: PII_KEY,
    publisher: new KafkaPublisher(producer, { topicPrefix: prefix }),
    relayIntervalMs: 20,
    onRelayError: (error) => relayErrors.push(error.message),
  });
  await registry.start();

  const reportingDb = connectReportingDatabase(database.url, { maxConnections: 4 });
  await migrateReporting(reportingDb);
  const consumers: Consumer[] = [];
  const children: ChildProcess[] = [];

  return {
    brokers,
    prefix,
    registry,
    registryCaller: registry.router.createCaller(registry.context),
    registryDb,
    reportingDb,
    /** What the relay reported while it could not publish (the broker was down). */
    relayErrors,
    /** Reporting's handler on a consumer in this process. */
    async consumeInProcess() {
      const service = createReportingService({ db: reportingDb });
      const consumer = await consumeEvents(
        new Kafka({ clientId: 'e2e-reporting', brokers: [...brokers], logLevel: logLevel.NOTHING }),
        { groupId: `${prefix}reporting`, topics, handle: service.handleEvent },
      );
      consumers.push(consumer);
      return consumer;
    },
    /** The real reporting process (`services/reporting/src/main.ts`), consuming with its own group id. */
    spawnReporting(): ChildProcess {
      const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', REPORTING_MAIN], {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.resume();
      child.stderr?.resume();
      children.push(child);
      return child;
    },
    async [Symbol.asyncDispose]() {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      for (const consumer of consumers) await consumer.disconnect().catch(() => {});
      await registry.stop();
      await producer.disconnect().catch(() => {});
      await registryDb.destroy();
      await reportingDb.destroy();
      await database[Symbol.asyncDispose]();
    },
  };
}

export type HubOverKafka = Awaited<ReturnType<typeof startHubOverKafka>>;

/** Retries `check` until it stops throwing, or fails with its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw last;
}

/** The sum of reporting's committed consumer-group offsets over every topic and partition. */
export async function committedOffsets(hub: { brokers: readonly string[]; prefix: string }): Promise<number> {
  const admin = kafkaClient(hub.brokers).admin();
  await admin.connect();
  try {
    const topics = TOPICS.map((t) => `${hub.prefix}${t}`);
    const offsets = await admin.fetchOffsets({ groupId: `${hub.prefix}reporting`, topics });
    return offsets.flatMap((t) => t.partitions).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Rewinds reporting's consumer group to the start of every topic, once the group has no live member (a
 * SIGKILLed consumer stays a member until its session times out): the next consumer is handed every event
 * again, the ones it applied included.
 */
export async function rewindCommittedOffsets(hub: {
  brokers: readonly string[];
  prefix: string;
}): Promise<void> {
  const admin = kafkaClient(hub.brokers).admin();
  await admin.connect();
  try {
    const groupId = `${hub.prefix}reporting`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { groups } = await admin.describeGroups([groupId]);
      if (groups.every((g) => g.members.length === 0)) break;
      if (Date.now() > deadline) throw new Error(`consumer group ${groupId} still has members after 90 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const topic of TOPICS)
      await admin.resetOffsets({ groupId, topic: `${hub.prefix}${topic}`, earliest: true });
  } finally {
    await admin.disconnect();
  }
}

/** Rows of reporting's inbox: one per event applied. */
export async function inboxCount(db: Kysely<ReportingDatabase>): Promise<number> {
  const row = await db
    .selectFrom('inbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Events the registry has written to its outbox so far, and how many of them are published. */
export async function outboxCounts(
  db: Kysely<RegistryDatabase>,
): Promise<{ total: number; published: number }> {
  const rows = await db.selectFrom('outbox').select(['published_at']).execute();
  return { total: rows.length, published: rows.filter((r) => r.published_at !== null).length };
}

/**
 * The coverage rollup computed from scratch from the registry's own stations table: operating stations per
 * region at every level, the ground truth reporting's incrementally kept rollup must equal.
 */
export async function coverageTruth(
  db: Kysely<RegistryDatabase>,
  pathOf: (code: string) => readonly string[],
): Promise<Map<string, number>> {
  const stations = await db.selectFrom('stations').select(['region_code', 'status']).execute();
  const truth = new Map<string, number>();
  for (const s of stations) {
    if (s.status !== 'operating') continue;
    for (const code of pathOf(s.region_code)) truth.set(code, (truth.get(code) ?? 0) + 1);
  }
  return truth;
}

/** Reporting's coverage rollup as region → operating stations (regions with none left out). */
export async function coverageRollup(db: Kysely<ReportingDatabase>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('coverage').select(['region_code', 'operating_stations']).execute();
  return new Map(
    rows.filter((r) => r.operating_stations !== 0).map((r) => [r.region_code, r.operating_stations]),
  );
}
