import type { Server } from 'node:http';
import { join } from 'node:path';
import { TOPIC_OF, TOPICS } from '@shegong/events';
import {
  createFundingService,
  SCHEMA as FUNDING_SCHEMA,
  type FundingDatabase,
} from '@shegong/funding-service';
import {
  createGatewayService,
  SCHEMA as GATEWAY_SCHEMA,
  type GatewayDatabase,
} from '@shegong/gateway-service';
import { InProcessBus } from '@shegong/messaging';
import {
  createRegistryService,
  SCHEMA as REGISTRY_SCHEMA,
  type RegistryDatabase,
} from '@shegong/registry-service';
import {
  connectReportingDatabase,
  createReportingService,
  migrateReporting,
} from '@shegong/reporting-service';
import { createDatabase, listen } from '@shegong/service-kit';
import {
  DEMO_SEED,
  ensureHubDatabase,
  type HubPorts,
  piiKeyFor,
  redactUrl,
  tokenSecretFor,
} from './config.ts';
import { startConsoleServer } from './consoles.ts';
import { type DemoDataset, generateDemoDataset } from './demo/dataset.ts';
import { loadDemo, seconds } from './demo/load.ts';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres.ts';
import type { HubEnv } from './env.ts';
import { type DemoIdentities, ensureDemoIdentities } from './identities.ts';

/** What a started hub gives its caller: where the services listen, what the demo load did, how to stop. */
export interface RunningHub {
  urls: { [S in keyof HubPorts]: string };
  /** The demo data the services hold, or null with HUB_DEMO=0. */
  demo: DemoDataset | null;
  /** The demo's users and API keys for the gateway, or null with HUB_DEMO=0. */
  identities: DemoIdentities | null;
  /** Stops services, relays and servers, in that order; safe to call twice. */
  stop(): Promise<void>;
  /** Resolves if a part of the hub fails after the start (a service process exits). */
  failed?: Promise<Error>;
}

/**
 * The hub in one process: registry, funding and reporting on one Postgres (the embedded one unless
 * DATABASE_URL is set), each in its own schema and on its own port, with one `InProcessBus` carrying the
 * registry's and funding's outbox to reporting's inbox — the same outbox, relay and inbox code as with Kafka.
 */
export async function startEmbeddedHub(
  env: HubEnv,
  ports: HubPorts,
  log: (line: string) => void,
): Promise<RunningHub> {
  const stops: Array<() => Promise<unknown>> = [];
  let stopped: Promise<void> | undefined;
  const stop = () => {
    // Last started, first stopped: relays, HTTP servers, pools, then Postgres.
    stopped ??= (async () => {
      for (const fn of stops.reverse()) {
        try {
          await fn();
        } catch (error) {
          log(`hub: while stopping: ${(error as Error).message}`);
        }
      }
    })();
    return stopped;
  };

  try {
    let url = env.DATABASE_URL;
    if (url === undefined) {
      const started = performance.now();
      const postgres: EmbeddedServer = await startEmbeddedPostgres({
        dataDir: join(env.HUB_DATA_DIR, 'postgres'),
        log: (line) => log(`postgres: ${line}`),
      });
      stops.push(() => postgres.stop());
      url = await ensureHubDatabase(postgres.url);
      log(
        `postgres: embedded PostgreSQL, data in ${postgres.dataDir} (${seconds(performance.now() - started)})`,
      );
    } else {
      log(`postgres: ${redactUrl(url)}`);
    }

    const bus = new InProcessBus();
    const registryDb = createDatabase<RegistryDatabase>({ url, schema: REGISTRY_SCHEMA });
    const fundingDb = createDatabase<FundingDatabase>({ url, schema: FUNDING_SCHEMA });
    const reportingDb = connectReportingDatabase(url);
    for (const db of [registryDb, fundingDb, reportingDb] as Array<{ destroy(): Promise<void> }>)
      stops.push(() => db.destroy());

    const registry = createRegistryService({ db: registryDb, piiKey: piiKeyFor(env), publisher: bus });
    const funding = createFundingService({ db: fundingDb, publisher: bus });
    // Reporting publishes too (report.submitted.v1 …), through the same bus.
    const reporting = createReportingService({ db: reportingDb, publisher: bus });
    for (const topic of TOPICS) bus.subscribe(topic, reporting.handleEvent);
    // Funding consumes reporting's renewal decisions: an ineligible operator is refused awards [ZZ §6.4].
    bus.subscribe(TOPIC_OF['renewal.decided.v1'], funding.handleEvent);

    const migrated = performance.now();
    const applied = [
      ...(await registry.migrate()),
      ...(await funding.migrate()),
      ...(await migrateReporting(reportingDb)),
    ];
    log(
      `hub: schemas registry, funding, reporting ${applied.length > 0 ? `migrated (${applied.length} migrations)` : 'up to date'} (${seconds(performance.now() - migrated)})`,
    );

    const urls = {} as RunningHub['urls'];
    for (const [name, service] of [
      ['registry', registry],
      ['funding', funding],
      ['reporting', reporting],
    ] as const) {
      const { server, url: at } = await listen(service.app, ports[name]);
      stops.push(() => closeServer(server));
      urls[name] = at;
    }
    const gatewayDb = createDatabase<GatewayDatabase>({ url, schema: GATEWAY_SCHEMA });
    stops.push(() => gatewayDb.destroy());
    const gateway = createGatewayService({
      db: gatewayDb,
      services: { registry: urls.registry, funding: urls.funding, reporting: urls.reporting },
      tokenSecret: tokenSecretFor(env),
      rateLimitPerMinute: env.GATEWAY_RATE_LIMIT,
    });
    await gateway.migrate();
    const { server: gatewayServer, url: gatewayUrl } = await listen(gateway.app, ports.gateway);
    stops.push(() => closeServer(gatewayServer));
    urls.gateway = gatewayUrl;
    if (ports.consoles !== undefined) {
      const consoles = await startConsoleServer({ port: ports.consoles, gatewayUrl }, log);
      stops.push(() => consoles.stop());
      urls.consoles = consoles.url;
    }
    await registry.start();
    funding.start();
    reporting.start();
    stops.push(
      () => registry.stop(),
      () => funding.stop(),
      () => reporting.stop(),
    );
    log(
      `hub: gateway ${urls.gateway}; registry ${urls.registry}, funding ${urls.funding}, reporting ${urls.reporting}${urls.consoles ? `; consoles ${urls.consoles}` : ''}; events in-process`,
    );

    let demo: DemoDataset | null = null;
    let identities: DemoIdentities | null = null;
    if (env.HUB_DEMO === '1') {
      identities = await ensureDemoIdentities(gateway, env.HUB_DATA_DIR);
      const data = generateDemoDataset(DEMO_SEED);
      demo = data;
      const registryCaller = registry.router.createCaller(registry.context);
      const fundingCaller = funding.caller();
      const reportingCaller = reporting.router.createCaller({ db: reportingDb });
      await loadDemo(
        {
          registry: registryCaller,
          funding: fundingCaller,
          reporting: reportingCaller,
          present: async () => ({
            registry: (await registryCaller.stations.list({ limit: 1 })).items.length > 0,
            funding: (await fundingCaller.contracts.list({ limit: 1 })).items.length > 0,
            serviceRecords: (await reportingCaller.rollups.services(firstRollup(data))).totals.records > 0,
            reports: (await reportingCaller.reports.list({ regionCode: '410000' })).length > 0,
            evaluations: (await reportingCaller.evaluations.list({ regionCode: '410000' })).length > 0,
          }),
          // The bus delivers while the relay publishes: an empty outbox means reporting has applied it all.
          settle: async () => {
            await registry.drain();
            await funding.drain();
          },
        },
        data,
        { seed: DEMO_SEED, log },
      );
    }
    return { urls, demo, identities, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The rollup that holds demo records once they are loaded: the first demo station's city, first month. */
export function firstRollup(data: { stations: Array<{ regionCode: string }>; months: string[] }): {
  regionCode: string;
  period: string;
} {
  return {
    regionCode: `${(data.stations[0]?.regionCode ?? '410100').slice(0, 4)}00`,
    period: data.months[0] ?? '2026-01',
  };
}

/** Closes a server, ending idle keep-alive connections so it does not wait for clients to hang up. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
