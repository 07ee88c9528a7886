/**
 * The whole hub in this process for the gateway's e2e specs: registry, funding and reporting each on its
 * own loopback port and Postgres schema, events carried by an in-process bus through the real outbox and
 * inbox, and the gateway in front. One fresh database per spec file. Not a spec.
 */
import type { Server } from 'node:http';
import { TOPICS } from '@shegong/events';
import { createFundingService, SCHEMA as FUNDING, type FundingDatabase } from '@shegong/funding-service';
import type { AppRouter } from '@shegong/gateway-service';
import { createGatewayService, SCHEMA as GATEWAY, type GatewayDatabase } from '@shegong/gateway-service';
import { InProcessBus } from '@shegong/messaging';
import { createRegistryService, SCHEMA as REGISTRY, type RegistryDatabase } from '@shegong/registry-service';
import {
  connectReportingDatabase,
  createReportingService,
  migrateReporting,
} from '@shegong/reporting-service';
import { createDatabase, listen } from '@shegong/service-kit';
import { createTestDatabase } from '@shegong/testkit';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { sql } from 'kysely';

export const TOKEN_SECRET = 'e2e-gateway-token-secret-0123456789abcdef';

export async function startHub(options: { rateLimitPerMinute?: number } = {}) {
  const database = await createTestDatabase();
  const servers: Server[] = [];
  const bus = new InProcessBus();

  const registryDb = createDatabase<RegistryDatabase>({
    url: database.url,
    schema: REGISTRY,
    maxConnections: 4,
  });
  const registry = createRegistryService({
    db: registryDb,
    piiKey: '3d'.repeat(32),
    publisher: bus,
    relayIntervalMs: 10,
  });
  await registry.start();
  const fundingDb = createDatabase<FundingDatabase>({
    url: database.url,
    schema: FUNDING,
    maxConnections: 4,
  });
  const funding = createFundingService({ db: fundingDb, publisher: bus, relayIntervalMs: 10 });
  await funding.migrate();
  funding.start();
  const reportingDb = connectReportingDatabase(database.url, { maxConnections: 4 });
  await migrateReporting(reportingDb);
  const reporting = createReportingService({ db: reportingDb });
  for (const topic of TOPICS) bus.subscribe(topic, reporting.handleEvent);

  const serve = async (app: Parameters<typeof listen>[0]) => {
    const { server, url } = await listen(app, 0);
    servers.push(server);
    return url;
  };
  const services = {
    registry: await serve(registry.app),
    funding: await serve(funding.app),
    reporting: await serve(reporting.app),
  };
  const gatewayDb = createDatabase<GatewayDatabase>({
    url: database.url,
    schema: GATEWAY,
    maxConnections: 4,
  });
  const gateway = createGatewayService({
    db: gatewayDb,
    services,
    tokenSecret: TOKEN_SECRET,
    ...(options.rateLimitPerMinute !== undefined && { rateLimitPerMinute: options.rateLimitPerMinute }),
  });
  await gateway.migrate();
  const url = await serve(gateway.app);

  return {
    url,
    gateway,
    registry,
    funding,
    registryDb,
    fundingDb,
    reportingDb,
    gatewayDb,
    /** A tRPC client of the gateway's AppRouter, as a front end makes one. */
    client(headers: Record<string, string> = {}, batch = true) {
      const link = (batch ? httpBatchLink : httpLink)({ url: `${url}/trpc`, headers });
      return createTRPCClient<AppRouter>({ links: [link] });
    },
    /** Waits until every event written so far reached reporting. */
    async settle() {
      await registry.drain();
      await funding.drain();
    },
    /**
     * A fingerprint of everything a write could change: the registry's and funding's tables (row contents,
     * not just counts), every outbox, reporting's records, ingest keys, reports, locks, evaluations and
     * renewals, and funding's eligibility. Equal before and after a refused
     * call means the call wrote nothing.
     */
    async fingerprint(): Promise<string> {
      const tables = [
        'registry.operators',
        'registry.stations',
        'registry.workers',
        'registry.supervisors',
        'registry.staff_changes',
        'registry.outbox',
        'funding.contracts',
        'funding.budgets',
        'funding.payment_requests',
        'funding.outbox',
        'funding.operator_eligibility',
        'reporting.service_records',
        'reporting.ingest_requests',
        'reporting.reports',
        'reporting.report_locks',
        'reporting.evaluations',
        'reporting.renewals',
      ];
      const parts = await Promise.all(
        tables.map(async (table) => {
          const row = await sql<{ f: string | null }>`
            select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as f from ${sql.raw(table)} t`.execute(
            registryDb,
          );
          return `${table}:${row.rows[0]?.f}`;
        }),
      );
      return parts.join(',');
    },
    async [Symbol.asyncDispose]() {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      await registry.stop();
      await funding.stop();
      for (const db of [registryDb, fundingDb, reportingDb, gatewayDb]) await db.destroy();
      await database[Symbol.asyncDispose]();
    },
  };
}

export type Hub = Awaited<ReturnType<typeof startHub>>;
