import { decodeEvent, type HubEvent } from '@shegong/events';
import type { OutboxMessage, Publisher } from './outbox.ts';

export type Handler = (event: HubEvent) => Promise<void>;

/**
 * Event delivery inside one process, for the embedded one-command start: the same outbox, relay and inbox
 * code runs, only the transport differs. Subscribers get every published event in publish order; a
 * subscriber's failure fails the publish, so the relay retries the batch (the inbox skips what was done).
 */
export class InProcessBus implements Publisher {
  readonly #subscribers = new Map<string, Handler[]>();

  subscribe(topic: string, handler: Handler): () => void {
    const list = this.#subscribers.get(topic) ?? [];
    list.push(handler);
    this.#subscribers.set(topic, list);
    return () => {
      this.#subscribers.set(
        topic,
        (this.#subscribers.get(topic) ?? []).filter((h) => h !== handler),
      );
    };
  }

  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    for (const message of messages) {
      const event = decodeEvent(message.value);
      for (const handler of this.#subscribers.get(message.topic) ?? []) await handler(event);
    }
  }
}
