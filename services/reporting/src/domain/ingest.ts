import { createHash } from 'node:crypto';
import type { IngestResult } from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { lockedRecords, locksOver } from './locks.ts';
import { populationOrdinals } from './population-ordinals.ts';
import {
  type AcceptedRecord,
  aggregateRollups,
  type RejectedRecord,
  type RollupDeltas,
  type StationPlace,
  validateRecords,
} from './records.ts';

/** Most records one ingest call takes. */
export const MAX_INGEST_RECORDS = 10_000;

export interface IngestRequest {
  /** The caller's key for this batch: sending it again returns the first result and writes nothing. */
  idempotencyKey: string;
  records: readonly unknown[];
  /** Accept the good rows and return the bad ones, instead of refusing the whole batch. */
  partial?: boolean;
}

/** What an ingest call answers (`@shegong/contracts`' `IngestResultSchema`). */
export type { IngestResult };

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/**
 * Ingests a batch of service records: validates every row, stores the good ones and adds them to the
 * rollups (every region level × month × domain × population) in the same transaction — aggregated in
 * memory first, then one multi-row upsert — so the rollups never need the raw records on read.
 *
 * All-or-nothing unless `partial`. The idempotency key is stored with the result of the call that wrote:
 * a repeat returns that result and writes nothing. A batch refused whole stores nothing, key included, so
 * the caller can fix it and send it again under the same key.
 *
 * @example
 * await ingestServiceRecords(db, { idempotencyKey: 'zz-2023-03-14', records: [{ id: 'r1', stationId: 'zz-1',
 *   catalogId: 'zz-2021', itemRef: '1.3', populations: ['dibao'], kind: 'case', date: '2023-03-14',
 *   beneficiaries: 1, hours: 2, volunteers: 0 }] });
 * // { idempotencyKey: 'zz-2023-03-14', received: 1, accepted: 1, rejected: [] }
 * @throws DomainError `SERVICE_RECORDS_REJECTED` (all-or-nothing) with every rejected row in `details`;
 *   `PERIOD_LOCKED` (all-or-nothing) when rows fall in a unit × period an approved report locked;
 *   `INGEST_KEY_CONFLICT` when the key was used before for different records
 */
export async function ingestServiceRecords(
  db: Kysely<ReportingDatabase>,
  request: IngestRequest,
): Promise<IngestResult> {
  if (request.records.length > MAX_INGEST_RECORDS) {
    throw new DomainError(
      'SERVICE_RECORDS_TOO_MANY',
      `${request.records.length} records in one call; send at most ${MAX_INGEST_RECORDS} per call`,
      { path: ['records'] },
    );
  }
  const partial = request.partial ?? false;
  const hash = createHash('sha256')
    .update(JSON.stringify({ partial, records: request.records }))
    .digest('hex');
  return db.transaction().execute(async (trx) => {
    const claim = await sql<{ id: number }>`
      insert into reporting.ingest_requests (idempotency_key, request_hash)
      values (${request.idempotencyKey}, ${hash})
      on conflict (idempotency_key) do nothing
      returning id`.execute(trx);
    const requestId = claim.rows[0]?.id;
    if (requestId === undefined) return replay(trx, request.idempotencyKey, hash);

    const stations = await placesOf(trx, request.records);
    const validated = validateRecords(request.records, stations);
    const { rejected } = validated;
    if (!partial && rejected.length > 0) throw rejection(rejected, request.records.length);
    // A unit × period closed by an approved report takes no more records until its approver unlocks it.
    const locked = lockedRecords(validated.accepted, await locksOver(trx, validated.accepted));
    if (locked.length > 0 && !partial) throw periodLocked(locked, request.records.length);
    const lockedIndexes = new Set(locked.map((l) => l.index));
    const accepted =
      locked.length === 0
        ? validated.accepted
        : validated.accepted.filter((a) => !lockedIndexes.has(a.index));
    if (locked.length > 0) {
      rejected.push(...locked);
      rejected.sort((a, b) => a.index - b.index);
    }

    const ordinals = await populationOrdinals(db, trx);
    // Postgres stores the raw rows while the batch is added up here (two cores, two processes).
    const inserting = insertRecords(trx, accepted, requestId);
    await new Promise((resolve) => setImmediate(resolve));
    let deltas = aggregateRollups(accepted, ordinals);
    const stored = await inserting;
    if (stored.duplicates.length > 0) {
      rejected.push(...stored.duplicates);
      rejected.sort((a, b) => a.index - b.index);
      if (!partial) throw rejection(rejected, request.records.length);
      deltas = aggregateRollups(stored.records, ordinals);
    }
    await upsertRollups(trx, deltas);

    const result: IngestResult = {
      idempotencyKey: request.idempotencyKey,
      received: request.records.length,
      accepted: stored.records.length,
      rejected,
    };
    await sql`update reporting.ingest_requests set result = ${JSON.stringify(result)}::jsonb
              where id = ${requestId}`.execute(trx);
    return result;
  });
}

async function replay(trx: Db, key: string, hash: string): Promise<IngestResult> {
  const prior = await sql<{ request_hash: string; result: IngestResult }>`
    select request_hash, result from reporting.ingest_requests where idempotency_key = ${key}`.execute(trx);
  const row = prior.rows[0];
  if (!row) throw new Error(`ingest request ${key} vanished while being replayed`);
  if (row.request_hash !== hash) {
    throw new DomainError(
      'INGEST_KEY_CONFLICT',
      `idempotency key "${key}" was used before for different records; use a new key for a new batch`,
      { path: ['idempotencyKey'] },
    );
  }
  return row.result;
}

/** Where each station named in the batch lies, for the registered ones. */
async function placesOf(trx: Db, rows: readonly unknown[]): Promise<Map<string, StationPlace>> {
  const ids = new Set<string>();
  for (const row of rows) {
    const id = (row as { stationId?: unknown } | null)?.stationId;
    if (typeof id === 'string') ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const found = await sql<{ id: string; region_path: string[] }>`
    select id, region_path from reporting.stations
    where id = any(${[...ids]}::text[]) and region_path is not null`.execute(trx);
  return new Map(found.rows.map((r) => [r.id, { regionPath: r.region_path }]));
}

/**
 * Stores the rows; a (station, id) already stored by an earlier request is not overwritten but reported
 * as a duplicate, so a record is never counted twice.
 */
async function insertRecords(
  trx: Db,
  accepted: AcceptedRecord[],
  requestId: number,
): Promise<{ records: AcceptedRecord[]; duplicates: RejectedRecord[] }> {
  if (accepted.length === 0) return { records: [], duplicates: [] };
  const n = accepted.length;
  const cols = {
    station: new Array<string>(n),
    id: new Array<string>(n),
    catalog: new Array<string>(n),
    item: new Array<string>(n),
    populations: new Array<string>(n),
    kind: new Array<string>(n),
    date: new Array<string>(n),
    beneficiaries: new Array<number>(n),
    hours: new Array<number>(n),
    volunteers: new Array<number>(n),
    domains: new Array<string>(n),
  };
  accepted.forEach(({ record, domains }, i) => {
    cols.station[i] = record.stationId;
    cols.id[i] = record.id;
    cols.catalog[i] = record.catalogId;
    cols.item[i] = record.itemRef;
    cols.populations[i] = record.populations.join(',');
    cols.kind[i] = record.kind;
    cols.date[i] = record.date;
    cols.beneficiaries[i] = record.beneficiaries;
    cols.hours[i] = record.hours;
    cols.volunteers[i] = record.volunteers;
    cols.domains[i] = domains.join(',');
  });
  const station = textArray(cols.station);
  const id = textArray(cols.id);
  const inserted = await sql`
    insert into reporting.service_records
      (station_id, id, catalog_id, item_ref, populations, kind, date, beneficiaries, hours, volunteers,
       domains, request_id)
    select s, i, c, it, string_to_array(p, ','), k, d, b, h, v, string_to_array(dm, ','), ${requestId}::bigint
    from unnest(${station}::text[], ${id}::text[], ${textArray(cols.catalog)}::text[],
                ${textArray(cols.item)}::text[], ${textArray(cols.populations)}::text[],
                ${textArray(cols.kind)}::text[], ${textArray(cols.date)}::date[],
                ${numberArray(cols.beneficiaries)}::int[], ${numberArray(cols.hours)}::numeric[],
                ${numberArray(cols.volunteers)}::int[], ${textArray(cols.domains)}::text[])
         as t(s, i, c, it, p, k, d, b, h, v, dm)
    on conflict (station_id, id) do nothing`.execute(trx);
  if (Number(inserted.numAffectedRows ?? 0) === n) return { records: accepted, duplicates: [] };

  const earlier = await sql<{ station_id: string; id: string }>`
    select r.station_id, r.id
    from reporting.service_records r
    join unnest(${station}::text[], ${id}::text[]) as b(station_id, id)
      on r.station_id = b.station_id and r.id = b.id
    where r.request_id <> ${requestId}`.execute(trx);
  const taken = new Set(earlier.rows.map((r) => `${r.station_id}\u0000${r.id}`));
  const records: AcceptedRecord[] = [];
  const duplicates: RejectedRecord[] = [];
  for (const a of accepted) {
    if (!taken.has(`${a.record.stationId}\u0000${a.record.id}`)) {
      records.push(a);
      continue;
    }
    duplicates.push({
      index: a.index,
      id: a.record.id,
      errors: [
        {
          path: `records[${a.index}].id`,
          code: 'SERVICE_RECORD_DUPLICATE',
          message: `record "${a.record.id}" of station ${a.record.stationId} was ingested before`,
        },
      ],
    });
  }
  return { records, duplicates };
}

/**
 * One multi-row upsert of the batch's increments: every counter is `n = n + excluded.n`, element by
 * element over the population arrays (spelled out, so Postgres runs no function per row). Elements past
 * the batch's width, from populations this process does not know yet, are kept as they are.
 */
async function upsertRollups(trx: Db, d: RollupDeltas): Promise<void> {
  if (d.regionCode.length === 0) return;
  await sql`
    insert into reporting.service_rollups as r
      (region_code, period, domain, records, beneficiaries, hours_centi, volunteers)
    select g, p, dm, n::bigint[], b::bigint[], h::bigint[], v::bigint[]
    from unnest(${textArray(d.regionCode)}::text[], ${textArray(d.period)}::text[],
                ${textArray(d.domain)}::text[], ${textArray(d.records)}::text[],
                ${textArray(d.beneficiaries)}::text[], ${textArray(d.hoursCenti)}::text[],
                ${textArray(d.volunteers)}::text[])
         as t(g, p, dm, n, b, h, v)
    on conflict (region_code, period, domain) do update set ${sql.raw(setCounters(d.width))}`.execute(trx);
}

/**
 * A `text[]` parameter as one array literal, every element quoted. pg's own array encoding runs two regex
 * replaces per element (~100,000 elements per 5,000-record batch); here only an element holding `"` or `\`
 * is rewritten.
 */
function textArray(items: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const safe = item.includes('"') || item.includes('\\') ? item.replace(/["\\]/g, '\\$&') : item;
    out += i === 0 ? `"${safe}"` : `,"${safe}"`;
  }
  return `${out}}`;
}

/** A numeric array parameter as one literal (finite numbers only: the schema checked them). */
function numberArray(items: readonly number[]): string {
  return `{${items.join(',')}}`;
}

const setClauses = new Map<number, string>();

/** `records = array_cat(array[coalesce(r.records[1], 0) + excluded.records[1], …], r.records[w+1:]), …` */
function setCounters(width: number): string {
  let clause = setClauses.get(width);
  if (!clause) {
    clause = ['records', 'beneficiaries', 'hours_centi', 'volunteers']
      .map((col) => {
        const sums = Array.from(
          { length: width },
          (_, i) => `coalesce(r.${col}[${i + 1}], 0) + excluded.${col}[${i + 1}]`,
        );
        return `${col} = array_cat(array[${sums.join(', ')}], r.${col}[${width + 1}:])`;
      })
      .join(',\n');
    setClauses.set(width, clause);
  }
  return clause;
}

function rejection(rejected: RejectedRecord[], total: number): DomainError {
  const first = rejected[0]?.errors[0];
  const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more rows)` : '';
  return new DomainError(
    'SERVICE_RECORDS_REJECTED',
    `${rejected.length} of ${total} records rejected, nothing stored: ${first?.path}: ${first?.message}${more}. ` +
      'Fix them, or send partial: true to store the good rows.',
    {
      path: first ? pathOf(first.path) : ['records'],
      details: { rejected },
    },
  );
}

function periodLocked(locked: RejectedRecord[], total: number): DomainError {
  const rows = locked.map((l) => l.id ?? `#${l.index}`);
  return new DomainError(
    'PERIOD_LOCKED',
    `${locked.length} of ${total} records fall in a period closed by an approved report, nothing stored ` +
      `(${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}): ` +
      `${locked[0]?.errors[0]?.message}`,
    { path: ['records', locked[0]?.index ?? 0, 'date'], details: { rejected: locked } },
  );
}

/** `records[3].populations[0]` → `['records', 3, 'populations', 0]`. */
function pathOf(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? String(m[1]) : Number(m[2]),
  );
}
