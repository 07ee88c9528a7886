import {
  Kafka,
  type KafkaConfig,
  type logCreator,
  logLevel,
  Partitioners,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';

/**
 * kafkajs with the settings checked against our brokers (see `/infra/README.md`): its own logger at WARN,
 * quick retries (the first group-coordinator and producer-id requests of a fresh broker are answered with
 * "loading" and retried), and producers that default to the Java-compatible partitioner, idempotence and
 * one request in flight, so per-key order holds. Send with `acks: -1`.
 */
class TestKafka extends Kafka {
  override producer(config: ProducerConfig = {}): Producer {
    const idempotent = config.idempotent ?? true;
    return super.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent,
      maxInFlightRequests: 1,
      // kafkajs' own default for an idempotent producer: a capped retry count may break exactly-once.
      ...(idempotent && config.retry === undefined ? { retry: { retries: Number.MAX_SAFE_INTEGER } } : {}),
      ...config,
    });
  }
}

/**
 * A fresh broker answers a client's first InitProducerId and GroupCoordinator requests with "coordinator is
 * loading / not available" while it creates its internal topics; kafkajs retries and succeeds, but logs each
 * as an ERROR. Those first few are dropped; past {@link TRANSIENT_LIMIT} in one client they are real (an
 * offsets topic that can never be created, say) and are printed.
 */
const TRANSIENT = /coordinator is (?:loading|not available)/i;
const TRANSIENT_LIMIT = 10;

const testLogCreator: logCreator = () => {
  let transientSeen = 0;
  return ({ namespace, level, label, log }) => {
    const { message, error, timestamp: _timestamp, logger: _logger, ...extra } = log;
    if (typeof error === 'string' && TRANSIENT.test(error) && ++transientSeen <= TRANSIENT_LIMIT) return;
    const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    const line = `kafkajs ${label} [${namespace}] ${message}${error ? `: ${String(error)}` : ''}${details}`;
    if (level <= logLevel.ERROR) console.error(line);
    else console.warn(line);
  };
};

/**
 * A kafkajs client for the given brokers.
 *
 * @example
 * ```ts
 * const kafka = kafkaClient(inject('testkit:kafkaBrokers'));
 * const producer = kafka.producer(); // idempotent, DefaultPartitioner, maxInFlightRequests 1
 * await producer.connect();
 * await producer.send({ topic, acks: -1, messages: [{ key: 'station-1', value: '…' }] });
 * ```
 */
export function kafkaClient(brokers: readonly string[], config: Partial<KafkaConfig> = {}): Kafka {
  return new TestKafka({
    clientId: 'shegong-test',
    logLevel: logLevel.WARN,
    logCreator: testLogCreator,
    retry: { initialRetryTime: 100, retries: 8 },
    ...config,
    brokers: [...brokers],
  });
}

/** Resolves once the brokers answer `describeCluster`, or rejects after `timeoutMs` with the last error. */
export async function waitForKafka(brokers: readonly string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const admin = new Kafka({
      clientId: 'shegong-test-probe',
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1_000,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Kafka at ${brokers.join(',')} did not answer within ${timeoutMs / 1000}s`, {
    cause: lastError,
  });
}
