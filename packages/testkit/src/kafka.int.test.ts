import { describe, expect, inject, it } from 'vitest';
import { createTestTopic, kafkaClient } from './index.ts';

const KEYS = 10;
const PER_KEY = 100;
const TOTAL = KEYS * PER_KEY;

describe('createTestTopic + kafkaClient', () => {
  it('round-trips 1,000 keyed messages through an idempotent producer and a consumer group, in order per key', {
    timeout: 60_000,
  }, async () => {
    await using topic = await createTestTopic(3);
    const kafka = kafkaClient(topic.brokers);

    const admin = kafka.admin();
    await admin.connect();
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic.name] })).topics;
    await admin.disconnect();
    expect(metadata?.partitions).toHaveLength(3);

    // Sent in order, one batch awaited after the other: message i of key k carries sequence i.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      for (let seq = 0; seq < PER_KEY; seq += 10) {
        const messages = [];
        for (let s = seq; s < seq + 10; s++) {
          for (let k = 0; k < KEYS; k++)
            messages.push({ key: `station-${k}`, value: JSON.stringify({ k, s }) });
        }
        await producer.send({ topic: topic.name, acks: -1, messages });
      }
    } finally {
      await producer.disconnect();
    }

    const received: { key: string; seq: number; partition: number; offset: string }[] = [];
    const consumer = kafka.consumer({ groupId: `${topic.name}-readers`, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic.name], fromBeginning: true });
      const allIn = new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            const { s } = JSON.parse(message.value?.toString() ?? '{}') as { s: number };
            received.push({ key: message.key?.toString() ?? '', seq: s, partition, offset: message.offset });
            if (received.length >= TOTAL) resolve();
          },
        });
      });
      await allIn;
    } finally {
      await consumer.disconnect();
    }

    expect(received).toHaveLength(TOTAL);
    expect(new Set(received.map((m) => `${m.key}/${m.seq}`)).size).toBe(TOTAL);
    const byKey = Map.groupBy(received, (m) => m.key);
    expect(byKey.size).toBe(KEYS);
    for (const [key, messages] of byKey) {
      expect(
        messages.map((m) => m.seq),
        key,
      ).toEqual(Array.from({ length: PER_KEY }, (_, i) => i));
      expect(new Set(messages.map((m) => m.partition)).size, key).toBe(1);
    }
    // Ten keys over three partitions: the Java-compatible partitioner spreads them.
    expect(new Set(received.map((m) => m.partition)).size).toBeGreaterThan(1);
  });

  it('provides the brokers it started or was given', () => {
    expect(inject('testkit:kafkaBrokers')?.length).toBeGreaterThan(0);
  });
});
