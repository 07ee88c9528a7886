import type { Migration } from 'kysely/migration';
import * as initial from './2026-11-25T1200-initial.ts';
import * as eligibility from './2026-12-03T1500-eligibility.ts';
import * as deadLetters from './2026-12-03T1600-dead-letters.ts';

/** The funding service's migrations, by name; run in name order by `migrateToLatest`. */
export const migrations: Record<string, Migration> = {
  '2026-11-25T1200-initial': initial,
  '2026-12-03T1500-eligibility': eligibility,
  '2026-12-03T1600-dead-letters': deadLetters,
};
