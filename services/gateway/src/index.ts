/**
 * @shegong/gateway-service: the hub's one public door. The tRPC `AppRouter` the front ends consume, the
 * REST API and OpenAPI document for city systems, identities (users, API clients), jurisdiction-scoped
 * access to the registry, funding and reporting services, PII grants and the append-only audit log.
 */
export type { AuditRow } from './audit.ts';
export { SERVICES, type ServiceUrls } from './clients.ts';
export { migrations } from './db/migrations/index.ts';
export { type GatewayDatabase, SCHEMA } from './db/schema.ts';
export { type GatewayEnv, readGatewayEnv } from './env.ts';
export type { NewUser } from './identity/identities.ts';
export { openApiDocument } from './rest/openapi.ts';
export { createGatewayService, type GatewayService, type GatewayServiceOptions } from './service.ts';
export { type AppRouter, appRouter } from './trpc/app-router.ts';
