/**
 * The one place the testkit reads `process.env`. Everything else receives a {@link TestkitEnv}.
 *
 * - `DATABASE_URL`: use this Postgres server instead of starting one (the harness never stops it).
 * - `KAFKA_BROKERS`: comma-separated `host:port` list; use these brokers instead of starting one.
 * - `SHEGONG_TEST_SERVICES`: which services the global setup makes sure of: `postgres,kafka` (default),
 *   `postgres`, `kafka` or `none`.
 * - `SHEGONG_TEST_SERVERS`: where started servers come from: `auto` (default: Docker when an engine answers,
 *   else local processes), `docker` (testcontainers, fail without an engine) or `local` (infra/ scripts).
 */
export interface TestkitEnv {
  readonly databaseUrl: string | undefined;
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly services: ReadonlySet<TestService>;
  readonly servers: ServerSource;
}

export type TestService = 'postgres' | 'kafka';
export type ServerSource = 'auto' | 'docker' | 'local';

const SERVICES: readonly TestService[] = ['postgres', 'kafka'];
const SOURCES: readonly ServerSource[] = ['auto', 'docker', 'local'];

export function readTestkitEnv(env: NodeJS.ProcessEnv = process.env): TestkitEnv {
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  const brokers = nonEmpty(env.KAFKA_BROKERS);
  return {
    databaseUrl,
    kafkaBrokers: brokers === undefined ? undefined : parseBrokers(brokers),
    services: parseServices(nonEmpty(env.SHEGONG_TEST_SERVICES) ?? 'postgres,kafka'),
    servers: parseSource(nonEmpty(env.SHEGONG_TEST_SERVERS) ?? 'auto'),
  };
}

/** `"a:9092, b:9092"` → `['a:9092', 'b:9092']`; tolerates the `KAFKA_BROKERS=` prefix the infra scripts print. */
export function parseBrokers(value: string): string[] {
  const brokers = value
    .replace(/^KAFKA_BROKERS=/, '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d+$/.test(broker)) {
      throw new Error(
        `KAFKA_BROKERS: "${broker}" is not host:port (expected e.g. 127.0.0.1:9092,127.0.0.1:9093)`,
      );
    }
  }
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is set but names no broker');
  return brokers;
}

function parseServices(value: string): Set<TestService> {
  const services = new Set<TestService>();
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name === '' || name === 'none') continue;
    if (!SERVICES.includes(name as TestService)) {
      throw new Error(`SHEGONG_TEST_SERVICES: unknown service "${name}" (use postgres, kafka or none)`);
    }
    services.add(name as TestService);
  }
  return services;
}

function parseSource(value: string): ServerSource {
  if (!SOURCES.includes(value as ServerSource)) {
    throw new Error(`SHEGONG_TEST_SERVERS: "${value}" is not one of ${SOURCES.join(', ')}`);
  }
  return value as ServerSource;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
