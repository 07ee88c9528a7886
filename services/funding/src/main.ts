/**
 * The funding service as a process of its own: env → database → migrations → HTTP → outbox relay (to
 * Kafka when KAFKA_BROKERS is set) and a consumer of the renewal decisions (`renewal.decided.v1`) →
 * graceful shutdown on SIGTERM/SIGINT.
 */
import { TOPIC_OF } from '@shegong/events';
import { consumeEvents, KafkaPublisher } from '@shegong/messaging';
import { createDatabase, listen } from '@shegong/service-kit';
import { type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { FundingDatabase } from './db/schema.ts';
import { readEnv } from './env.ts';
import { createFundingService, SCHEMA } from './service.ts';

const env = readEnv();
const db = createDatabase<FundingDatabase>({ url: env.DATABASE_URL, schema: SCHEMA });

let kafka: Kafka | undefined;
let producer: Producer | undefined;
let consumer: Consumer | undefined;
if (env.KAFKA_BROKERS) {
  kafka = new Kafka({
    clientId: 'shegong-funding',
    brokers: env.KAFKA_BROKERS,
    logLevel: logLevel.WARN,
  });
  // Idempotent, one request in flight, the Java partitioner: one contract's events stay in order on one
  // partition; an idempotent producer keeps retrying rather than give up mid-sequence.
  producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: Number.MAX_SAFE_INTEGER },
  });
  await producer.connect();
}

const service = createFundingService({
  db,
  ...(producer ? { publisher: new KafkaPublisher(producer, { topicPrefix: env.KAFKA_TOPIC_PREFIX }) } : {}),
  onRelayError: (error) => console.error(`funding: outbox relay failed, will retry: ${error.message}`),
});
const applied = await service.migrate();
if (applied.length > 0) console.log(`funding: applied migrations ${applied.join(', ')}`);
const { server, url } = await listen(service.app, env.PORT, env.HOST);
service.start();
console.log(
  `funding: listening on ${url}${producer ? ', relaying events to Kafka' : ', events stay in the outbox (no KAFKA_BROKERS)'}`,
);

if (kafka) {
  // Reporting's renewal decisions: an ineligible operator is refused new awards [ZZ §6.4].
  const topic = `${env.KAFKA_TOPIC_PREFIX}${TOPIC_OF['renewal.decided.v1']}`;
  // Brokers run with topic auto-creation off: make sure the topic exists before subscribing.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  consumer = await consumeEvents(kafka, {
    groupId: `${env.KAFKA_TOPIC_PREFIX}funding`,
    topics: [topic],
    handle: service.handleEvent,
    onInvalid: (error) => console.error(`funding: skipped an invalid event: ${error.message}`),
  });
  console.log(`funding: consuming ${topic}`);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`funding: ${signal}, shutting down`);
  await consumer?.disconnect();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.stop();
  await producer?.disconnect();
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
