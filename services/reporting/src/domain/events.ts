import type { EventOf, HubEvent } from '@shegong/events';
import type { IsoDate } from '@shegong/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { trackContractUnits, trackStationUnits } from './completeness.ts';
import { reevaluateStations } from './compliance.ts';
import { adjustCoverage } from './coverage.ts';
import { regionPath } from './regions.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

interface StationRow {
  id: string;
  region_code: string | null;
  region_path: string[] | null;
  name: string | null;
  station_type: string | null;
  status: string;
  project_start_on: string | null;
  opened_on: string | null;
  registered_on: string | null;
}

/** China Standard Time, UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar day in China on which an event happened: the `asOf` of the re-evaluation it triggers.
 * Producers write `occurredAt` in UTC (`toISOString()`), so its first ten characters are the previous day
 * for anything between 00:00 and 08:00 Beijing time; the offset is applied before taking the date.
 */
export function eventDate(event: HubEvent): IsoDate {
  return new Date(Date.parse(event.occurredAt) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Applies one event to reporting's read models, in the caller's transaction (the inbox's, so it happens
 * once): stations and coverage, staff and compliance, contracts and payments. Events about a station not
 * registered yet are stored, never refused; the station is evaluated once its registration arrives.
 */
export async function applyEvent(trx: Db, event: HubEvent): Promise<void> {
  switch (event.type) {
    case 'station.registered.v1':
      return registerStation(trx, event);
    case 'station.status-changed.v1':
      return changeStationStatus(trx, event);
    case 'worker.upserted.v1':
      return upsertStaff(trx, 'workers', event.data.worker, event);
    case 'supervisor.upserted.v1':
      return upsertStaff(trx, 'supervisors', event.data.supervisor, event);
    case 'staff-change.filed.v1':
      return fileStaffChange(trx, event);
    case 'contract.signed.v1':
      return recordContract(trx, event);
    case 'payment.paid.v1':
      return recordPayment(trx, event);
    // Reporting publishes the report events itself: its tables changed with them.
    case 'report.submitted.v1':
    case 'report.approved.v1':
    case 'report.returned.v1':
    case 'report.accepted.v1':
      return;
  }
}

async function loadStation(trx: Db, id: string): Promise<StationRow | undefined> {
  const found = await sql<StationRow>`
    select id, region_code, region_path, name, station_type, status, project_start_on, opened_on, registered_on
    from reporting.stations where id = ${id} for update`.execute(trx);
  return found.rows[0];
}

async function saveStation(trx: Db, row: StationRow): Promise<void> {
  await trx
    .insertInto('stations')
    .values({ ...row, region_path: row.region_path })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        region_code: row.region_code,
        region_path: row.region_path,
        name: row.name,
        station_type: row.station_type,
        status: row.status,
        project_start_on: row.project_start_on,
        opened_on: row.opened_on,
        registered_on: row.registered_on,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The region path of a code, or null for a code the division data does not know (kept, not rolled up). */
function pathOrNull(code: string): string[] | null {
  try {
    return [...regionPath(code)];
  } catch {
    return null;
  }
}

async function registerStation(trx: Db, event: EventOf<'station.registered.v1'>): Promise<void> {
  const { data } = event;
  const before = await loadStation(trx, data.stationId);
  // A station already known from an earlier status change keeps that (later) status.
  const status = before?.status ?? data.status;
  const after: StationRow = {
    id: data.stationId,
    region_code: data.regionCode,
    region_path: pathOrNull(data.regionCode),
    name: data.name,
    station_type: data.stationType,
    status,
    project_start_on: data.projectStartOn ?? before?.project_start_on ?? null,
    opened_on: before?.opened_on ?? (status === 'operating' ? eventDate(event) : null),
    registered_on: before?.registered_on ?? eventDate(event),
  };
  await saveStation(trx, after);
  await adjustCoverage(trx, before, after);
  // Where a station operates, its operator owes briefs [ZZ §5.4]: the expected reports follow.
  await trackStationUnits(trx, before, after, eventDate(event));
  await reevaluateStations(trx, [after.id], eventDate(event));
}

async function changeStationStatus(trx: Db, event: EventOf<'station.status-changed.v1'>): Promise<void> {
  const { data } = event;
  const before = await loadStation(trx, data.stationId);
  const after: StationRow = {
    id: data.stationId,
    region_code: null,
    region_path: null,
    name: null,
    station_type: null,
    project_start_on: null,
    registered_on: null,
    opened_on: null,
    ...before,
    status: data.to,
  };
  if (data.to === 'operating') after.opened_on ??= data.on;
  await saveStation(trx, after);
  await adjustCoverage(trx, before, after);
  await trackStationUnits(trx, before, after, data.on);
  await reevaluateStations(trx, [after.id], eventDate(event));
}

async function upsertStaff(
  trx: Db,
  table: 'workers' | 'supervisors',
  snapshot: { id: string; stationId: string },
  event: HubEvent,
): Promise<void> {
  const previous = await sql<{ station_id: string }>`
    select station_id from ${sql.table(`reporting.${table}`)} where id = ${snapshot.id} for update`.execute(
    trx,
  );
  await trx
    .insertInto(table)
    .values({ id: snapshot.id, station_id: snapshot.stationId, snapshot: JSON.stringify(snapshot) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        station_id: snapshot.stationId,
        snapshot: JSON.stringify(snapshot),
        updated_at: sql`now()`,
      }),
    )
    .execute();
  // A worker who moved station leaves the old one short-handed: evaluate both.
  const stations = new Set([snapshot.stationId, ...previous.rows.map((r) => r.station_id)]);
  await reevaluateStations(trx, [...stations], eventDate(event));
}

async function fileStaffChange(trx: Db, event: EventOf<'staff-change.filed.v1'>): Promise<void> {
  const { change } = event.data;
  await trx
    .insertInto('staff_changes')
    .values({
      event_id: event.id,
      station_id: change.stationId,
      worker_id: change.workerId,
      snapshot: JSON.stringify(change),
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  await reevaluateStations(trx, [change.stationId], eventDate(event));
}

async function recordContract(trx: Db, event: EventOf<'contract.signed.v1'>): Promise<void> {
  const d = event.data;
  const row = {
    id: d.contractId,
    county_code: d.countyCode,
    operator_id: d.operatorId,
    station_ids: d.stationIds,
    signed_on: d.signedOn,
    term_start: d.termStart,
    term_end: d.termEnd,
    amount_fen: d.amountFen,
  };
  const { id: _id, ...update } = row;
  await trx
    .insertInto('contracts')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
  // Each contract year owes its operators' mid-term and final reports [ZZ §5.4, PY §5.4].
  await trackContractUnits(trx, row);
}

async function recordPayment(trx: Db, event: EventOf<'payment.paid.v1'>): Promise<void> {
  const d = event.data;
  await trx
    .insertInto('payments')
    .values({
      id: d.paymentId,
      contract_id: d.contractId,
      county_code: d.countyCode,
      amount_fen: d.amountFen,
      paid_on: d.paidOn,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
