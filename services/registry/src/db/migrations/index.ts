import type { Migration } from 'kysely/migration';
import * as initial from './2026-11-25T1200-initial.ts';

/** The registry's migrations by name; the Migrator runs them in name (ISO date) order. */
export const migrations: Record<string, Migration> = {
  '2026-11-25T1200-initial': initial,
};
