import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IngestResult } from '@shegong/contracts';
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
  type RollupDeltas,
  rolledUpPath,
  type StationPlace,
} from './records.ts';

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
  let held: number | undefined;
  const committing = db.transaction().execute(async (trx) => {
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
      () => checkBatch(request, stations, locks, deferred ? undefined : ordinals),
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
    if (pending) {
      // held before the commit makes the mark visible, so a fold that sees the mark finds the records
      folder.hold(requestId, pass.stored);
      held = requestId;
    } else if (!deferred) {
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
  try {
    const result = await committing;
    if (held !== undefined) folder.release(held, true);
    return result;
  } catch (error) {
    if (held !== undefined) folder.release(held, false);
    throw error;
  }
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
   * a fold adds them after the commit, once calls pause for a second, at most 5 s later (at once when
   * 200,000 records wait: `FOLD_QUIET_MS`, `FOLD_MAX_WAIT_MS`, `FOLD_RECORDS`). Until then rollup reads
   * and report drafts do not count them; `foldPendingRecords` waits. Period locks and duplicates are
   * decided in the call either way.
   */
  rollups?: 'inline' | 'background';
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
      }
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
    // checked in key order: the refusals are named in the batch's own order
    pass.invalid.sort((x, y) => x.index - y.index);
    pass.locked.sort((x, y) => x.index - y.index);
    return Object.assign(pass, { stored: pass.accepted, duplicates: [] });
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await sql`rollback to savepoint raw_rows`.execute(trx);
    const again = check();
    for (const _ of again.chunks(requestId)); // the whole pass, its COPY text unused
    again.invalid.sort((x, y) => x.index - y.index);
    again.locked.sort((x, y) => x.index - y.index);
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
      domainsField = copyField(arrayLiteral(domains));
      domainFields.set(domains, domainsField);
    }
    const { populations } = r;
    const populationsField =
      populations.length === 0
        ? '{}'
        : populations.length === 1
          ? populationField(populations[0] as string)
          : copyField(arrayLiteral(populations));
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
    field = copyField(arrayLiteral([code]));
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

/** A `text[]` literal with every element quoted, its `"` and `\` escaped: `{"dibao","orphan"}`. */
function arrayLiteral(items: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const safe = item.includes('"') || item.includes('\\') ? item.replace(/["\\]/g, '\\$&') : item;
    out += i === 0 ? `"${safe}"` : `,"${safe}"`;
  }
  return `${out}}`;
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

// ---------------------------------------------------------------------------------------------------------
// Folding deferred requests into the rollups

/**
 * This process's folder for one database handle: the records of the requests it marked, held in memory
 * until a fold adds them up, so a fold never reads them back.
 */
interface Folder {
  held: Map<number, readonly AcceptedRecord[]>;
  /**
   * Holds a request's records before its transaction commits, so no fold can see its mark without them;
   * `release` once it committed (asks for a fold) or failed (forgets them).
   */
  hold(requestId: number, records: readonly AcceptedRecord[]): void;
  release(requestId: number, committed: boolean): void;
  /** Requests whose transaction is still open: a fold leaves their held records alone. */
  inFlight: ReadonlySet<number>;
  /** Cancels the wait of a fold asked for, and resolves when the background fold running now ends. */
  settle(): Promise<void>;
}

/**
 * When a background fold runs: once calls have paused for `FOLD_QUIET_MS`, at the latest `FOLD_MAX_WAIT_MS`
 * after the first record it will fold arrived, and at once when `FOLD_RECORDS` records are held. A fold's
 * upsert costs about the same whatever the records behind it (≈ 6,500 rollup rows for two years of three
 * cities, ≈ 100 ms of Postgres), so a bulk load should fold rarely: a fold per call, or one a second,
 * took more of the database than the load's own COPYs. Up to 200,000 held records per fold (tens of MB);
 * the longest wait bounds how stale the rollups get while a load runs.
 */
const FOLD_QUIET_MS = 1_000;
const FOLD_MAX_WAIT_MS = 5_000;
const FOLD_RECORDS = 200_000;
/** A mark older than this belongs to no live folder (each folds its own within `FOLD_MAX_WAIT_MS`). */
const ORPHANED_AFTER_MS = 30_000;

const folders = new WeakMap<object, Folder>();

function folderOf(db: Kysely<ReportingDatabase>): Folder {
  const known = folders.get(db);
  if (known) return known;
  const held = new Map<number, readonly AcceptedRecord[]>();
  const inFlight = new Set<number>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** When the first record still waiting for a fold was held. */
  let waitingSince: number | undefined;
  let failed = false;
  const heldRecords = () => {
    let n = 0;
    for (const [id, records] of held) if (!inFlight.has(id)) n += records.length;
    return n;
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    waitingSince = undefined;
    running = (async () => {
      try {
        await foldOnce(db, 'skip-locked');
        failed = false;
      } catch (error) {
        // the marks stay, so nothing is lost: the next try, foldPendingRecords or the service's loop
        // folds them
        failed = true;
        console.error(`reporting: folding ingested records into the rollups failed: ${error}`);
      }
    })().finally(() => {
      running = undefined;
      schedule();
    });
  };
  /** Decides when the next fold runs; a fold running now decides when it ends. */
  const schedule = () => {
    if (running) return;
    const waiting = heldRecords();
    if (waiting === 0) return;
    if (failed) {
      // after a failure, one retry the longest wait later, whatever calls arrive meanwhile (no hot loop
      // against a sick database, and no retry put off for ever by a steady load)
      timer ??= setTimeout(run, FOLD_MAX_WAIT_MS).unref();
      return;
    }
    if (waiting >= FOLD_RECORDS) {
      run();
      return;
    }
    const now = performance.now();
    waitingSince ??= now;
    const delay = Math.min(FOLD_QUIET_MS, waitingSince + FOLD_MAX_WAIT_MS - now);
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, delay)).unref();
  };
  const folder: Folder = {
    held,
    inFlight,
    hold(requestId, records) {
      held.set(requestId, records);
      inFlight.add(requestId);
    },
    release(requestId, committed) {
      inFlight.delete(requestId);
      if (committed) schedule();
      else held.delete(requestId);
    },
    async settle() {
      clearTimeout(timer);
      timer = undefined;
      waitingSince = undefined;
      await running;
    },
  };
  folders.set(db, folder);
  return folder;
}

/**
 * Adds every request marked in `rollup_pending` to the rollups, waiting for folds that other callers or
 * processes have under way, and resolves once the rollups include every record stored before the call.
 * Records this process holds are added up as they are; those of a process that died before folding them
 * are read back from the raw rows. Each fold is one transaction: the sums and the deletion of the marks
 * commit together, so a record is folded exactly once.
 * @returns how many requests this call folded
 * @example
 * await ingestServiceRecords(db, batch, { rollups: 'background' });
 * await foldPendingRecords(db); // now readServiceRollup counts the batch
 */
export async function foldPendingRecords(db: Kysely<ReportingDatabase>): Promise<number> {
  await folderOf(db).settle();
  return foldOnce(db, 'wait');
}

/**
 * Folds the marks no live process will: those made over 30 s ago, longer than any folder waits, e.g. by a
 * process that died before its fold (their records are read back from the raw rows). What a live process
 * holds is left to its own fold, so a service's periodic call does not fold a bulk load behind its back a
 * few calls at a time.
 * @returns how many requests it folded
 */
export function foldOrphanedRecords(db: Kysely<ReportingDatabase>): Promise<number> {
  return foldOnce(db, 'skip-locked', ORPHANED_AFTER_MS);
}

/**
 * One fold: takes the marks (skipping those another fold holds, or waiting for them; only those older than
 * `olderThanMs` when given), adds their records up in memory, upserts the sums once and deletes the marks,
 * in one transaction.
 */
async function foldOnce(
  db: Kysely<ReportingDatabase>,
  mode: 'skip-locked' | 'wait',
  olderThanMs?: number,
): Promise<number> {
  const folder = folderOf(db);
  const old =
    olderThanMs === undefined ? sql`` : sql`where marked_at < now() - ${olderThanMs} * interval '1 ms'`;
  const taken = await db.transaction().execute(async (trx) => {
    const marks = await sql<{ request_id: number }>`
      delete from reporting.rollup_pending
      where request_id in (select request_id from reporting.rollup_pending ${old} order by request_id
                           for update ${mode === 'wait' ? sql`` : sql`skip locked`})
      returning request_id`.execute(trx);
    const ids = marks.rows.map((r) => Number(r.request_id)).sort((a, b) => a - b);
    if (ids.length === 0) return ids;
    const ordinals = await populationOrdinals(db, trx);
    const aggregator = createRollupAggregator(ordinals, rolledUpPath);
    const lost: number[] = [];
    for (const id of ids) {
      const records = folder.held.get(id);
      if (!records) {
        lost.push(id);
        continue;
      }
      // a slice at a time, letting a concurrent ingest's COPY stream be fed in between: a 200,000-record
      // fold adds up for a few hundred ms, far longer than Postgres takes to drain what the socket holds
      for (let from = 0; from < records.length; from += SLICE) {
        aggregator.add(records.slice(from, from + SLICE));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (lost.length > 0) aggregator.add(await storedRecords(trx, lost));
    await upsertRollups(trx, aggregator.deltas());
    return ids;
  });
  for (const id of taken) folder.held.delete(id);
  const settled = [...folder.held.keys()].filter((id) => !folder.inFlight.has(id));
  if (settled.length > 0) {
    // records of requests another process folded from the raw rows meanwhile: nothing left to add
    const pending = await sql<{ request_id: number }>`
      select request_id from reporting.rollup_pending
      where request_id = any(${settled.map(String)}::bigint[])`.execute(db);
    const still = new Set(pending.rows.map((r) => Number(r.request_id)));
    for (const id of settled) if (!still.has(id)) folder.held.delete(id);
  }
  return taken.length;
}

/**
 * The stored records of requests, as the rollups count them (each station's current path), for a fold
 * whose records no process holds any more.
 */
async function storedRecords(trx: Db, requestIds: readonly number[]): Promise<AcceptedRecord[]> {
  const rows = await sql<{
    station_id: string;
    id: string;
    populations: string[];
    date: string;
    beneficiaries: number;
    hours: string;
    volunteers: number;
    domains: string[];
    region_path: string[];
  }>`
    select r.station_id, r.id, r.populations, r.date, r.beneficiaries, r.hours, r.volunteers, r.domains,
           s.region_path
    from reporting.service_records r join reporting.stations s on s.id = r.station_id
    where r.request_id = any(${requestIds.map(String)}::bigint[])`.execute(trx);
  // one path array per station and one domains array per item, as ingest has them: the sums resolve a
  // path's regions and an item's domains once
  const paths = new Map<string, readonly string[]>();
  const items = new Map<string, string[]>();
  const sharedDomains = (domains: string[]) => {
    const key = domains.join('\u0000');
    let shared = items.get(key);
    if (!shared) {
      shared = domains;
      items.set(key, shared);
    }
    return shared;
  };
  return rows.rows.map((r, index) => {
    let regionPath = paths.get(r.station_id);
    if (!regionPath) {
      regionPath = internPath(r.region_path);
      paths.set(r.station_id, regionPath);
    }
    return {
      index,
      record: {
        id: r.id,
        stationId: r.station_id,
        // the sums read only the station, date, populations and counters; the catalog is in `domains`
        catalogId: '',
        itemRef: '',
        populations: r.populations,
        kind: 'case',
        date: r.date,
        beneficiaries: r.beneficiaries,
        hours: Number(r.hours),
        volunteers: r.volunteers,
      },
      domains: sharedDomains(r.domains),
      regionPath,
    };
  });
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
