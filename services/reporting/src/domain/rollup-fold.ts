import { type Kysely, sql, type Transaction } from 'kysely';
import type { ReportingDatabase } from '../db/schema.ts';
import { populationOrdinals } from './population-ordinals.ts';
import {
  type AcceptedRecord,
  createRollupAggregator,
  internPath,
  type RollupAggregator,
  rolledUpPath,
} from './records.ts';
import { upsertRollups } from './rollup-upsert.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/**
 * Folding deferred ingests (`rollups: 'background'`) into the rollups.
 *
 * An ingest marks its request in `rollup_pending` in the transaction that stores its rows, and after the
 * commit hands the rows to this process's folder, which adds them up a slice at a time while the event
 * loop is idle (the rows are then dropped: a bulk load holds sums, not records). A fold takes the marks
 * of the requests added up, upserts their sums once and deletes the marks, in one transaction, so a
 * record is folded exactly once whoever folds it. A mark no sums here stand for (its process died, or a
 * fold failed) is folded from the raw rows it names.
 */

/** Records added up per turn of the event loop: a concurrent ingest's COPY is fed in between. */
const SLICE = 1_000;
/**
 * When a background fold runs: once calls have paused for `FOLD_QUIET_MS`, at the latest `FOLD_MAX_WAIT_MS`
 * after the first record it will fold arrived. A fold's upsert costs about the same whatever the records
 * behind it (≈ 6,500 rollup rows for two years of three cities, ≈ 100 ms of Postgres), so a bulk load
 * should fold rarely: a fold per call, or one a second, took more of the database than the load's own
 * COPYs. The folder holds sums, not records, so nothing but staleness bounds how many records one fold
 * takes; the longest wait bounds how stale the rollups get while a load runs.
 */
const FOLD_QUIET_MS = 1_000;
const FOLD_MAX_WAIT_MS = 5_000;
/** How long no ingest adds a slice before the folder adds the rows waiting on its own. */
const IDLE_ADD_MS = 20;
/** A mark older than this belongs to no live folder (each folds its own within `FOLD_MAX_WAIT_MS`). */
const ORPHANED_AFTER_MS = 30_000;

/** This process's folder for one database handle. */
export interface Folder {
  /** A committed request's stored rows, to add up and fold (its mark is in `rollup_pending`). */
  add(requestId: number, records: readonly AcceptedRecord[], ordinals: ReadonlyMap<string, number>): void;
  /**
   * Adds up one slice of the rows handed over, if any wait: an ingest calls it between the slices of its
   * COPY, while Postgres is busy storing them, so the sums cost the load no wall time. Rows left when no
   * ingest runs are added up once the loop has been idle for `IDLE_ADD_MS`.
   */
  step(): void;
}

/** What a fold takes: its own requests' sums (`own`), every mark (`all`), or the orphaned ones. */
type FoldMode = 'own' | 'all' | 'orphaned';

/** The sums of requests this process stored, added up as they committed, not folded yet. */
interface RunningSums {
  aggregator: RollupAggregator;
  ordinals: ReadonlyMap<string, number>;
  requests: Set<number>;
}

interface FolderState extends Folder {
  /** Runs a fold after the folds asked for before it (one at a time per handle). */
  fold(mode: FoldMode): Promise<number>;
  /** Every request handed over is in the sums; the sums taken for a fold, and a fresh start. */
  takeSums(): RunningSums | undefined;
  /** Requests whose sums were lost with a failed fold: their marks are folded from the raw rows. */
  lost: Set<number>;
  /** Cancels the wait of a background fold asked for. */
  cancelWait(): void;
}

const folders = new WeakMap<object, FolderState>();

/** The folder of a database handle (one per handle, created on first use). */
export function folderOf(db: Kysely<ReportingDatabase>): Folder {
  return stateOf(db);
}

function stateOf(db: Kysely<ReportingDatabase>): FolderState {
  const known = folders.get(db);
  if (known) return known;
  const queue: Array<{
    requestId: number;
    records: readonly AcceptedRecord[];
    ordinals: ReadonlyMap<string, number>;
    next: number;
  }> = [];
  let sums: RunningSums | undefined;
  let adding: NodeJS.Immediate | undefined;
  let idle: NodeJS.Timeout | undefined;
  let exclusive: Promise<unknown> = Promise.resolve();
  let background: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Records handed over since the last fold took the sums, and when the first of them arrived. */
  let waiting = 0;
  let waitingSince: number | undefined;
  let failed = false;
  const lost = new Set<number>();

  /** Adds up to `limit` queued records to the running sums. */
  const addSome = (limit: number) => {
    let budget = limit;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0] as (typeof queue)[number];
      if (sums && !sameOrdinals(sums.ordinals, head.ordinals)) {
        // population ordinals changed under a running load (a catalog with a new population): these sums
        // cannot hold its rows, which are folded from the raw rows instead
        lost.add(head.requestId);
        queue.shift();
        continue;
      }
      sums ??= {
        aggregator: createRollupAggregator(head.ordinals, rolledUpPath),
        ordinals: head.ordinals,
        requests: new Set(),
      };
      const to = Math.min(head.records.length, head.next + budget);
      sums.aggregator.add(head.records.slice(head.next, to));
      budget -= to - head.next;
      head.next = to;
      if (head.next === head.records.length) {
        sums.requests.add(head.requestId);
        queue.shift();
      }
    }
  };
  const addLater = () => {
    adding = undefined;
    addSome(SLICE);
    if (queue.length > 0) adding = setImmediate(addLater);
  };
  /** Rows wait for the next ingest's COPY to add them up; with no ingest for a while, they are added now. */
  const addWhenIdle = () => {
    clearTimeout(idle);
    idle = queue.length > 0 && !adding ? setTimeout(addLater, IDLE_ADD_MS).unref() : undefined;
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    background = state
      .fold('own')
      .catch((error) => {
        // the marks stay, so nothing is lost: the next try, foldPendingRecords or a service's loop
        // folds them from the raw rows
        console.error(`reporting: folding ingested records into the rollups failed: ${error}`);
      })
      .finally(() => {
        background = undefined;
        schedule();
      });
  };
  /** Decides when the next background fold runs; one running now decides when it ends. */
  const schedule = () => {
    // requests whose sums a failed fold lost are work too: their marks wait for a fold
    if (background || (waiting === 0 && lost.size === 0)) return;
    if (failed) {
      // after a failure, one retry the longest wait later, whatever calls arrive meanwhile (no hot loop
      // against a sick database, and no retry put off for ever by a steady load)
      timer ??= setTimeout(run, FOLD_MAX_WAIT_MS).unref();
      return;
    }
    const now = performance.now();
    waitingSince ??= now;
    const delay = Math.min(FOLD_QUIET_MS, waitingSince + FOLD_MAX_WAIT_MS - now);
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, delay)).unref();
  };
  const state: FolderState = {
    lost,
    add(requestId, records, ordinals) {
      queue.push({ requestId, records, ordinals, next: 0 });
      waiting += records.length;
      waitingSince ??= performance.now();
      addWhenIdle();
      schedule();
    },
    step() {
      if (queue.length === 0) return;
      addSome(SLICE);
      addWhenIdle();
    },
    takeSums() {
      clearImmediate(adding);
      adding = undefined;
      clearTimeout(idle);
      idle = undefined;
      addSome(Number.POSITIVE_INFINITY);
      const taken = sums;
      sums = undefined;
      waiting = 0;
      waitingSince = undefined;
      return taken;
    },
    fold(mode) {
      const done = exclusive.then(() => foldOnce(db, state, mode));
      exclusive = done.then(
        () => {
          if (mode !== 'orphaned') failed = false;
        },
        () => {
          if (mode !== 'orphaned') failed = true;
        },
      );
      // a failed fold, or marks it left, ask for the next one
      void exclusive.then(schedule);
      return done;
    },
    cancelWait() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
  folders.set(db, state);
  return state;
}

/**
 * Adds every request marked in `rollup_pending` to the rollups, after the folds under way in this
 * process (and waiting for those of others), and resolves once the rollups include every record stored
 * before the call. The requests this process added up fold from their sums; the others (a process that
 * died before folding them) are read back from the raw rows.
 * @returns how many requests this call folded
 * @example
 * await ingestServiceRecords(db, batch, { rollups: 'background' });
 * await foldPendingRecords(db); // now readServiceRollup counts the batch
 */
export function foldPendingRecords(db: Kysely<ReportingDatabase>): Promise<number> {
  const state = stateOf(db);
  state.cancelWait();
  return state.fold('all');
}

/**
 * Folds the marks no live process will: those made over 30 s ago, longer than any folder waits, e.g. by a
 * process that died before its fold (their records are read back from the raw rows). What a live process
 * added up is left to its own fold, so a service's periodic call does not fold a bulk load behind its
 * back a few calls at a time.
 * @returns how many requests it folded
 */
export function foldOrphanedRecords(db: Kysely<ReportingDatabase>): Promise<number> {
  return stateOf(db).fold('orphaned');
}

/**
 * One fold, in one transaction: takes the marks (its own requests', every one, or the orphaned), adds up
 * what no sums here stand for from the raw rows, upserts the sums and deletes the marks. Sums whose marks
 * another process took meanwhile cannot be taken apart again: then every record of the fold is read back.
 */
async function foldOnce(db: Kysely<ReportingDatabase>, state: FolderState, mode: FoldMode): Promise<number> {
  const own = mode === 'orphaned' ? undefined : state.takeSums();
  const ownIds = own ? [...own.requests] : [];
  const wanted = [...ownIds, ...state.lost];
  if (mode === 'own' && wanted.length === 0) return 0;
  const which =
    mode === 'own'
      ? sql`where request_id = any(${wanted.map(String)}::bigint[])`
      : mode === 'orphaned'
        ? sql`where marked_at < now() - ${ORPHANED_AFTER_MS} * interval '1 ms'`
        : sql``;
  try {
    const taken = await db.transaction().execute(async (trx) => {
      const marks = await sql<{ request_id: number }>`
        delete from reporting.rollup_pending
        where request_id in (select request_id from reporting.rollup_pending ${which} order by request_id
                             for update ${mode === 'all' ? sql`` : sql`skip locked`})
        returning request_id`.execute(trx);
      const ids = marks.rows.map((r) => Number(r.request_id)).sort((a, b) => a - b);
      if (ids.length === 0) return ids;
      const folded = new Set(ids);
      let aggregator = own?.aggregator;
      let readBack = ids.filter((id) => !own?.requests.has(id));
      if (own && ownIds.some((id) => !folded.has(id))) {
        aggregator = undefined;
        readBack = ids;
      }
      aggregator ??= createRollupAggregator(await populationOrdinals(db, trx), rolledUpPath);
      if (readBack.length > 0) aggregator.add(await storedRecords(trx, readBack));
      await upsertRollups(trx, aggregator.deltas());
      return ids;
    });
    const gone = new Set(taken);
    const left = wanted.filter((id) => !gone.has(id));
    if (left.length > 0) {
      // own requests the fold did not take: folded elsewhere (gone for good), or their marks were
      // locked by another fold (which may still roll back): those still marked are read back later
      const still = await sql<{ request_id: number }>`
        select request_id from reporting.rollup_pending
        where request_id = any(${left.map(String)}::bigint[])`.execute(db);
      const marked = new Set(still.rows.map((r) => Number(r.request_id)));
      for (const id of left) {
        if (marked.has(id)) state.lost.add(id);
        else state.lost.delete(id);
      }
    }
    for (const id of taken) state.lost.delete(id);
    return taken.length;
  } catch (error) {
    // the sums went with the transaction; the marks stay: those requests are read back next time
    for (const id of ownIds) state.lost.add(id);
    throw error;
  }
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

/** Equal population ordinals (two handles' caches, or a cache refreshed, hold equal maps). */
function sameOrdinals(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [code, ordinal] of a) if (b.get(code) !== ordinal) return false;
  return true;
}
