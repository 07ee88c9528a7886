import {
  AddTrainingSchema,
  ByStationSchema,
  batchOf,
  type WorkerData,
  WorkerInputSchema,
} from '@shegong/contracts';
import { checkResidentId, maskPhone, maskResidentId } from '@shegong/identifiers';
import { DomainError } from '@shegong/kernel';
import { appendToOutbox } from '@shegong/messaging';
import { type ResidentWorker, ResidentWorkerSchema, type TrainingRecord } from '@shegong/staffing';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { RegistryDatabase, WorkersTable } from '../db/schema.ts';
import type { PiiCipher } from '../pii.ts';
import { dryRunRows, type RowError } from './dry-run.ts';
import { stationEvent } from './events.ts';
import { fieldError, type Path, parseInput } from './input.ts';
import { assertStationExists } from './stations.ts';

type Db = Kysely<RegistryDatabase>;
type Trx = Transaction<RegistryDatabase>;

/**
 * A resident worker as the registry returns it: the staffing snapshot plus the resident ID number and phone
 * **masked** (`410105********1233`, `138****5678`). The full values never leave the registry.
 */
import type { MaskedWorker } from '@shegong/contracts';

export type { MaskedWorker };

/** What the registry needs to store PII: the cipher made from `REGISTRY_PII_KEY`. */
export interface WorkerDeps {
  db: Db;
  pii: PiiCipher;
}

/**
 * Registers or updates a resident worker and emits `worker.upserted.v1` (the staffing snapshot, without ID
 * number or phone) in the same transaction. The ID number and phone are stored encrypted; a keyed hash of
 * the ID number finds the same person registered twice.
 * @throws DomainError `REGISTRY_INPUT_INVALID` naming the field (`idNumber` for a bad check digit, `birthDate`
 *   when it disagrees with the ID number); `STATION_UNKNOWN` naming `stationId`; `WORKER_DUPLICATE` (409)
 *   naming the worker already registered for this person
 */
export async function upsertWorker({ db, pii }: WorkerDeps, input: unknown): Promise<MaskedWorker> {
  const worker = parseInput(WorkerInputSchema, input);
  return db.transaction().execute((trx) => upsertWorkerIn(trx, pii, worker, []));
}

/** Upserts many workers, all or nothing; the error names the row (`items[3].idNumber`). */
export async function upsertWorkers({ db, pii }: WorkerDeps, input: unknown): Promise<MaskedWorker[]> {
  const { items } = parseInput(batchOf(WorkerInputSchema), input);
  return db.transaction().execute(async (trx) => {
    const saved: MaskedWorker[] = [];
    for (const [i, item] of items.entries()) saved.push(await upsertWorkerIn(trx, pii, item, ['items', i]));
    return saved;
  });
}

/** One row of a workers dry run: as the write would save it (masked), or why it would be refused. */
export interface WorkerCheck {
  /** The row's position in the batch sent. */
  index: number;
  /** The row's `id`, when it has one. */
  id: string | null;
  /** The worker as the write would save it, ID number and phone masked; null when refused. */
  worker: MaskedWorker | null;
  /** Every reason the row would be refused; `path` is under the row (`idNumber`, `stationId`). */
  errors: RowError[];
}

/**
 * A dry run of `upsertWorkers` (`dryRunRows`, as `checkStations`): each row's schema on its own, then every
 * row written in order in one transaction (a savepoint per row, so one refusal does not hide the next row's —
 * and a person twice in the sheet is caught as a duplicate, as the real write would), and the transaction
 * rolled back, outbox events and all. The ID number check digit (GB 11643) and the station's existence
 * are the write's own checks, so the dry run cannot disagree with the real call.
 * @example await checkWorkers(deps, { items: [row], dryRun: true }) // [{ index: 0, worker: {…masked}, errors: [] }]
 */
export async function checkWorkers({ db, pii }: WorkerDeps, input: unknown): Promise<WorkerCheck[]> {
  const checks = await dryRunRows(db, input, WorkerInputSchema, (trx, row) =>
    upsertWorkerIn(trx, pii, row, []),
  );
  return checks.map(({ saved, ...check }) => ({ ...check, worker: saved }));
}

async function upsertWorkerIn(trx: Trx, pii: PiiCipher, worker: WorkerData, at: Path): Promise<MaskedWorker> {
  await assertStationExists(trx, worker.stationId, [...at, 'stationId']);
  const id = checkResidentId(worker.idNumber);
  if (!id.ok)
    throw fieldError('REGISTRY_INPUT_INVALID', [...at, 'idNumber'], id.message, {
      // As the schema's refinement words it: a console shows the Chinese wording beside the rule's.
      issue: { code: 'custom', params: { reason: id.reason, zh: id.zh } },
    });
  const idNumberHash = pii.hash(id.idNumber);
  if (worker.leftOn === undefined)
    await assertNoOtherCurrentRecord(trx, worker.id, idNumberHash, [...at, 'idNumber']);

  const row = {
    station_id: worker.stationId,
    name: worker.name ?? null,
    role: worker.role,
    full_time: worker.fullTime,
    birth_date: worker.birthDate ?? id.parts.birthDate,
    appointed_on: worker.appointedOn,
    left_on: worker.leftOn ?? null,
    education: worker.education,
    social_work_major: worker.socialWorkMajor,
    graduated_on: worker.graduatedOn ?? null,
    local_hukou: worker.localHukou ?? null,
    certificate: worker.certificate === undefined ? null : JSON.stringify(worker.certificate),
    related_experience_since: worker.relatedExperienceSince ?? null,
    post_level: worker.postLevel ?? null,
    trainings: JSON.stringify(worker.trainings),
    id_number_encrypted: pii.encrypt(id.idNumber, piiContext(worker.id, 'idNumber')),
    id_number_hash: idNumberHash,
    phone_encrypted:
      worker.phone === undefined ? null : pii.encrypt(worker.phone, piiContext(worker.id, 'phone')),
  };
  let saved: Selectable<WorkersTable>;
  try {
    saved = await trx
      .insertInto('workers')
      .values({ id: worker.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: sql`now()` }))
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    // A concurrent registration of the same person got there first: the unique index is the last word.
    if ((error as { constraint?: string }).constraint === 'workers_one_current_record_per_person') {
      throw fieldError(
        'WORKER_DUPLICATE',
        [...at, 'idNumber'],
        'this person was registered concurrently as another worker',
      );
    }
    throw error;
  }
  const snapshot = toSnapshot(saved);
  await appendToOutbox(trx, [stationEvent('worker.upserted.v1', snapshot.stationId, { worker: snapshot })]);
  return mask(pii, saved, snapshot);
}

async function assertNoOtherCurrentRecord(trx: Trx, workerId: string, idNumberHash: string, path: Path) {
  const other = await trx
    .selectFrom('workers')
    .select(['id', 'station_id'])
    .where('id_number_hash', '=', idNumberHash)
    .where('left_on', 'is', null)
    .where('id', '<>', workerId)
    .executeTakeFirst();
  if (other) {
    throw fieldError(
      'WORKER_DUPLICATE',
      path,
      `this person is already registered as worker ${other.id} at station ${other.station_id}; update that worker, or set its leftOn first`,
      { existingWorkerId: other.id, existingStationId: other.station_id },
    );
  }
}

/**
 * Adds a training record to a worker (e.g. pre-job training, continuing education [ZZ §4.4, §6.5]) and emits
 * the new `worker.upserted.v1` snapshot.
 * @throws DomainError `WORKER_NOT_FOUND` (404)
 */
export async function addTraining({ db, pii }: WorkerDeps, input: unknown): Promise<MaskedWorker> {
  const { workerId, training } = parseInput(AddTrainingSchema, input);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('workers')
      .selectAll()
      .where('id', '=', workerId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw fieldError('WORKER_NOT_FOUND', ['workerId'], `no worker has the id "${workerId}"`);
    const trainings: TrainingRecord[] = [...(current.trainings as TrainingRecord[]), training];
    const saved = await trx
      .updateTable('workers')
      .set({ trainings: JSON.stringify(trainings), updated_at: sql`now()` })
      .where('id', '=', workerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const snapshot = toSnapshot(saved);
    await appendToOutbox(trx, [stationEvent('worker.upserted.v1', snapshot.stationId, { worker: snapshot })]);
    return mask(pii, saved, snapshot);
  });
}

/** @throws DomainError `WORKER_NOT_FOUND` (404) */
export async function getWorker({ db, pii }: WorkerDeps, id: string): Promise<MaskedWorker> {
  const row = await db.selectFrom('workers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('WORKER_NOT_FOUND', `no worker has the id "${id}"`, { path: ['id'] });
  return mask(pii, row, toSnapshot(row));
}

/** A worker's resident ID number and phone in full: only for a caller holding a PII grant. */
export interface RevealedWorker {
  id: string;
  stationId: string;
  idNumber: string;
  phone?: string;
}

/**
 * Decrypts a worker's resident ID number and phone. The registry itself never returns them otherwise;
 * the gateway calls this only for a principal with a PII grant, and audits every call.
 * @throws DomainError `WORKER_NOT_FOUND` (404)
 */
export async function revealWorker({ db, pii }: WorkerDeps, id: string): Promise<RevealedWorker> {
  const row = await db.selectFrom('workers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('WORKER_NOT_FOUND', `no worker has the id "${id}"`, { path: ['id'] });
  return {
    id: row.id,
    stationId: row.station_id,
    idNumber: pii.decrypt(row.id_number_encrypted, piiContext(row.id, 'idNumber')),
    ...(row.phone_encrypted !== null && {
      phone: pii.decrypt(row.phone_encrypted, piiContext(row.id, 'phone')),
    }),
  };
}

/** A station's workers (current and former), in id order, masked. */
export async function listWorkers({ db, pii }: WorkerDeps, input: unknown): Promise<MaskedWorker[]> {
  const { stationId } = parseInput(ByStationSchema, input);
  const rows = await db
    .selectFrom('workers')
    .selectAll()
    .where('station_id', '=', stationId)
    .orderBy('id')
    .execute();
  return rows.map((row) => mask(pii, row, toSnapshot(row)));
}

/** Binds a ciphertext to its worker and field: a token copied elsewhere does not decrypt. */
function piiContext(workerId: string, field: 'idNumber' | 'phone'): string {
  return `registry.workers:${workerId}:${field}`;
}

/**
 * The staffing snapshot of a stored worker: built from the non-PII columns only, and parsed by the
 * staffing schema, which has no field for an ID number or phone.
 */
function toSnapshot(row: Selectable<WorkersTable>): ResidentWorker {
  return ResidentWorkerSchema.parse({
    id: row.id,
    stationId: row.station_id,
    ...(row.name !== null && { name: row.name }),
    role: row.role,
    fullTime: row.full_time,
    birthDate: row.birth_date,
    appointedOn: row.appointed_on,
    ...(row.left_on !== null && { leftOn: row.left_on }),
    education: row.education,
    socialWorkMajor: row.social_work_major,
    ...(row.graduated_on !== null && { graduatedOn: row.graduated_on }),
    ...(row.local_hukou !== null && { localHukou: row.local_hukou }),
    ...(row.certificate !== null && { certificate: row.certificate }),
    ...(row.related_experience_since !== null && { relatedExperienceSince: row.related_experience_since }),
    ...(row.post_level !== null && { postLevel: row.post_level }),
    trainings: row.trainings,
  });
}

function mask(pii: PiiCipher, row: Selectable<WorkersTable>, snapshot: ResidentWorker): MaskedWorker {
  const idNumber = pii.decrypt(row.id_number_encrypted, piiContext(row.id, 'idNumber'));
  const phone =
    row.phone_encrypted === null ? undefined : pii.decrypt(row.phone_encrypted, piiContext(row.id, 'phone'));
  return {
    ...snapshot,
    idNumberMasked: maskResidentId(idNumber),
    ...(phone !== undefined && { phoneMasked: maskPhone(phone) }),
  };
}
