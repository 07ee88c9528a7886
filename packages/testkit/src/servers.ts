import pg from 'pg';
import { dockerAnswers } from './docker.ts';
import type { ServerSource, TestkitEnv } from './env.ts';
import { runInfraScript, runInfraScriptSync } from './infra-script.ts';
import { waitForKafka } from './kafka-client.ts';

/** Where a server came from: given by the environment, a testcontainers container, or an `infra/` script. */
export type ServerOrigin = 'env' | 'docker' | 'local';

export interface RunningServer {
  /** `postgres://…` for Postgres, `host:port,…` for Kafka. */
  readonly address: string;
  readonly origin: ServerOrigin;
  /** Stops what the harness started; a no-op for a server given by the environment. */
  stop(): Promise<void>;
  /** Last-resort synchronous stop from `process.on('exit')`; containers are left to testcontainers' reaper. */
  stopSync(): void;
}

/** Image tags mirror `infra/docker-compose.yml`. */
export const POSTGRES_IMAGE = 'postgres:17';
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';

const noop = (): void => {};

export async function startPostgres(env: TestkitEnv, runDir: string): Promise<RunningServer> {
  if (env.databaseUrl !== undefined) {
    await waitForPostgres(env.databaseUrl, 10_000);
    return { address: env.databaseUrl, origin: 'env', stop: async () => {}, stopSync: noop };
  }
  if (await useDocker(env.servers)) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer(POSTGRES_IMAGE)
      .withDatabase('postgres')
      .withUsername('postgres')
      .withPassword('postgres')
      // A test server is thrown away: durability buys nothing and costs seconds.
      .withCommand([
        'postgres',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ])
      .start();
    const url = container.getConnectionUri();
    await waitForPostgres(url, 30_000);
    return {
      address: url,
      origin: 'docker',
      stop: async () => {
        await container.stop();
      },
      stopSync: noop,
    };
  }
  const scriptEnv = { PG_RUN_DIR: `${runDir}/postgres` };
  const url = await runInfraScript('postgres/pg.sh', 'start', scriptEnv, 'DATABASE_URL');
  if (url === undefined) throw new Error('infra/postgres/pg.sh start printed no DATABASE_URL');
  await waitForPostgres(url, 10_000);
  return {
    address: url,
    origin: 'local',
    stop: async () => {
      await runInfraScript('postgres/pg.sh', 'stop', scriptEnv);
    },
    stopSync: () => runInfraScriptSync('postgres/pg.sh', 'stop', scriptEnv),
  };
}

export async function startKafka(env: TestkitEnv, runDir: string): Promise<RunningServer> {
  if (env.kafkaBrokers !== undefined) {
    await waitForKafka(env.kafkaBrokers, 15_000);
    return { address: env.kafkaBrokers.join(','), origin: 'env', stop: async () => {}, stopSync: noop };
  }
  if (await useDocker(env.servers)) {
    const container = await startKafkaContainer();
    const brokers = `${container.getHost()}:${container.getMappedPort(9092)}`;
    await waitForKafka([brokers], 60_000);
    return {
      address: brokers,
      origin: 'docker',
      stop: async () => {
        await container.stop();
      },
      stopSync: noop,
    };
  }
  const scriptEnv = { KAFKA_RUN_DIR: `${runDir}/kafka` };
  const brokers = await runInfraScript('kafka/kafka.sh', 'start', scriptEnv, 'KAFKA_BROKERS');
  if (brokers === undefined) throw new Error('infra/kafka/kafka.sh start printed no KAFKA_BROKERS');
  await waitForKafka([brokers], 60_000);
  return {
    address: brokers,
    origin: 'local',
    stop: async () => {
      await runInfraScript('kafka/kafka.sh', 'stop', scriptEnv);
    },
    stopSync: () => runInfraScriptSync('kafka/kafka.sh', 'stop', scriptEnv),
  };
}

async function useDocker(servers: ServerSource): Promise<boolean> {
  if (servers === 'local') return false;
  const answers = await dockerAnswers();
  if (servers === 'docker' && !answers) {
    throw new Error(
      'SHEGONG_TEST_SERVERS=docker but no container engine answers (set DOCKER_HOST, start Docker, or use local)',
    );
  }
  return answers;
}

/**
 * apache/kafka in KRaft mode. `@testcontainers/kafka` 12 drives Confluent's images only, so this follows the
 * pattern of testcontainers-java's apache/kafka module: the container waits for a start script, and the
 * script, written once the mapped port is known, advertises that port and runs the image's own entry point.
 */
async function startKafkaContainer() {
  const { GenericContainer, Wait } = await import('testcontainers');
  const startScript = '/tmp/testcontainers_start.sh';
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts(9092)
    .withEnvironment({
      CLUSTER_ID: '4L6g3nShT-eMCtK--X86sw',
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withEntrypoint(['sh'])
    .withCommand([
      '-c',
      `echo 'waiting for start script'; while [ ! -f ${startScript} ]; do sleep 0.1; done; ${startScript}`,
    ])
    .withWaitStrategy(Wait.forLogMessage('waiting for start script'))
    .start();
  const advertised = `PLAINTEXT://${container.getHost()}:${container.getMappedPort(9092)},BROKER://${container.getHostname()}:9093`;
  await container.copyContentToContainer([
    {
      content: `#!/bin/sh\nexport KAFKA_ADVERTISED_LISTENERS=${advertised}\nexec /etc/kafka/docker/run\n`,
      target: startScript,
      mode: 0o755,
    },
  ]);
  return container;
}

/** Resolves once `select 1` succeeds on `url`, or rejects after `timeoutMs` with the last error. */
export async function waitForPostgres(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Postgres at ${redact(url)} did not answer within ${timeoutMs / 1000}s`, {
    cause: lastError,
  });
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
