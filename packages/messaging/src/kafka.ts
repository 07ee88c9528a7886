import { decodeEvent, type HubEvent } from '@shegong/events';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { OutboxMessage, Publisher } from './outbox.ts';

/**
 * Publishes outbox messages to Kafka with an idempotent producer (`acks: -1`, one request in flight), keyed
 * so one aggregate's events land on one partition in order. Create the producer with
 * `kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner })`.
 */
export class KafkaPublisher implements Publisher {
  readonly #producer: Producer;
  readonly #topicPrefix: string;

  /** @param options.topicPrefix prepended to every topic (`test-…` in tests, a tenant in shared clusters) */
  constructor(producer: Producer, options: { topicPrefix?: string } = {}) {
    this.#producer = producer;
    this.#topicPrefix = options.topicPrefix ?? '';
  }

  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    const byTopic = new Map<string, OutboxMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await this.#producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: `${this.#topicPrefix}${topic}`,
        messages: list.map((m) => ({
          key: m.key,
          value: m.value,
          headers: { 'event-id': m.id, 'event-type': m.type },
        })),
      })),
    });
  }
}

/**
 * Runs `handle` for every event on `topics`, one message at a time per partition, committing a message's
 * offset only after its handler resolved. Handlers are expected to use `applyOnce`, so a rebalance or crash
 * that redelivers a message does no harm. A message that is not a valid hub event is a poison message: it
 * is logged through `onInvalid` and skipped rather than blocking its partition forever.
 */
export async function consumeEvents(
  kafka: Kafka,
  options: {
    groupId: string;
    topics: readonly string[];
    handle: (event: HubEvent) => Promise<void>;
    onInvalid?: (error: Error, raw: string) => void;
    fromBeginning?: boolean;
  },
): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  for (const topic of options.topics)
    await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    autoCommit: true,
    eachMessage: async ({ message }) => {
      const raw = message.value?.toString() ?? '';
      let event: HubEvent;
      try {
        event = decodeEvent(raw);
      } catch (error) {
        options.onInvalid?.(error as Error, raw);
        return;
      }
      await options.handle(event);
    },
  });
  return consumer;
}
