import type { Migration } from 'kysely/migration';
import * as identitiesAndAudit from './2026-12-03T1200-identities-and-audit.ts';

/** Every migration of the gateway schema, by name (ISO date first, so name order is time order). */
export const migrations: Record<string, Migration> = {
  '2026-12-03T1200-identities-and-audit': identitiesAndAudit,
};
