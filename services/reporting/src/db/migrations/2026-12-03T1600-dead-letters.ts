import { createDeadLettersTableV1 } from '@shegong/messaging';
import type { Kysely } from 'kysely';

/**
 * Events the reporting consumer can never apply are parked in `reporting.dead_letters` (`applyOrPark`) instead of
 * being retried forever behind their partition. Frozen in time: never edit, add a new migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: a frozen migration is typed against no schema (kysely's convention)
export async function up(db: Kysely<any>): Promise<void> {
  await createDeadLettersTableV1(db, 'reporting');
}
