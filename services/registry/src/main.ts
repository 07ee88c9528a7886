import { KafkaPublisher } from '@shegong/messaging';
import { createDatabase, listen } from '@shegong/service-kit';
import { Kafka, Partitioners, type Producer } from 'kafkajs';
import type { RegistryDatabase } from './db/schema.ts';
import { readRegistryEnv } from './env.ts';
import { createRegistryService, SCHEMA } from './service.ts';

/** The registry as a process of its own: env → db → migrate → listen → relay → stop on SIGTERM/SIGINT. */
const env = readRegistryEnv();
const db = createDatabase<RegistryDatabase>({ url: env.DATABASE_URL, schema: SCHEMA });

let producer: Producer | undefined;
if (env.KAFKA_BROKERS?.length) {
  const kafka = new Kafka({ clientId: 'shegong-registry', brokers: env.KAFKA_BROKERS });
  producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
}

const registry = createRegistryService({
  db,
  piiKey: env.REGISTRY_PII_KEY,
  ...(producer && { publisher: new KafkaPublisher(producer, { topicPrefix: env.KAFKA_TOPIC_PREFIX }) }),
});
const applied = await registry.migrate();
const { server, url } = await listen(registry.app, env.PORT, env.HOST);
await registry.start();
console.log(
  `registry: listening on ${url}${applied.length ? ` (migrated: ${applied.join(', ')})` : ''}; events ${producer ? `to Kafka ${env.KAFKA_BROKERS?.join(',')}` : 'kept in the outbox (no KAFKA_BROKERS)'}`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`registry: ${signal}, stopping`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await registry.stop();
  await producer?.disconnect();
  await db.destroy();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
