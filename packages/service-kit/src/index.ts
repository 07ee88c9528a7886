/**
 * @shegong/service-kit: what every service shares — Postgres through kysely in its own schema, frozen
 * migrations, one tRPC init with domain-error mapping, the express app, the outbox relay loop, env parsing.
 */
export { createDatabase, migrateToLatest } from './db.ts';
export { loadEnv } from './env.ts';
export { createServiceApp, listen, type ServiceAppOptions } from './http.ts';
export { type RelayLoop, startRelayLoop } from './relay-loop.ts';
export { formatServiceError, mapDomainErrors, trpcCodeFor } from './trpc.ts';
