import { TOPICS } from '@shegong/events';
import { consumeEvents, KafkaPublisher } from '@shegong/messaging';
import { listen } from '@shegong/service-kit';
import { type Consumer, Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { readEnv } from './env.ts';
import { connectReportingDatabase, createReportingService, migrateReporting } from './service.ts';

/** The standalone reporting process: env → database → migrate → HTTP → Kafka consumer (and relay). */
const env = readEnv();
const db = connectReportingDatabase(env.DATABASE_URL);
await migrateReporting(db);

let kafka: Kafka | undefined;
let producer: Producer | undefined;
let consumer: Consumer | undefined;
if (env.KAFKA_BROKERS) {
  kafka = new Kafka({
    clientId: 'reporting',
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    logLevel: logLevel.WARN,
  });
  producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
}

const service = createReportingService({
  db,
  ...(producer ? { publisher: new KafkaPublisher(producer, { topicPrefix: env.KAFKA_TOPIC_PREFIX }) } : {}),
});
service.start();
const { server, url } = await listen(service.app, env.PORT, env.HOST);
console.log(`reporting: listening on ${url}`);

if (kafka) {
  const topics = TOPICS.map((t) => `${env.KAFKA_TOPIC_PREFIX}${t}`);
  // Brokers run with topic auto-creation off: make sure the topics exist before subscribing.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((topic) => ({ topic, numPartitions: 3 })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  consumer = await consumeEvents(kafka, {
    groupId: `${env.KAFKA_TOPIC_PREFIX}reporting`,
    topics,
    handle: service.handleEvent,
    onInvalid: (error) => console.error(`reporting: skipped an invalid event: ${error.message}`),
  });
  console.log(`reporting: consuming ${topics.join(', ')}`);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`reporting: ${signal}, shutting down`);
  await consumer?.disconnect();
  await service.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await producer?.disconnect();
  await db.destroy();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
