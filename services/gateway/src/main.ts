import { createDatabase, listen } from '@shegong/service-kit';
import type { GatewayDatabase } from './db/schema.ts';
import { SCHEMA } from './db/schema.ts';
import { readGatewayEnv } from './env.ts';
import { createGatewayService } from './service.ts';

/** The gateway as a process of its own: env → db → migrate → listen → stop on SIGTERM/SIGINT. */
const env = readGatewayEnv();
const db = createDatabase<GatewayDatabase>({ url: env.DATABASE_URL, schema: SCHEMA });
const gateway = createGatewayService({
  db,
  services: { registry: env.REGISTRY_URL, funding: env.FUNDING_URL, reporting: env.REPORTING_URL },
  tokenSecret: env.GATEWAY_TOKEN_SECRET,
  rateLimitPerMinute: env.GATEWAY_RATE_LIMIT,
});
const applied = await gateway.migrate();
const { server, url } = await listen(gateway.app, env.PORT, env.HOST);
console.log(
  `gateway: listening on ${url} (tRPC /trpc, REST /api/v1, docs /docs)${applied.length ? `; migrated ${applied.join(', ')}` : ''}`,
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`gateway: ${signal}, stopping`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
