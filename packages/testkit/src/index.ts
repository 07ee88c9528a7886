export type { ServerSource, TestService } from './env.ts';
export { kafkaClient, waitForKafka } from './kafka-client.ts';
export { type OwnKafka, startOwnKafka } from './own-kafka.ts';
export { KAFKA_IMAGE, POSTGRES_IMAGE, type ServerOrigin, waitForPostgres } from './servers.ts';
export { createTestDatabase, type TestDatabase } from './test-database.ts';
export { createTestTopic, type TestTopic } from './test-topic.ts';
