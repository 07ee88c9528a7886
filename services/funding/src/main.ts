/**
 * The funding service as a process of its own: env → database → migrations → HTTP → outbox relay (to
 * Kafka when KAFKA_BROKERS is set) → graceful shutdown on SIGTERM/SIGINT.
 */
import { KafkaPublisher } from '@shegong/messaging';
import { createDatabase, listen } from '@shegong/service-kit';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { FundingDatabase } from './db/schema.ts';
import { readEnv } from './env.ts';
import { createFundingService, SCHEMA } from './service.ts';

const env = readEnv();
const db = createDatabase<FundingDatabase>({ url: env.DATABASE_URL, schema: SCHEMA });

let producer: Producer | undefined;
if (env.KAFKA_BROKERS) {
  const kafka = new Kafka({
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

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`funding: ${signal}, shutting down`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await service.stop();
  await producer?.disconnect();
  await db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
