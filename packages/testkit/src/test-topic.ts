import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { readTestkitEnv } from './env.ts';
import { kafkaClient } from './kafka-client.ts';
import './provided.ts';

/** A topic of its own for one spec; deleted on dispose. */
export interface TestTopic extends AsyncDisposable {
  /** `test-<12 hex digits>`. */
  readonly name: string;
  readonly partitions: number;
  /** The brokers it lives on, for {@link kafkaClient}. */
  readonly brokers: readonly string[];
}

/**
 * Creates a uniquely named topic (replication factor 1) on the test run's brokers and waits for its partition
 * leaders. Brokers come from the testkit global setup; outside such a project, `KAFKA_BROKERS` or
 * `options.brokers`.
 *
 * @example
 * ```ts
 * await using topic = await createTestTopic(3);
 * const producer = kafkaClient(topic.brokers).producer();
 * ```
 */
export async function createTestTopic(
  partitions = 1,
  options: { brokers?: readonly string[] } = {},
): Promise<TestTopic> {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new Error(`createTestTopic: partitions must be a positive integer, got ${partitions}`);
  }
  const brokers = options.brokers ?? inject('testkit:kafkaBrokers') ?? readTestkitEnv().kafkaBrokers;
  if (brokers === undefined) {
    throw new Error(
      "createTestTopic: no Kafka brokers. Add @shegong/testkit/global-setup to the vitest project's globalSetup (with kafka in SHEGONG_TEST_SERVICES), set KAFKA_BROKERS, or pass brokers.",
    );
  }
  const name = `test-${randomBytes(6).toString('hex')}`;
  const admin = kafkaClient(brokers, { clientId: 'shegong-testkit-admin' }).admin();
  await admin.connect();
  try {
    const created = await admin.createTopics({
      topics: [{ topic: name, numPartitions: partitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    if (!created) throw new Error(`createTestTopic: topic ${name} already exists`);
  } finally {
    await admin.disconnect();
  }
  let deleted = false;
  return {
    name,
    partitions,
    brokers,
    async [Symbol.asyncDispose]() {
      if (deleted) return;
      deleted = true;
      const admin = kafkaClient(brokers, { clientId: 'shegong-testkit-admin' }).admin();
      await admin.connect();
      try {
        await admin.deleteTopics({ topics: [name], timeout: 10_000 });
      } finally {
        await admin.disconnect();
      }
    },
  };
}
