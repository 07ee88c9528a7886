import { randomUUID } from 'node:crypto';
import { StaffChangeInputSchema } from '@shegong/contracts';
import { appendToOutbox } from '@shegong/messaging';
import { type StaffChange, StaffChangeSchema } from '@shegong/staffing';
import type { Kysely } from 'kysely';
import type { RegistryDatabase } from '../db/schema.ts';
import { stationEvent } from './events.ts';
import { parseInput } from './input.ts';
import { assertStationExists } from './stations.ts';

/** A filed staff change as stored: the change and the registry's id for the filing. */
export type FiledStaffChange = StaffChange & { id: string };

/**
 * Records a change of resident workers filed with the purchaser [ZZ §4.4] and emits
 * `staff-change.filed.v1`. A filing dated after the change took effect (or none at all) is recorded as it
 * is: judging it is the staffing rules' job downstream, and refusing it would lose the fact.
 * @throws DomainError `STATION_UNKNOWN` naming `stationId`
 */
export async function fileStaffChange(
  db: Kysely<RegistryDatabase>,
  input: unknown,
): Promise<FiledStaffChange> {
  const change = StaffChangeSchema.parse(parseInput(StaffChangeInputSchema, input));
  return db.transaction().execute(async (trx) => {
    await assertStationExists(trx, change.stationId, ['stationId']);
    const id = randomUUID();
    await trx
      .insertInto('staff_changes')
      .values({
        id,
        station_id: change.stationId,
        worker_id: change.workerId,
        kind: change.kind,
        effective_on: change.effectiveOn,
        filed_on: change.filedOn ?? null,
      })
      .execute();
    await appendToOutbox(trx, [stationEvent('staff-change.filed.v1', change.stationId, { change })]);
    return { id, ...change };
  });
}
