import type { Migration } from 'kysely/migration';
import * as initial from './2026-11-25T1200-initial.ts';
import * as reports from './2026-12-03T1200-reports.ts';
import * as ingestFold from './2026-12-03T1300-ingest-fold.ts';
import * as completeness from './2026-12-03T1400-completeness.ts';
import * as evaluations from './2026-12-03T1500-evaluations.ts';
import * as deadLetters from './2026-12-03T1600-dead-letters.ts';
import * as reportAcceptance from './2026-12-03T1700-report-acceptance.ts';
import * as projectCompleteness from './2026-12-03T1800-project-completeness.ts';
import * as ingestCollation from './2026-12-03T1900-ingest-collation.ts';

/** Every migration of the `reporting` schema, by ISO-date name; run in name order, never edited once shipped. */
export const migrations: Record<string, Migration> = {
  '2026-11-25T1200-initial': initial,
  '2026-12-03T1200-reports': reports,
  '2026-12-03T1300-ingest-fold': ingestFold,
  '2026-12-03T1400-completeness': completeness,
  '2026-12-03T1500-evaluations': evaluations,
  '2026-12-03T1600-dead-letters': deadLetters,
  '2026-12-03T1700-report-acceptance': reportAcceptance,
  '2026-12-03T1800-project-completeness': projectCompleteness,
  '2026-12-03T1900-ingest-collation': ingestCollation,
};
