import { type MessagingTables, type Publisher, pendingCount, relayOnce } from '@shegong/messaging';
import type { Kysely } from 'kysely';

export interface RelayLoop {
  /** Relays until the outbox is empty (or `timeoutMs` passes); for tests and orderly shutdown. */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Publishes a service's outbox continuously: relays a batch, and when the outbox is empty (or the
 * publisher fails, e.g. Kafka is down) waits `intervalMs` before trying again. Nothing is lost while the
 * broker is away: events wait in the outbox and go out, in order, once it is back.
 */
export function startRelayLoop(
  db: Kysely<MessagingTables>,
  publisher: Publisher,
  options: { intervalMs?: number; batchSize?: number; onError?: (error: Error) => void } = {},
): RelayLoop {
  const interval = options.intervalMs ?? 200;
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let published = 0;
      try {
        published = await relayOnce(db, publisher, options.batchSize);
      } catch (error) {
        options.onError?.(error as Error);
      }
      if (published === 0 && !stopped) await sleep(interval);
    }
  })();
  return {
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await pendingCount(db)) > 0) {
        if (Date.now() > deadline) throw new Error(`outbox not drained within ${timeoutMs} ms`);
        wake?.();
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
