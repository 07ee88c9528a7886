import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { FundingRouter } from '@shegong/funding-service';
import {
  createGatewayService,
  SCHEMA as GATEWAY_SCHEMA,
  type GatewayDatabase,
} from '@shegong/gateway-service';
import type { RegistryRouter } from '@shegong/registry-service';
import type { ReportingRouter } from '@shegong/reporting-service';
import { createDatabase } from '@shegong/service-kit';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import {
  DEMO_SEED,
  ensureHubDatabase,
  type HubPorts,
  piiKeyFor,
  redactUrl,
  tokenSecretFor,
} from './config.ts';
import { type ConsoleServer, startConsoleServer } from './consoles.ts';
import { type DemoDataset, generateDemoDataset } from './demo/dataset.ts';
import { expectedOperatingStations, loadDemo, seconds } from './demo/load.ts';
import { writerOver } from './demo/writers.ts';
import { firstRollup, type RunningHub } from './embedded.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import type { HubEnv } from './env.ts';
import { type DemoIdentities, ensureDemoIdentities } from './identities.ts';

/** The services, each its own process; the consoles' app server runs in the hub's. */
type ServiceName = Exclude<keyof HubPorts, 'consoles'>;

/** Each service's own entry point (`src/main.ts` beside its `src/index.ts`). */
function mainOf(name: ServiceName): string {
  return fileURLToPath(new URL('./main.ts', import.meta.resolve(`@shegong/${name}-service`)));
}

/**
 * The hub as separate processes: each service's own `main.ts` (what a deployment runs), on DATABASE_URL
 * (or the embedded Postgres) with events through Kafka at KAFKA_BROKERS. Output lines carry the service's
 * name; SIGTERM is forwarded to every child; the demo loads over HTTP through typed tRPC clients.
 */
export async function startProcessHub(
  env: HubEnv,
  ports: HubPorts,
  log: (line: string) => void,
): Promise<RunningHub> {
  const brokers = env.KAFKA_BROKERS;
  if (brokers === undefined) throw new Error('separate processes need KAFKA_BROKERS to carry the events');
  const children: Array<{ name: ServiceName; child: ChildProcess; exited: Promise<void> }> = [];
  let stopPostgres: (() => Promise<void>) | undefined;
  let consoles: ConsoleServer | undefined;
  let stopping = false;
  let failure: ((error: Error) => void) | undefined;
  const failed = new Promise<Error>((resolve) => {
    failure = resolve;
  });

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      await consoles?.stop();
      // Producers first, then the consumer, then Postgres.
      for (const { child, exited } of [...children].reverse()) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(kill);
      }
      await stopPostgres?.();
    })();
    return stopped;
  };

  // Should the hub itself die, it takes its services with it.
  process.once('exit', () => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  });

  const urls = Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [name, `http://127.0.0.1:${port}`]),
  ) as RunningHub['urls'];

  function launch(name: ServiceName, url: string): Promise<void> {
    // kafkajs 2.2 sets a negative timeout on Node ≥ 23 (harmless, Node clamps it to 1 ms) and warns.
    const flags = ['--disable-warning=ExperimentalWarning', '--disable-warning=TimeoutNegativeWarning'];
    const child = spawn(process.execPath, [...flags, mainOf(name)], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        KAFKA_BROKERS: brokers,
        // Every service the same topic names: the shared cluster's, or a tenant's / test run's.
        KAFKA_TOPIC_PREFIX: env.KAFKA_TOPIC_PREFIX,
        PORT: String(ports[name]),
        HOST: '127.0.0.1',
        ...(name === 'registry' && { REGISTRY_PII_KEY: piiKeyFor(env) }),
        ...(name === 'gateway' && {
          REGISTRY_URL: urls.registry,
          FUNDING_URL: urls.funding,
          REPORTING_URL: urls.reporting,
          GATEWAY_TOKEN_SECRET: tokenSecretFor(env),
          GATEWAY_RATE_LIMIT: String(env.GATEWAY_RATE_LIMIT),
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own: a Ctrl-C reaches the hub alone, which stops the services in order.
      detached: true,
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    children.push({ name, child, exited });
    const label = name.padEnd(9);
    let consuming: (() => void) | undefined;
    const consumingSeen = new Promise<void>((resolve) => {
      consuming = resolve;
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        log(`${label} | ${line}`);
        if (line.includes('consuming')) consuming?.();
      });
    }
    child.once('exit', (code, signal) => {
      if (stopping) return;
      failure?.(new Error(`${name} exited (${signal ?? `code ${code}`})`));
    });
    const up = waitForHealth(urls[name], exited, name);
    // Reporting creates the topics before it consumes: the producers start after that.
    return name === 'reporting' ? up.then(() => Promise.race([consumingSeen, exited])) : up;
  }

  try {
    let url = env.DATABASE_URL;
    if (url === undefined) {
      const started = performance.now();
      const postgres = await startEmbeddedPostgres({
        dataDir: join(env.HUB_DATA_DIR, 'postgres'),
        log: (line) => log(`postgres: ${line}`),
      });
      stopPostgres = () => postgres.stop();
      url = await ensureHubDatabase(postgres.url);
      log(
        `postgres: embedded PostgreSQL, data in ${postgres.dataDir} (${seconds(performance.now() - started)})`,
      );
    } else {
      log(`postgres: ${redactUrl(url)}`);
    }
    const started = performance.now();
    await launch('reporting', url);
    await Promise.all([launch('registry', url), launch('funding', url)]);
    // The gateway last: its /health answers ok once every service behind it does.
    await launch('gateway', url);
    if (ports.consoles !== undefined) {
      consoles = await startConsoleServer({ port: ports.consoles, gatewayUrl: urls.gateway }, log);
      urls.consoles = consoles.url;
    }
    log(
      `hub: gateway, registry, funding, reporting up as processes (${seconds(performance.now() - started)})`,
    );

    let demo: DemoDataset | null = null;
    let identities: DemoIdentities | null = null;
    if (env.HUB_DEMO === '1') {
      identities = await seedIdentities(env, url, urls);
      demo = generateDemoDataset(DEMO_SEED);
      await loadDemoOverHttp(urls, demo, log);
    }
    return { urls, demo, identities, stop, failed };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The demo's users and API keys, written by the hub process into the gateway's schema (migrated by now). */
async function seedIdentities(env: HubEnv, url: string, urls: RunningHub['urls']): Promise<DemoIdentities> {
  const db = createDatabase<GatewayDatabase>({ url, schema: GATEWAY_SCHEMA, maxConnections: 2 });
  try {
    const gateway = createGatewayService({
      db,
      services: { registry: urls.registry, funding: urls.funding, reporting: urls.reporting },
      tokenSecret: tokenSecretFor(env),
    });
    return await ensureDemoIdentities(gateway, env.HUB_DATA_DIR);
  } finally {
    await db.destroy();
  }
}

async function loadDemoOverHttp(
  urls: RunningHub['urls'],
  data: DemoDataset,
  log: (line: string) => void,
): Promise<void> {
  const link = (url: string) => [httpBatchLink({ url: `${url}/trpc` })];
  const registry = createTRPCClient<RegistryRouter>({ links: link(urls.registry) });
  const funding = createTRPCClient<FundingRouter>({ links: link(urls.funding) });
  const reporting = createTRPCClient<ReportingRouter>({ links: link(urls.reporting) });
  await loadDemo(
    {
      registry: writerOver(registry),
      funding: writerOver(funding),
      reporting: writerOver(reporting),
      present: async () => ({
        registry: (await registry.stations.list.query({ limit: 1 })).items.length > 0,
        funding: (await funding.contracts.list.query({ limit: 1 })).items.length > 0,
        serviceRecords: (await reporting.rollups.services.query(firstRollup(data))).totals.records > 0,
        reports: (await reporting.reports.list.query({ regionCode: '410000' })).length > 0,
        evaluations: (await reporting.evaluations.list.query({ regionCode: '410000' })).length > 0,
      }),
      // Through Kafka nothing says "delivered": wait until reporting shows every operating demo station,
      // then until its compliance counts stop changing (the staff events follow their station's).
      settle: async () => {
        const deadline = Date.now() + 120_000;
        const expected = expectedOperatingStations(data);
        const snapshot = async () =>
          JSON.stringify(
            await Promise.all(
              [...expected.keys()].map((regionCode) => reporting.compliance.summary.query({ regionCode })),
            ),
          );
        while (true) {
          const coverage = await Promise.all(
            [...expected].map(async ([regionCode, n]) => {
              const c = await reporting.rollups.coverage.query({ regionCode });
              return c.operatingStations >= n;
            }),
          );
          if (coverage.every(Boolean)) break;
          if (Date.now() > deadline)
            throw new Error('reporting did not receive the station events in 2 minutes');
          await sleep(250);
        }
        let previous = await snapshot();
        while (Date.now() < deadline) {
          await sleep(500);
          const current = await snapshot();
          if (current === previous) return;
          previous = current;
        }
      },
    },
    data,
    { seed: DEMO_SEED, log },
  );
}

/** Polls `<url>/health` until it answers ok; fails when the process exits first or after 60 s. */
async function waitForHealth(url: string, exited: Promise<void>, name: string): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 60_000;
  while (true) {
    if (gone) throw new Error(`${name} exited before it was up (its output is above)`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${url}/health within 60 s`);
    await sleep(200);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
