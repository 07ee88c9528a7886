import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { readTestkitEnv, type TestkitEnv } from './env.ts';
import { infraDir, runInfraScriptSync } from './infra-script.ts';
import { type RunningServer, redact, startKafka, startPostgres } from './servers.ts';
import './provided.ts';

/**
 * vitest `globalSetup`: makes sure of ONE Postgres server and ONE Kafka broker for the whole test run and
 * provides their addresses (`inject('testkit:databaseUrl')`, `inject('testkit:kafkaBrokers')`); specs then take
 * a database or topic of their own with `createTestDatabase()` / `createTestTopic()`.
 *
 * Where servers come from, per service: the environment (`DATABASE_URL`, `KAFKA_BROKERS`) when set, never
 * stopped by us; else a testcontainers container when a Docker engine answers; else a local process from
 * `infra/postgres/pg.sh` / `infra/kafka/kafka.sh`. `SHEGONG_TEST_SERVICES` narrows which services start.
 *
 * Several projects (`int`, `e2e`) may list this file: vitest runs each project's global setup, so the servers
 * live on `globalThis` (one vitest process) with a reference count, start once and stop after the last project.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const registry = globalThis as { [REGISTRY]?: Shared };
  let shared = registry[REGISTRY];
  if (shared === undefined) {
    shared = { refs: 0, servers: startServers(readTestkitEnv()) };
    registry[REGISTRY] = shared;
  }
  shared.refs += 1;
  const current = shared;
  let servers: Servers;
  try {
    servers = await current.servers;
  } catch (error) {
    current.refs -= 1;
    if (registry[REGISTRY] === current) delete registry[REGISTRY];
    throw error;
  }
  project.provide('testkit:databaseUrl', servers.postgres?.address);
  project.provide('testkit:kafkaBrokers', servers.kafka?.address.split(','));

  let tornDown = false;
  return async () => {
    if (tornDown) return;
    tornDown = true;
    current.refs -= 1;
    if (current.refs > 0) return;
    if (registry[REGISTRY] === current) delete registry[REGISTRY];
    await stopServers(servers);
  };
}

const REGISTRY = Symbol.for('@shegong/testkit/servers');

interface Servers {
  readonly postgres?: RunningServer;
  readonly kafka?: RunningServer;
  /** `infra/.run/testkit-<pid>`: the local scripts' run dirs. */
  readonly runDir: string;
  stopped: boolean;
}

interface Shared {
  refs: number;
  readonly servers: Promise<Servers>;
}

async function startServers(env: TestkitEnv): Promise<Servers> {
  const started = performance.now();
  reapStaleRuns();
  // One folder per vitest process: a developer's own `kafka.sh start` (infra/.run/kafka) stays untouched.
  const runDir = `${infraDir}.run/testkit-${process.pid}`;
  mkdirSync(runDir, { recursive: true });

  const [postgres, kafka] = await Promise.allSettled([
    env.services.has('postgres') ? startPostgres(env, runDir) : undefined,
    env.services.has('kafka') ? startKafka(env, runDir) : undefined,
  ]);
  const servers: Servers = {
    runDir,
    stopped: false,
    ...(postgres.status === 'fulfilled' && postgres.value ? { postgres: postgres.value } : {}),
    ...(kafka.status === 'fulfilled' && kafka.value ? { kafka: kafka.value } : {}),
  };
  const failures = [postgres, kafka].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    await stopServers(servers);
    throw new AggregateError(
      failures.map((f) => f.reason),
      `testkit: could not start the test servers: ${[...new Set(failures.map((f) => String(f.reason?.message ?? f.reason)))].join('; ')}`,
    );
  }

  process.once('exit', () => {
    // Backstop for a run that ends without teardown (an error in another global setup, process.exit):
    // never leave a broker or cluster behind. Containers are covered by testcontainers' reaper.
    if (servers.stopped) return;
    for (const server of [servers.postgres, servers.kafka]) server?.stopSync();
    rmSync(runDir, { recursive: true, force: true });
  });

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const described = [
    servers.postgres && `postgres ${redact(servers.postgres.address)} (${servers.postgres.origin})`,
    servers.kafka && `kafka ${servers.kafka.address} (${servers.kafka.origin})`,
  ].filter(Boolean);
  console.log(`testkit: ${described.join(', ') || 'no servers'} ready in ${seconds}s`);
  return servers;
}

async function stopServers(servers: Servers): Promise<void> {
  if (servers.stopped) return;
  servers.stopped = true;
  const results = await Promise.allSettled([servers.postgres?.stop(), servers.kafka?.stop()]);
  rmSync(servers.runDir, { recursive: true, force: true });
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * A vitest process killed outright (SIGKILL, a closed terminal) runs no teardown. Its run folder
 * `infra/.run/testkit-<pid>` remains; when that pid is gone, stop what it started before starting more.
 */
function reapStaleRuns(): void {
  let entries: string[];
  try {
    entries = readdirSync(`${infraDir}.run`);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = /^testkit-(\d+)$/.exec(entry);
    if (!match || Number(match[1]) === process.pid || processAlive(Number(match[1]))) continue;
    const dir = `${infraDir}.run/${entry}`;
    runInfraScriptSync('postgres/pg.sh', 'stop', { PG_RUN_DIR: `${dir}/postgres` });
    runInfraScriptSync('kafka/kafka.sh', 'stop', { KAFKA_RUN_DIR: `${dir}/kafka` });
    rmSync(dir, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not reaped it yet (common under a container's init) still answers
  // kill(0); Linux shows it as state Z.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
