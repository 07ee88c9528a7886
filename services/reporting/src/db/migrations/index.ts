import type { Migration } from 'kysely/migration';
import * as initial from './2026-11-25T1200-initial.ts';
import * as reports from './2026-12-03T1200-reports.ts';

/** Every migration of the `reporting` schema, by ISO-date name; run in name order, never edited once shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-25T1200-initial': initial,
  '2026-12-03T1200-reports': reports,
};
