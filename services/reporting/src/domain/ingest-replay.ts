import { createHash } from 'node:crypto';
import type { IngestResult } from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { ReportingDatabase, ServiceRecordsTable } from '../db/schema.ts';
import { distinctPopulations, plainRecord, type ServiceRecord, ServiceRecordSchema } from './records.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/**
 * What an ingest request stores beside its result, so a repeat under its idempotency key can be told
 * apart from a different batch: `v2 <whole|partial> <rows> <sha256 of the refused rows>`. The stored
 * rows themselves stand for the accepted ones (`replayIngest` compares them); only the rows the call
 * refused, which are stored nowhere else, are hashed, so a batch of good rows costs no hashing at all.
 * (Hashing the whole body, as keys stored before did, was a fifth of a bulk load's time in node.)
 * @param refused the indexes of the rows the call refused, ascending
 */
export function requestDigest(
  partial: boolean,
  records: readonly unknown[],
  refused: readonly number[],
): string {
  const hash = createHash('sha256');
  for (const index of refused) hash.update(`${index}:${JSON.stringify(records[index]) ?? 'null'}\n`);
  return `v2 ${partial ? 'partial' : 'whole'} ${records.length} ${hash.digest('hex')}`;
}

/**
 * The result stored under a key claimed before, when `records` are the request that stored it: the same
 * `partial`, as many rows, the refused rows (at the indexes the result names) byte for byte as JSON, and
 * every other row equal, field by field, to the row that request stored. The stored rows are matched by
 * their (station, id), not by position: the same rows in another order, or spelled otherwise (keys in
 * another order, a population named twice), are the same request. Keys stored before `v2` hold the sha256
 * of the whole body, and are compared so.
 * @throws DomainError `INGEST_KEY_CONFLICT` when the key was used before for different records
 */
export async function replayIngest(
  trx: Db,
  key: string,
  partial: boolean,
  records: readonly unknown[],
): Promise<IngestResult> {
  const prior = await sql<{ id: number; request_hash: string; result: IngestResult }>`
    select id, request_hash, result from reporting.ingest_requests where idempotency_key = ${key}`.execute(
    trx,
  );
  const row = prior.rows[0];
  if (!row) throw new Error(`ingest request ${key} vanished while being replayed`);
  const same = row.request_hash.startsWith('v2 ')
    ? await sameRequest(trx, row, partial, records)
    : row.request_hash === bodyHash(partial, records);
  if (!same) {
    throw new DomainError(
      'INGEST_KEY_CONFLICT',
      `idempotency key "${key}" was used before for different records; use a new key for a new batch`,
      { path: ['idempotencyKey'] },
    );
  }
  return row.result;
}

async function sameRequest(
  trx: Db,
  prior: { id: number; request_hash: string; result: IngestResult },
  partial: boolean,
  records: readonly unknown[],
): Promise<boolean> {
  const refused = prior.result.rejected.map((r) => r.index).sort((a, b) => a - b);
  if (requestDigest(partial, records, refused) !== prior.request_hash) return false;
  const refusedAt = new Set(refused);
  const kept: ServiceRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    if (refusedAt.has(i)) continue;
    const record = plainRecord(records[i]) ?? ServiceRecordSchema.safeParse(records[i]).data;
    if (!record) return false; // stored by the first call, refused now: not the same row
    kept.push(distinctPopulations(record));
  }
  if (kept.length !== prior.result.accepted) return false;
  if (kept.length === 0) return true;
  // each kept row is a stored one: a key named twice would match one stored row twice
  const keys = new Set(kept.map((r) => `${r.stationId}\u0000${r.id}`));
  if (keys.size !== kept.length) return false;
  const stored = await sql<StoredRow>`
    select r.station_id, r.id, r.catalog_id, r.item_ref, r.populations, r.kind,
           to_char(r.date, 'YYYY-MM-DD') as date,
           r.beneficiaries, r.hours::text as hours, r.volunteers
    from reporting.service_records r
    join unnest(${kept.map((r) => r.stationId)}::text[], ${kept.map((r) => r.id)}::text[]) as b(station_id, id)
      on r.station_id = b.station_id and r.id = b.id
    where r.request_id = ${prior.id}`.execute(trx);
  if (stored.rows.length !== kept.length) return false;
  const byKey = new Map(stored.rows.map((r) => [`${r.station_id}\u0000${r.id}`, r]));
  return kept.every((record) => {
    const row = byKey.get(`${record.stationId}\u0000${record.id}`);
    return row !== undefined && sameRecord(record, row);
  });
}

/** A stored record as the replay reads it (hours as numeric text, the date as `YYYY-MM-DD`). */
type StoredRow = Omit<Selectable<ServiceRecordsTable>, 'domains' | 'request_id'>;

/** A record as it would be stored against the row stored for it (hours in hundredths). */
function sameRecord(record: ServiceRecord, row: StoredRow): boolean {
  const { populations } = record;
  return (
    record.catalogId === row.catalog_id &&
    record.itemRef === row.item_ref &&
    record.kind === row.kind &&
    record.date === row.date &&
    record.beneficiaries === row.beneficiaries &&
    record.volunteers === row.volunteers &&
    Math.round(record.hours * 100) === Math.round(Number(row.hours) * 100) &&
    populations.length === row.populations.length &&
    populations.every((p, i) => p === row.populations[i])
  );
}

/** The key of a request stored before `v2`: sha256 of `JSON.stringify({ partial, records })`. */
function bodyHash(partial: boolean, records: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify({ partial, records })).digest('hex');
}
