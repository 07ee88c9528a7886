import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IngestResult, IngestRollups } from '@shegong/contracts';
import { DomainError } from '@shegong/kernel';
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { ReportingDatabase } from '../db/schema.ts';
import { replayIngest, requestDigest } from './ingest-replay.ts';
import { lockedRecords, locksOver, type PeriodLock } from './locks.ts';
import { populationOrdinals } from './population-ordinals.ts';
import {
  type AcceptedRecord,
  aggregateRollups,
  createRecordValidator,
  createRollupAggregator,
  internPath,
  keyOrder,
  type RejectedRecord,
  type RollupAggregator,
  rolledUpPath,
  type StationPlace,
} from './records.ts';
import { type Folder, folderOf } from './rollup-fold.ts';
import { upsertRollups } from './rollup-upsert.ts';
import { numberArray, textArray } from './sql-arrays.ts';

/** Most records one ingest call takes. */
export const MAX_INGEST_RECORDS = 10_000;

export interface IngestRequest {
  /** The caller's key for this batch: sending it again returns the first result and writes nothing. */
  idempotencyKey: string;
  records: readonly unknown[];
  /** Accept the good rows and return the bad ones, instead of refusing the whole batch. */
  partial?: boolean;
  /** Check every row and answer as a `partial` call would, writing nothing (`checkServiceRecords`). */
  dryRun?: boolean;
}

/** What an ingest call answers (`@shegong/contracts`' `IngestResultSchema`). */
export type { IngestResult };

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/** Records per slice of the COPY stream and of the rollup sums. */
const SLICE = 1_000;

/**
 * Ingests a batch of service records: validates every row, stores the good ones and adds them to the
 * rollups (province, city and county × month × domain × population; a township reads its raw rows) in the
 * same transaction, so a read right after the call sees them and the rollups never need the raw records
 * on read.
 *
 * The raw rows go in by one `COPY` while this process checks and adds up the next slice of the batch
 * (two cores: Postgres parses the rows as node sums them), then one multi-row upsert adds the sums. A
 * `COPY` that meets a (station, id) stored before is rolled back to its savepoint and the rows go in one
 * by one key instead, so the earlier ones are reported as duplicates and never counted twice.
 *
 * With `{ rollups: 'background' }` (a bulk load) the call returns once the rows are stored: its request is
 * marked in `rollup_pending` in the same transaction and a fold adds it to the rollups after the commit,
 * behind the call, coalescing the calls that arrive meanwhile into one upsert. Until then the rollups
 * (and a report drafted from them) lack the batch: `foldPendingRecords` waits for it.
 *
 * All-or-nothing unless `partial`. The idempotency key is stored with the result of the call that wrote:
 * a repeat (the same rows: `replayIngest` compares them with the rows stored) returns that result and
 * writes nothing. A batch refused whole stores nothing, key included, so the caller can fix it and send
 * it again under the same key.
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
  options: IngestOptions = {},
): Promise<IngestResult> {
  const deferred = options.rollups === 'background';
  if (request.records.length > MAX_INGEST_RECORDS) {
    throw new DomainError(
      'SERVICE_RECORDS_TOO_MANY',
      `${request.records.length} records in one call; send at most ${MAX_INGEST_RECORDS} per call`,
      { path: ['records'] },
    );
  }
  if (request.dryRun === true) return checkServiceRecords(db, request);
  const partial = request.partial ?? false;
  const folder = folderOf(db);
  let folding:
    | { requestId: number; records: AcceptedRecord[]; ordinals: ReadonlyMap<string, number> }
    | undefined;
  const result = await db.transaction().execute(async (trx) => {
    // The key is claimed first and its digest written with the result: a concurrent call under the same
    // key waits on the unique index until this one ends, then replays what it committed.
    const claim = await sql<{ id: number }>`
      insert into reporting.ingest_requests (idempotency_key, request_hash)
      values (${request.idempotencyKey}, '')
      on conflict (idempotency_key) do nothing
      returning id`.execute(trx);
    const requestId = claim.rows[0]?.id;
    if (requestId === undefined) {
      return replayIngest(trx, request.idempotencyKey, partial, request.records);
    }

    const stations = await placesOf(trx, request.records);
    // The period locks of every region the batch's stations lie in, read before any row is sent (the gate
    // is held shared until commit); `lockedRecords` then matches each record's own path and date.
    const places = [...stations.values()] as unknown as AcceptedRecord[]; // locksOver reads regionPath only
    const locks = await locksOver(trx, places);
    const ordinals = await populationOrdinals(db, trx);
    const pass = await storeRecords(
      trx,
      () => checkBatch(request, stations, locks, deferred ? undefined : ordinals, folder),
      requestId,
    );
    const { invalid, locked, duplicates } = pass;
    if (!partial && invalid.length > 0) throw rejection(invalid, request.records.length);
    if (!partial && locked.length > 0) throw periodLocked(locked, request.records.length);
    if (!partial && duplicates.length > 0) {
      throw rejection(duplicates, request.records.length);
    }
    const rejected = [...invalid, ...locked, ...duplicates].sort((x, y) => x.index - y.index);
    const pending = deferred && pass.stored.length > 0;
    if (pending) folding = { requestId, records: pass.stored, ordinals };
    else if (!deferred) {
      const deltas =
        duplicates.length === 0 && pass.aggregator
          ? pass.aggregator.deltas()
          : aggregateRollups(pass.stored, ordinals, rolledUpPath);
      await upsertRollups(trx, deltas);
    }
    const digest = requestDigest(
      partial,
      request.records,
      rejected.map((r) => r.index),
    );

    const result: IngestResult = {
      idempotencyKey: request.idempotencyKey,
      received: request.records.length,
      accepted: pass.stored.length,
      rejected,
    };
    // one statement for the result and, when the rollups wait for a fold, the request's mark
    await sql`
      with mark as (
        insert into reporting.rollup_pending (request_id, marked_at)
        select ${requestId}::bigint, clock_timestamp() where ${pending}::boolean
      )
      update reporting.ingest_requests
      set request_hash = ${digest}, result = ${JSON.stringify(result)}::jsonb
      where id = ${requestId}`.execute(trx);
    return result;
  });
  // committed: this process's folder adds the rows up behind the call and folds them with the next ones
  if (folding) folder.add(folding.requestId, folding.records, folding.ordinals);
  return result;
}

/**
 * A dry run of `ingestServiceRecords`: every row checked as the real call checks it — schema, station,
 * catalog item, duplicates within the batch (the shared validator), period locks, and (station, id) pairs
 * stored before — and answered as a `partial` call would (`accepted` counts the rows that would be stored,
 * `rejected` lists every other row with every reason), whatever `partial` says. Read-only transaction: no
 * idempotency key is claimed (the same key may be used for the real call after), no row, no rollup.
 */
export async function checkServiceRecords(
  db: Kysely<ReportingDatabase>,
  request: IngestRequest,
): Promise<IngestResult> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    const stations = await placesOf(trx, request.records);
    const validator = createRecordValidator(request.records, stations);
    validator.check(0, request.records.length);
    const locked = lockedRecords(validator.accepted, await locksOver(trx, validator.accepted));
    const lockedAt = new Set(locked.map((l) => l.index));
    const open = validator.accepted.filter((a) => !lockedAt.has(a.index));
    const earlier = await sql<{ station_id: string; id: string }>`
      select r.station_id, r.id from reporting.service_records r
      join unnest(${textArray(open.map((a) => a.record.stationId))}::text[],
                  ${textArray(open.map((a) => a.record.id))}::text[]) as b(station_id, id)
        on r.station_id = b.station_id and r.id = b.id`.execute(trx);
    const taken = new Set(earlier.rows.map((r) => `${r.station_id}\u0000${r.id}`));
    const duplicates: RejectedRecord[] = open
      .filter((a) => taken.has(`${a.record.stationId}\u0000${a.record.id}`))
      .map((a) => ({
        index: a.index,
        id: a.record.id,
        errors: [
          {
            path: `records[${a.index}].id`,
            code: 'SERVICE_RECORD_DUPLICATE',
            message: `record "${a.record.id}" of station ${a.record.stationId} was ingested before`,
          },
        ],
      }));
    const rejected = [...validator.rejected, ...locked, ...duplicates].sort((x, y) => x.index - y.index);
    return {
      idempotencyKey: request.idempotencyKey,
      received: request.records.length,
      accepted: open.length - duplicates.length,
      rejected,
    };
  });
}

export interface IngestOptions {
  /**
   * `inline` (the default, what `serviceRecords.ingest` does): the call returns once its rows are in the
   * rollups, added in its own transaction. `background`, for a bulk load: it returns once they are stored;
   * a fold adds them after the commit, once calls pause for a second, at most 5 s later (`FOLD_QUIET_MS`,
   * `FOLD_MAX_WAIT_MS` in `rollup-fold.ts`). Until then rollup reads and report drafts do not count them;
   * `foldPendingRecords` waits. Period locks and duplicates are decided in the call either way.
   */
  rollups?: IngestRollups;
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
  return new Map(found.rows.map((r) => [r.id, { regionPath: internPath(r.region_path) }]));
}

const COLUMNS =
  'station_id, id, catalog_id, item_ref, populations, kind, date, beneficiaries, hours, volunteers, domains, request_id';

/** One pass over a batch: rows checked, sent to Postgres and added up a slice at a time. */
interface BatchPass {
  /** COPY text of the accepted rows, a slice per chunk; drives the pass as the stream pulls it. */
  chunks(requestId: number): Generator<string>;
  /** Rows that passed every check and no period lock refused, so far. */
  accepted: AcceptedRecord[];
  invalid: RejectedRecord[];
  locked: RejectedRecord[];
  /** The rollup sums, when the call adds them itself (`inline`). */
  aggregator: RollupAggregator | undefined;
}

/**
 * Checks the batch a slice at a time, as the COPY stream asks for rows: validation, period locks and the
 * rollup sums of a slice run while Postgres stores the slice before it. All-or-nothing and the first
 * invalid row: the rows after it are still checked (every bad row is named) but no longer sent or summed,
 * and the caller throws.
 */
function checkBatch(
  request: IngestRequest,
  stations: ReadonlyMap<string, StationPlace>,
  locks: readonly PeriodLock[],
  ordinals: ReadonlyMap<string, number> | undefined,
  folder: Folder,
): BatchPass {
  const { records } = request;
  const partial = request.partial ?? false;
  const validator = createRecordValidator(records, stations, { order: 'key' });
  const pass: BatchPass = {
    accepted: [],
    invalid: validator.rejected,
    locked: [],
    aggregator: ordinals && createRollupAggregator(ordinals, rolledUpPath),
    *chunks(requestId) {
      const order = keyOrder(records);
      for (let from = 0; from < order.length; from += SLICE) {
        const before = validator.accepted.length;
        validator.checkAt(order.slice(from, from + SLICE));
        let slice = validator.accepted.slice(before);
        const locked = lockedRecords(slice, locks);
        pass.locked.push(...locked);
        if (!partial && (validator.rejected.length > 0 || pass.locked.length > 0)) continue;
        if (locked.length > 0) {
          const indexes = new Set(locked.map((l) => l.index));
          slice = slice.filter((a) => !indexes.has(a.index));
        }
        pass.accepted.push(...slice);
        pass.aggregator?.add(slice);
        yield copyText(slice, requestId);
        // Postgres stores that slice meanwhile: time to add up a slice of the calls before this one
        folder.step();
      }
      // checked in key order: the refusals are named in the batch's own order
      pass.invalid.sort((x, y) => x.index - y.index);
      pass.locked.sort((x, y) => x.index - y.index);
    },
  };
  return pass;
}

/**
 * Stores a batch's accepted rows by one `COPY` (text format) fed by the pass, under a savepoint. A
 * (station, id) stored before fails the COPY with a unique violation: then the batch is checked again
 * from the start and its rows go in through `insertRecords`, which sorts the new ones from the duplicates.
 */
async function storeRecords(
  trx: Transaction<ReportingDatabase>,
  check: () => BatchPass,
  requestId: number,
): Promise<BatchPass & { stored: AcceptedRecord[]; duplicates: RejectedRecord[] }> {
  const pass = check();
  await sql`savepoint raw_rows`.execute(trx);
  try {
    const copied = await copyInto(
      trx,
      `copy reporting.service_records (${COLUMNS}) from stdin`,
      pass.chunks(requestId),
    );
    if (copied !== pass.accepted.length) {
      throw new Error(`COPY stored ${copied} of ${pass.accepted.length} rows`);
    }
    // the savepoint is left to end with the transaction: releasing it would cost a round trip for nothing
    return Object.assign(pass, { stored: pass.accepted, duplicates: [] });
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await sql`rollback to savepoint raw_rows`.execute(trx);
    const again = check();
    for (const _ of again.chunks(requestId)); // the whole pass, its COPY text unused
    const { records, duplicates } = await insertRecords(trx, again.accepted, requestId);
    return Object.assign(again, { stored: records, duplicates });
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Runs `COPY … FROM STDIN` on the transaction's own connection. kysely hands a query's `sql` to pg's
 * `client.query` as it is, and pg runs any object with a `submit` method as a query of its own (this is
 * how pg-copy-streams plugs in), queueing the statements after it; kysely has no other way to reach the
 * connection. Resolves with the rows the server says it stored.
 */
async function copyInto(
  trx: Transaction<ReportingDatabase>,
  statement: string,
  chunks: Iterable<string>,
): Promise<number> {
  const stream = copyFrom(statement);
  const done = pipeline(Readable.from(chunks, { objectMode: false }), stream);
  await trx.executeQuery({ ...CompiledQuery.raw(''), sql: stream as unknown as string });
  await done;
  return stream.rowCount;
}

/** Accepted rows as lines of COPY text (tab-separated, in `COLUMNS` order). */
function copyText(accepted: readonly AcceptedRecord[], requestId: number): string {
  let text = '';
  for (const { record: r, domains } of accepted) {
    // an item's domains are one shared array, and most rows serve one population or none: their fields
    // are spelled once, not per row
    let domainsField = domainFields.get(domains);
    if (domainsField === undefined) {
      domainsField = copyField(textArray(domains));
      domainFields.set(domains, domainsField);
    }
    const { populations } = r;
    const populationsField =
      populations.length === 0
        ? '{}'
        : populations.length === 1
          ? populationField(populations[0] as string)
          : copyField(textArray(populations));
    text += `${copyField(r.stationId)}\t${copyField(r.id)}\t${copyField(r.catalogId)}\t${copyField(r.itemRef)}\t${populationsField}\t${r.kind}\t${r.date}\t${r.beneficiaries}\t${r.hours}\t${r.volunteers}\t${domainsField}\t${requestId}\n`;
  }
  return text;
}

const domainFields = new WeakMap<readonly string[], string>();
const populationFields = new Map<string, string>();

/** The COPY field of a one-population array; the codes are the catalog's few, each spelled once. */
function populationField(code: string): string {
  let field = populationFields.get(code);
  if (field === undefined) {
    field = copyField(textArray([code]));
    populationFields.set(code, field);
  }
  return field;
}

/** A value as a field of COPY's text format: backslash, tab, newline and carriage return escaped. */
function copyField(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : value;
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
