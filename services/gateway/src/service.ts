import { migrateToLatest } from '@shegong/service-kit';
import type { Express } from 'express';
import type { Kysely } from 'kysely';
import { createServiceClients, type ServiceUrls } from './clients.ts';
import { migrations } from './db/migrations/index.ts';
import { type GatewayDatabase, SCHEMA } from './db/schema.ts';
import { createGatewayApp } from './http/app.ts';
import { createApiClient, createUser, type NewUser } from './identity/identities.ts';
import { createTokenIssuer } from './identity/tokens.ts';
import { docsRouter } from './rest/docs.ts';
import { createRestApi } from './rest/index.ts';
import type { GatewayDeps } from './trpc/init.ts';

export interface GatewayServiceOptions {
  /** A kysely instance on the `gateway` schema: `createDatabase({ url, schema: SCHEMA })`. */
  db: Kysely<GatewayDatabase>;
  services: ServiceUrls;
  /** ≥ 32 characters; signs bearer tokens. */
  tokenSecret: string;
  rateLimitPerMinute?: number;
}

export interface GatewayService {
  app: Express;
  deps: GatewayDeps;
  migrate(): Promise<string[]>;
  /** Creates a user bound to a region and role (the hub's start and tests; later an admin procedure). */
  createUser(user: NewUser): ReturnType<typeof createUser>;
  /** Registers a city system; the key is returned once. */
  createApiClient(client: {
    name: string;
    regionCode: string;
    id?: string;
  }): ReturnType<typeof createApiClient>;
}

/**
 * The gateway: tRPC `AppRouter` at `/trpc`, the REST API at `/api/v1`, `/openapi.json`, `/docs`, `/health`.
 * @example
 * const gateway = createGatewayService({ db, services: { registry: 'http://127.0.0.1:3001', … }, tokenSecret });
 * await gateway.migrate();
 * await listen(gateway.app, 3000);
 */
export function createGatewayService(options: GatewayServiceOptions): GatewayService {
  const deps: GatewayDeps = {
    db: options.db,
    tokens: createTokenIssuer(options.tokenSecret),
    services: createServiceClients(options.services),
  };
  return {
    deps,
    app: createGatewayApp({
      deps,
      serviceUrls: options.services,
      rest: createRestApi(deps),
      docs: docsRouter(),
      ...(options.rateLimitPerMinute !== undefined && { rateLimitPerMinute: options.rateLimitPerMinute }),
    }),
    migrate: () => migrateToLatest(options.db as Kysely<unknown>, SCHEMA, migrations),
    createUser: (user) => createUser(options.db, user),
    createApiClient: (client) => createApiClient(options.db, client),
  };
}
