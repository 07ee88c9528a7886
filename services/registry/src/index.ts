/**
 * @shegong/registry-service: the registry of social work stations (社工站), their operators (承接主体),
 * resident workers, supervisors and staff changes. Owns the Postgres schema `registry`; publishes
 * station-keyed events through its outbox. Its request schemas live in `@shegong/contracts`, shared with
 * the gateway's OpenAPI document.
 */

export { migrations } from './db/migrations/index.ts';
export type { RegistryDatabase } from './db/schema.ts';
export { canTransition, NEXT_STATUSES } from './domain/lifecycle.ts';
export type { Operator } from './domain/operators.ts';
export type { Page } from './domain/page.ts';
export type { FiledStaffChange } from './domain/staff-changes.ts';
export type { Station, StationCheck, StationPlace } from './domain/stations.ts';
export type { MaskedWorker, RevealedWorker } from './domain/workers.ts';
export { type RegistryEnv, readRegistryEnv } from './env.ts';
export type { RegistryRouter } from './router/index.ts';
export type { RegistryContext } from './router/trpc.ts';
export {
  createRegistryService,
  type RegistryService,
  type RegistryServiceOptions,
  SCHEMA,
} from './service.ts';
