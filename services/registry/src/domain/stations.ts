import {
  batchOf,
  ChangeStationStatusSchema,
  type Facilities,
  type InstitutionId,
  type InstitutionsGap,
  institutionsGap,
  ListStationsSchema,
  type StationData,
  StationIdsSchema,
  StationInputSchema,
  type StationType,
  signageNameFor,
} from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { appendToOutbox } from '@shegong/messaging';
import { codePrefix, getRegion, normalizeRegionCode } from '@shegong/regions';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { RegistryDatabase, StationsTable } from '../db/schema.ts';
import { dryRunRows, type RowError } from './dry-run.ts';
import { stationEvent, today } from './events.ts';
import { fieldError, type Path, parseInput } from './input.ts';
import { assertTransition, type StationStatus } from './lifecycle.ts';
import { decodeCursor, type Page, toPage } from './page.ts';

type Db = Kysely<RegistryDatabase>;
type Trx = Transaction<RegistryDatabase>;

/** A station as the registry returns it (`@shegong/contracts`' `StationSchema`). */
import type { Station } from '@shegong/contracts';

export type { Station };

/**
 * Registers a station or updates its registered data, in one transaction with its events:
 * `station.registered.v1` the first time, `station.status-changed.v1` when the status changes.
 * @example await upsertStation(db, { id: 'st-1', name: '经八路街道社工站', regionCode: '410105001', type: 'township-station' })
 * @throws DomainError `REGISTRY_INPUT_INVALID` naming the field (`regionCode` for an unknown or misfit code);
 *   `OPERATOR_UNKNOWN` naming `operatorId`; `STATION_TRANSITION_CONFLICT` (409) naming from and to
 */
export async function upsertStation(db: Db, input: unknown): Promise<Station> {
  const station = parseInput(StationInputSchema, input);
  return db.transaction().execute((trx) => upsertStationIn(trx, station, []));
}

/**
 * Upserts many stations, all or nothing: the first bad row rolls back every row and its events, and the
 * error names it (`items[2].regionCode`).
 */
export async function upsertStations(db: Db, input: unknown): Promise<Station[]> {
  const { items } = parseInput(batchOf(StationInputSchema), input);
  return db.transaction().execute(async (trx) => {
    const saved: Station[] = [];
    for (const [i, item] of items.entries()) saved.push(await upsertStationIn(trx, item, ['items', i]));
    return saved;
  });
}

/** One row of a dry run: as the write would save it, or why it would be refused (paths under the row). */
export interface StationCheck {
  /** The row's position in the batch sent. */
  index: number;
  /** The row's `id`, when it has one. */
  id: string | null;
  /** The station as the write would save it (signage name generated), or null when refused. */
  station: Station | null;
  /** Every reason the row would be refused; `path` is under the row (`regionCode`, `facilities.officeM2`). */
  errors: RowError[];
}

/**
 * A dry run of `upsertStations`: every row checked — its schema on its own, then written in order in one
 * transaction (each row behind a savepoint, so a refused row does not hide the next one's problems), and
 * the transaction rolled back, events and all (`dryRunRows`). Nothing is written; each row says what it
 * would be saved as or every reason it would be refused, so an import can list every bad row and field
 * before the real (all-or-nothing) write.
 * @example await checkStations(db, { items: [row1, row2], dryRun: true }) // [{ index: 0, station: {…}, errors: [] }, …]
 */
export async function checkStations(db: Db, input: unknown): Promise<StationCheck[]> {
  const checks = await dryRunRows(db, input, StationInputSchema, (trx, row) => upsertStationIn(trx, row, []));
  return checks.map(({ saved, ...check }) => ({ ...check, station: saved }));
}

async function upsertStationIn(trx: Trx, station: StationData, at: Path): Promise<Station> {
  if (station.operatorId !== undefined)
    await assertOperatorExists(trx, station.operatorId, [...at, 'operatorId']);
  const region = getRegion(station.regionCode);
  const signageName = signageNameFor(station.type, region, station.communityName);
  const statusOn = station.statusChangedOn ?? today();
  const registered = {
    name: station.name,
    region_code: region.code,
    station_type: station.type,
    project_start_on: station.projectStartOn ?? null,
    operator_id: station.operatorId ?? null,
    community_name: station.communityName ?? null,
    signage_name: signageName,
  };
  const facilities = station.facilities && {
    office_m2: station.facilities.officeM2 ?? null,
    activity_m2: station.facilities.activityM2 ?? null,
    rooms: JSON.stringify(station.facilities.rooms),
    equipment: JSON.stringify(station.facilities.equipment),
  };
  const institutions = station.institutions && { institutions: JSON.stringify(station.institutions) };

  // Insert-or-nothing first: the row that comes back tells, race-free, whether this is the registration.
  const inserted = await trx
    .insertInto('stations')
    .values({
      id: station.id,
      ...registered,
      status: station.status ?? 'planned',
      status_since: statusOn,
      ...facilities,
      ...institutions,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) {
    await appendToOutbox(trx, [
      stationEvent('station.registered.v1', station.id, {
        stationId: station.id,
        regionCode: inserted.region_code,
        name: inserted.name,
        stationType: station.type,
        status: inserted.status as StationStatus,
        ...(station.projectStartOn !== undefined && { projectStartOn: station.projectStartOn }),
      }),
    ]);
    return toStation(inserted);
  }

  const current = await lockStation(trx, station.id, [...at, 'id']);
  const from = current.status as StationStatus;
  const to = station.status ?? from;
  if (to !== from) assertTransition(station.id, from, to, [...at, 'status']);
  const updated = await trx
    .updateTable('stations')
    .set({
      ...registered,
      ...facilities,
      ...institutions,
      ...(to !== from && { status: to, status_since: statusOn }),
      updated_at: sql`now()`,
    })
    .where('id', '=', station.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (to !== from) await recordStatusChange(trx, station.id, from, to, statusOn);
  return toStation(updated);
}

/**
 * Moves a station along its lifecycle (planned → building → operating ⇄ suspended, any → closed) and
 * emits `station.status-changed.v1` in the same transaction.
 * @example await changeStationStatus(db, { stationId: 'st-1', to: 'operating', on: '2021-06-01' })
 * @throws DomainError `STATION_NOT_FOUND` (404); `STATION_TRANSITION_CONFLICT` (409) naming from and to
 */
export async function changeStationStatus(db: Db, input: unknown): Promise<Station> {
  const change = parseInput(ChangeStationStatusSchema, input);
  return db.transaction().execute(async (trx) => {
    const current = await lockStation(trx, change.stationId, ['stationId']);
    const from = current.status as StationStatus;
    assertTransition(change.stationId, from, change.to, ['to']);
    const updated = await trx
      .updateTable('stations')
      .set({ status: change.to, status_since: change.on, updated_at: sql`now()` })
      .where('id', '=', change.stationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStatusChange(trx, change.stationId, from, change.to, change.on);
    return toStation(updated);
  });
}

async function recordStatusChange(
  trx: Trx,
  stationId: string,
  from: StationStatus,
  to: StationStatus,
  on: string,
) {
  await trx
    .insertInto('station_status_changes')
    .values({ station_id: stationId, from_status: from, to_status: to, changed_on: on })
    .execute();
  await appendToOutbox(trx, [
    stationEvent('station.status-changed.v1', stationId, { stationId, from, to, on }),
  ]);
}

/** @throws DomainError `STATION_NOT_FOUND` (404) */
export async function getStation(db: Db, id: string): Promise<Station> {
  const row = await db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('STATION_NOT_FOUND', `no station has the id "${id}"`, { path: ['id'] });
  return toStation(row);
}

/**
 * Stations in id order, a page at a time, optionally only those inside a region (a province, city, county
 * or township: every division code inside a region starts with its prefix) and of one status.
 * @example await listStations(db, { regionCode: '4101', status: 'operating', limit: 100 })
 */
export async function listStations(db: Db, input: unknown = {}): Promise<Page<Station>> {
  const query = parseInput(ListStationsSchema, input ?? {});
  let select = db
    .selectFrom('stations')
    .selectAll()
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.regionCode !== undefined) {
    const { code, level } = normalizeRegionCode(query.regionCode);
    getRegionOrFail(code);
    select = select.where('region_code', 'like', `${codePrefix(code, level)}%`);
  }
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.cursor !== undefined) select = select.where('id', '>', decodeCursor(query.cursor));
  return toPage(await select.execute(), query.limit, toStation);
}

/** Where a station is and who runs it: what the gateway checks a caller's jurisdiction against. */
export interface StationPlace {
  id: string;
  regionCode: string;
  operatorId: string | null;
}

/**
 * The region and operator of each station named that exists (unknown ids are left out), in one query:
 * the gateway checks a batch of service records or workers against the caller's jurisdiction with it.
 */
export async function stationPlaces(db: Db, input: unknown): Promise<StationPlace[]> {
  const { ids } = parseInput(StationIdsSchema, input);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('stations')
    .select(['id', 'region_code', 'operator_id'])
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, regionCode: r.region_code, operatorId: r.operator_id }));
}

/** The station's institutions against the ZZ §4.3 checklist: what is missing, with citations. */
export async function stationInstitutionsGap(db: Db, stationId: string): Promise<InstitutionsGap> {
  const station = await getStation(db, stationId);
  return institutionsGap(station.id, station.institutions);
}

function getRegionOrFail(code: string) {
  try {
    return getRegion(code);
  } catch (error) {
    throw fieldError('REGISTRY_INPUT_INVALID', ['regionCode'], (error as Error).message);
  }
}

async function lockStation(trx: Trx, id: string, path: Path) {
  const row = await trx
    .selectFrom('stations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw fieldError('STATION_NOT_FOUND', path, `no station has the id "${id}"`);
  return row;
}

async function assertOperatorExists(trx: Trx, operatorId: string, path: Path): Promise<void> {
  const row = await trx.selectFrom('operators').select('id').where('id', '=', operatorId).executeTakeFirst();
  if (!row) {
    throw fieldError(
      'OPERATOR_UNKNOWN',
      path,
      `no operator has the id "${operatorId}": register it first (operators.upsert)`,
    );
  }
}

/**
 * A station referenced by a worker, supervisor or staff change must exist.
 * @throws DomainError `STATION_UNKNOWN` (400) naming the field
 */
export async function assertStationExists(trx: Trx, stationId: string, path: Path): Promise<void> {
  const row = await trx.selectFrom('stations').select('id').where('id', '=', stationId).executeTakeFirst();
  if (!row) {
    throw fieldError(
      'STATION_UNKNOWN',
      path,
      `no station has the id "${stationId}": register it first (stations.upsert)`,
    );
  }
}

function toStation(row: Selectable<StationsTable>): Station {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.region_code,
    type: row.station_type as StationType,
    status: row.status as StationStatus,
    statusSince: row.status_since,
    ...(row.project_start_on !== null && { projectStartOn: row.project_start_on }),
    ...(row.operator_id !== null && { operatorId: row.operator_id }),
    ...(row.community_name !== null && { communityName: row.community_name }),
    signageName: row.signage_name,
    facilities: {
      ...(row.office_m2 !== null && { officeM2: row.office_m2 }),
      ...(row.activity_m2 !== null && { activityM2: row.activity_m2 }),
      rooms: row.rooms as Facilities['rooms'],
      equipment: row.equipment,
    },
    institutions: row.institutions as InstitutionId[],
  };
}
