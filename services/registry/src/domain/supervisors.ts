import { SupervisorInputSchema } from '@shegong/contracts';
import { appendToOutbox } from '@shegong/messaging';
import { type Supervisor, SupervisorSchema } from '@shegong/staffing';
import { type Kysely, sql } from 'kysely';
import type { RegistryDatabase } from '../db/schema.ts';
import { stationEvent } from './events.ts';
import { parseInput } from './input.ts';
import { assertStationExists } from './stations.ts';

/**
 * Registers or updates a station's supervisor (督导) [ZZ §5.7] and emits `supervisor.upserted.v1`.
 * @throws DomainError `STATION_UNKNOWN` naming `stationId`
 */
export async function upsertSupervisor(db: Kysely<RegistryDatabase>, input: unknown): Promise<Supervisor> {
  const supervisor = parseInput(SupervisorInputSchema, input);
  return db.transaction().execute(async (trx) => {
    await assertStationExists(trx, supervisor.stationId, ['stationId']);
    const row = {
      station_id: supervisor.stationId,
      name: supervisor.name ?? null,
      from_selected_pool: supervisor.fromSelectedPool ?? null,
      social_work_since: supervisor.socialWorkSince ?? null,
      assigned_on: supervisor.assignedOn,
      ended_on: supervisor.endedOn ?? null,
      agreement_signed_on: supervisor.agreementSignedOn ?? null,
    };
    await trx
      .insertInto('supervisors')
      .values({ id: supervisor.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: sql`now()` }))
      .execute();
    const snapshot = SupervisorSchema.parse(supervisor);
    await appendToOutbox(trx, [
      stationEvent('supervisor.upserted.v1', snapshot.stationId, { supervisor: snapshot }),
    ]);
    return snapshot;
  });
}
