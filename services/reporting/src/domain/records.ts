import { type Catalog, crosswalk, findCanonicalItem, listCatalogs, listPopulations } from '@shegong/catalog';
import { ALL, ServiceKindSchema, type ServiceRecord, ServiceRecordSchema } from '@shegong/contracts';
import { formatPath, issueFacts } from '@shegong/kernel';

export {
  ALL,
  ServiceKindSchema,
  type ServiceRecord,
  type ServiceRecordInput,
  ServiceRecordSchema,
} from '@shegong/contracts';

/**
 * What is wrong with one field of one record, e.g. `records[3].stationId`; a schema refusal also says what
 * it was without its wording (`issue`, from `issueFacts`), for a console to word it in its locale.
 */
export interface RecordError {
  path: string;
  code: string;
  message: string;
  issue?: Record<string, unknown>;
}

/** A record refused, with every reason. */
export interface RejectedRecord {
  index: number;
  id: string | null;
  errors: RecordError[];
}

/** A record that passed every check, with what ingest derived for it. */
export interface AcceptedRecord {
  index: number;
  record: ServiceRecord;
  /** Canonical domains of the item, each once, sorted. */
  domains: string[];
  /** The station's region and its ancestors, province first. */
  regionPath: readonly string[];
}

/** Where a known station lies. */
export interface StationPlace {
  regionPath: readonly string[];
}

interface CatalogEntry {
  /** The issuing region: the catalog applies to stations inside it. */
  regionCode: string;
  items: Map<string, string[]>;
}

let catalogIndex: Map<string, CatalogEntry> | undefined;

/** Each catalog's items with the canonical domains they map to (an item counts once per domain). */
function catalogs(): Map<string, CatalogEntry> {
  catalogIndex ??= new Map(listCatalogs().map((c) => [c.id, entryOf(c)] as const));
  return catalogIndex;
}

function entryOf(catalog: Catalog): CatalogEntry {
  const items = new Map<string, string[]>();
  for (const row of crosswalk(catalog)) {
    const domains = new Set<string>();
    for (const { id } of row.canonical) {
      const found = findCanonicalItem(id);
      if (found) domains.add(found.domain.id);
    }
    items.set(row.ref, [...domains].sort());
  }
  return { regionCode: catalog.regionCode, items };
}

/**
 * The canonical domains a local item maps to, each once (ZZ 1.3 → two social-assistance items → one
 * domain), or `undefined` when the catalog has no such item.
 * @example domainsOf('zz-2021', '1.3') // ['social-assistance']
 */
export function domainsOf(catalogId: string, itemRef: string): string[] | undefined {
  return catalogs().get(catalogId)?.items.get(itemRef);
}

/**
 * Checks every row on its own: shape and ranges, populations, the station (known and registered), the
 * catalog (exists and covers the station's region) and the item (in that catalog), and ids repeated within
 * the batch. Pure: the caller looks the stations up.
 */
export function validateRecords(
  rows: readonly unknown[],
  stations: ReadonlyMap<string, StationPlace>,
): { accepted: AcceptedRecord[]; rejected: RejectedRecord[] } {
  const validator = createRecordValidator(rows, stations);
  validator.check(0, rows.length);
  return { accepted: validator.accepted, rejected: validator.rejected };
}

/** `validateRecords` a range of rows at a time, the batch's ids remembered across ranges. */
export interface RecordValidator {
  /** Checks rows `from` to `to` (exclusive), appending to `accepted` and `rejected`. */
  check(from: number, to: number): void;
  /** Checks the rows at these indexes, in this order (a repeat is the later one met). */
  checkAt(indexes: readonly number[]): void;
  readonly accepted: AcceptedRecord[];
  readonly rejected: RejectedRecord[];
}

/**
 * `validateRecords` in steps, so ingest can send the rows checked so far to Postgres while it checks the
 * next ones. Row indexes (and paths like `records[3].id`) are positions in the whole batch.
 */
export function createRecordValidator(
  rows: readonly unknown[],
  stations: ReadonlyMap<string, StationPlace>,
  options: ValidatorOptions = {},
): RecordValidator {
  const accepted: AcceptedRecord[] = [];
  const rejected: RejectedRecord[] = [];
  const inKeyOrder = options.order === 'key';
  const seen = new Map<string, Set<string>>();
  let last: ServiceRecord | undefined;
  const index = catalogs();
  /** Whether a station's path lies inside a catalog's region: a few pairs per batch, each decided once. */
  const covers = new Map<readonly string[], Map<CatalogEntry, boolean>>();
  const covered = (path: readonly string[], catalog: CatalogEntry) => {
    let byCatalog = covers.get(path);
    if (!byCatalog) {
      byCatalog = new Map();
      covers.set(path, byCatalog);
    }
    let inside = byCatalog.get(catalog);
    if (inside === undefined) {
      inside = path.includes(catalog.regionCode);
      byCatalog.set(catalog, inside);
    }
    return inside;
  };
  /** True when the batch named this (station, id) before; remembers it either way. */
  const repeated = (record: ServiceRecord) => {
    if (inKeyOrder) {
      // in key order a repeat comes right after the row it repeats (among the rows the schema took)
      const repeat = last !== undefined && last.stationId === record.stationId && last.id === record.id;
      last = record;
      return repeat;
    }
    let ids = seen.get(record.stationId);
    if (!ids) {
      ids = new Set();
      seen.set(record.stationId, ids);
    }
    if (ids.has(record.id)) return true;
    ids.add(record.id);
    return false;
  };
  const checkRow = (row: unknown, i: number) => {
    // The schema decides every row the fast check does not vouch for, and words its errors.
    let record = plainRecord(row);
    if (!record) {
      const parsed = ServiceRecordSchema.safeParse(row);
      if (!parsed.success) {
        rejected.push({
          index: i,
          id: idOf(row),
          errors: parsed.error.issues.map((issue) => ({
            path: formatPath(['records', i, ...(issue.path as Array<string | number>)]),
            code: 'RECORD_FIELD_INVALID',
            message: issue.message,
            issue: issueFacts(issue),
          })),
        });
        return;
      }
      record = parsed.data;
    }
    const station = stations.get(record.stationId);
    const catalog = index.get(record.catalogId);
    const domains = catalog?.items.get(record.itemRef);
    const repeat = repeated(record);
    if (station && catalog && domains && !repeat && covered(station.regionPath, catalog)) {
      accepted.push({
        index: i,
        record: distinctPopulations(record),
        domains,
        regionPath: station.regionPath,
      });
      return;
    }
    rejected.push({
      index: i,
      id: record.id,
      errors: rowErrors(record, i, station, catalog, domains, repeat),
    });
  };
  return {
    accepted,
    rejected,
    check(from, to) {
      for (let i = from; i < Math.min(to, rows.length); i++) checkRow(rows[i], i);
    },
    checkAt(indexes) {
      for (const i of indexes) checkRow(rows[i], i);
    },
  };
}

/**
 * The rows' indexes in the order of the raw table's key: grouped by station (stations sorted), each
 * station's rows by id, rows without a string station or id first. A `COPY` in this order inserts a
 * station's rows into its part of the unique index one after another, while that part is hot: a fifth
 * less Postgres time per batch than the order a caller sends (measured with 1,000,000 rows over 490
 * stations). Equal keys keep their order, so the later of two is still the repeat.
 * @example keyOrder([{ stationId: 'b', id: '1' }, { stationId: 'a', id: '2' }, { stationId: 'a', id: '1' }]) // [2, 1, 0]
 */
export function keyOrder(rows: readonly unknown[]): number[] {
  const byStation = new Map<string, number[]>();
  const ids: unknown[] = new Array(rows.length);
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as { stationId?: unknown; id?: unknown } | null | undefined;
    const stationId = row?.stationId;
    const id = row?.id;
    if (typeof stationId !== 'string' || typeof id !== 'string') {
      order.push(i);
      continue;
    }
    ids[i] = id;
    let group = byStation.get(stationId);
    if (!group) {
      group = [];
      byStation.set(stationId, group);
    }
    group.push(i);
  }
  const byId = (a: number, b: number) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
  for (const stationId of [...byStation.keys()].sort()) {
    const group = byStation.get(stationId) as number[];
    if (group.length > 1) group.sort(byId);
    for (const i of group) order.push(i);
  }
  return order;
}

/**
 * The record as stored: a population named twice counts once (most rows name one or none: no Set for them).
 * @example distinctPopulations({ ...r, populations: ['dibao', 'dibao'] }).populations // ['dibao']
 */
export function distinctPopulations(record: ServiceRecord): ServiceRecord {
  const { populations } = record;
  if (populations.length < 2) return record;
  const distinct = [...new Set(populations)];
  return distinct.length === populations.length ? record : { ...record, populations: distinct };
}

export interface ValidatorOptions {
  /**
   * The order the rows are checked in: `index` (the default), or `key` when every row is checked in
   * `keyOrder` (ingest's COPY order): a row repeating a (station, id) then comes right after the one it
   * repeats, so it is told by the row before instead of a set of every key the batch named.
   */
  order?: 'index' | 'key';
}

/** Every reason a schema-valid row is refused. */
function rowErrors(
  record: ServiceRecord,
  i: number,
  station: StationPlace | undefined,
  catalog: CatalogEntry | undefined,
  domains: string[] | undefined,
  repeat: boolean,
): RecordError[] {
  const at = (field: string) => `records[${i}].${field}`;
  const errors: RecordError[] = [];
  if (!station) {
    errors.push({
      path: at('stationId'),
      code: 'STATION_NOT_FOUND',
      message: `no registered station "${record.stationId}"`,
    });
  }
  if (!catalog) {
    errors.push({
      path: at('catalogId'),
      code: 'CATALOG_NOT_FOUND',
      message: `no catalog "${record.catalogId}"`,
    });
  } else {
    if (!domains) {
      errors.push({
        path: at('itemRef'),
        code: 'CATALOG_ITEM_NOT_FOUND',
        message: `catalog ${record.catalogId} has no item "${record.itemRef}"`,
      });
    }
    if (station && !station.regionPath.includes(catalog.regionCode)) {
      errors.push({
        path: at('catalogId'),
        code: 'CATALOG_NOT_FOR_STATION',
        message: `catalog ${record.catalogId} (issued for ${catalog.regionCode}) does not cover station ${record.stationId} in ${station.regionPath.at(-1)}`,
      });
    }
  }
  if (repeat) {
    errors.push({
      path: at('id'),
      code: 'SERVICE_RECORD_DUPLICATE',
      message: `record "${record.id}" of station ${record.stationId} appears twice in this batch`,
    });
  }
  return errors;
}

const KINDS: ReadonlySet<unknown> = new Set(ServiceKindSchema.options);
let knownPopulations: ReadonlySet<unknown> | undefined;
/** Dates the schema judged, so a batch's few hundred distinct days are parsed once each. */
const dateVerdicts = new Map<string, boolean>();
const DATE_VERDICTS = 10_000;

/**
 * The row as `ServiceRecordSchema` would give it back, when a few plain checks show the schema accepts it;
 * otherwise `undefined` and the schema itself judges the row. Every check here is as strict as the
 * schema's or stricter (hours must be whole hundredths exactly, where the schema allows a rounding
 * error; dates are the schema's own verdicts), so a row this takes the schema takes too, with the same
 * output: only the schema's fields, in its order. zod's generic walk was most of a batch's validation
 * time (≈ 1.1 µs a row, and an object per field); `record-check.unit.test.ts` holds the two to agree.
 */
export function plainRecord(row: unknown): ServiceRecord | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  const r = row as Record<string, unknown>;
  const { id, stationId, catalogId, itemRef, populations, kind, date, beneficiaries, hours, volunteers } = r;
  if (typeof id !== 'string' || id.length === 0 || id.length > 120) return undefined;
  if (typeof stationId !== 'string' || stationId.length === 0 || stationId.length > 120) return undefined;
  if (typeof catalogId !== 'string' || catalogId.length === 0) return undefined;
  if (typeof itemRef !== 'string' || itemRef.length === 0) return undefined;
  if (!Array.isArray(populations) || populations.length > 30) return undefined;
  knownPopulations ??= new Set(listPopulations().map((p) => p.code));
  for (const code of populations) if (code === ALL || !knownPopulations.has(code)) return undefined;
  if (!KINDS.has(kind)) return undefined;
  if (typeof date !== 'string' || !dateAccepted(date)) return undefined;
  if (!isCount(beneficiaries, 1_000_000) || !isCount(volunteers, 100_000)) return undefined;
  if (typeof hours !== 'number' || !(hours >= 0 && hours <= 100_000)) return undefined;
  if (Math.round(hours * 100) !== hours * 100) return undefined;
  return {
    id,
    stationId,
    catalogId,
    itemRef,
    populations: populations as string[],
    kind: kind as ServiceRecord['kind'],
    date,
    beneficiaries: beneficiaries as number,
    hours,
    volunteers: volunteers as number,
  };
}

function isCount(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function dateAccepted(date: string): boolean {
  let verdict = dateVerdicts.get(date);
  if (verdict === undefined) {
    verdict = ServiceRecordSchema.shape.date.safeParse(date).success;
    if (dateVerdicts.size < DATE_VERDICTS) dateVerdicts.set(date, verdict);
  }
  return verdict;
}

function idOf(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

/** The period (month) a date falls in: `2023-03-14` → `2023-03`. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * Rollup increments in columns, one entry per region × month × domain, sorted by key: ready for one
 * `unnest` upsert. Each counter is a Postgres array literal with one element per population ordinal
 * (`{total, dibao, tekun, …}`).
 */
export interface RollupDeltas {
  regionCode: string[];
  period: string[];
  domain: string[];
  records: string[];
  beneficiaries: string[];
  /** Hours in hundredths, so sums stay exact. */
  hoursCenti: string[];
  volunteers: string[];
  /** Elements per array: the highest population ordinal + 1. */
  width: number;
}

/**
 * The regions of a station's path that the stored rollups keep: province, city and county. A township's
 * few records are read from the raw rows by the station key instead (`readServiceRollup`): stored, the
 * township level was half of every batch's rollup rows (a township × month holds about one record of a
 * 10,000-record batch), so it doubled the upsert for rows no province or city view reads.
 * @example rolledUpPath(['410000', '410100', '410105', '410105001']) // ['410000', '410100', '410105']
 */
export function rolledUpPath(regionPath: readonly string[]): readonly string[] {
  let path = rolledUpPaths.get(regionPath);
  if (!path) {
    path = regionPath.filter((code) => !isTownshipCode(code));
    rolledUpPaths.set(regionPath, path);
  }
  return path;
}

const paths = new Map<string, readonly string[]>();

/**
 * One shared array per distinct region path, across calls: the rollup sums resolve a path × month's
 * per-level maps once per path array (by identity), so the records of a station held from several calls
 * and folded together must carry the same array, not a fresh one per call's station lookup. Bounded by
 * the regions there are.
 * @example internPath(['410000', '410100']) === internPath(['410000', '410100']) // true
 */
export function internPath(path: readonly string[]): readonly string[] {
  const key = path.join('/');
  let shared = paths.get(key);
  if (!shared) {
    shared = [...path];
    paths.set(key, shared);
  }
  return shared;
}

/** Township (乡、镇、街道) codes are the 9-digit ones; provinces, cities and counties have 6. */
export function isTownshipCode(code: string): boolean {
  return code.length === 9;
}

// Stations share their path array (one per station lookup): filter it once, not per record.
const rolledUpPaths = new WeakMap<readonly string[], readonly string[]>();

/** Adds records up batch slice by batch slice; `deltas()` gives the increments of everything added. */
export interface RollupAggregator {
  add(records: readonly AcceptedRecord[]): void;
  deltas(): RollupDeltas;
}

/**
 * Adds a batch up in memory: each record counts once in every region of its path × its month × (each of
 * its domains, and `all`) × (each of its populations, and `all`). Keys come out sorted, so concurrent
 * upserts lock rows in one order and cannot deadlock.
 * @param ordinals population code → ordinal (≥ 1; 0 is `all`), covering every code in `records`
 * @param levels the regions of a path to count in (every one by default; ingest keeps `rolledUpPath`)
 */
export function aggregateRollups(
  records: readonly AcceptedRecord[],
  ordinals: ReadonlyMap<string, number>,
  levels?: (regionPath: readonly string[]) => readonly string[],
): RollupDeltas {
  const aggregator = createRollupAggregator(ordinals, levels);
  aggregator.add(records);
  return aggregator.deltas();
}

/**
 * `aggregateRollups` in steps, so ingest can add a batch up a slice at a time while Postgres stores the
 * raw rows (it yields to the event loop between slices to keep the COPY stream fed).
 *
 * A record is added once, at the finest level it counts in (its county, for ingest's `rolledUpPath`);
 * `deltas()` rolls those sums up into every level of the path. Adding into all three levels per record
 * was most of a bulk load's node time: each record touched three times as many counters, megabytes apart.
 */
export function createRollupAggregator(
  ordinals: ReadonlyMap<string, number>,
  levels: (regionPath: readonly string[]) => readonly string[] = (path) => path,
): RollupAggregator {
  let width = 1;
  for (const o of ordinals.values()) width = Math.max(width, o + 1);
  // Per population ordinal its four counters side by side (records, beneficiaries, hours, volunteers), so
  // a record's sums for one population touch one cache line, not four a row apart. One buffer for the
  // batch, not a typed array per key: ~13,000 small allocations per 5,000 records kept the garbage
  // collector busier than the sums.
  const stride = 4 * width;
  let counters = new Float64Array(stride * 1024);
  let used = 0;
  const slotAt = () => {
    if (used + stride > counters.length) {
      const grown = new Float64Array(counters.length * 2);
      grown.set(counters);
      counters = grown;
    }
    const slot = used;
    used += stride;
    return slot;
  };
  // finest level path (shared array) → period → its domains' slots
  const leaves = new Map<readonly string[], Map<string, LeafPeriod>>();
  // a station's path (shared array) → its finest level's periods: resolved once per path
  const leafOf = new Map<readonly string[], Map<string, LeafPeriod>>();
  const targets: number[] = [0];
  const add = (records: readonly AcceptedRecord[]) => {
    for (const { record, domains, regionPath } of records) {
      let periods = leafOf.get(regionPath);
      if (!periods) {
        const leaf = internPath(levels(regionPath));
        periods = leaves.get(leaf);
        if (!periods) {
          periods = new Map();
          leaves.set(leaf, periods);
        }
        leafOf.set(regionPath, periods);
      }
      const period = periodOf(record.date);
      let leafPeriod = periods.get(period);
      if (!leafPeriod) {
        leafPeriod = { byDomain: new Map(), byItem: new Map() };
        periods.set(period, leafPeriod);
      }
      // an item's domains are one shared array: its slots (all, then each domain) are looked up once
      let slots = leafPeriod.byItem.get(domains);
      if (!slots) {
        const { byDomain } = leafPeriod;
        slots = [ALL, ...domains].map((domain) => {
          let slot = byDomain.get(domain);
          if (slot === undefined) {
            slot = slotAt();
            byDomain.set(domain, slot);
          }
          return slot;
        });
        leafPeriod.byItem.set(domains, slots);
      }
      const hours = Math.round(record.hours * 100);
      const { beneficiaries, volunteers, populations } = record;
      targets.length = 1;
      for (const p of populations) {
        const ordinal = ordinals.get(p);
        // a typed array ignores a write at NaN: a population without an ordinal would vanish silently
        if (ordinal === undefined) throw new Error(`no rollup ordinal for population "${p}"`);
        targets.push(4 * ordinal);
      }
      for (const slot of slots) {
        for (const t of targets) {
          const at = slot + t;
          counters[at] = (counters[at] as number) + 1;
          counters[at + 1] = (counters[at + 1] as number) + beneficiaries;
          counters[at + 2] = (counters[at + 2] as number) + hours;
          counters[at + 3] = (counters[at + 3] as number) + volunteers;
        }
      }
    }
  };
  return { add, deltas: () => rolledUp(leaves, counters, stride, width) };
}

/** A finest-level region × month: a slot per domain, and per item (its domains array) the slots it adds to. */
interface LeafPeriod {
  byDomain: Map<string, number>;
  byItem: Map<readonly string[], number[]>;
}

/** The finest level's sums added into every level of its path, as `deltasOf` reads them. */
function rolledUp(
  leaves: ReadonlyMap<readonly string[], ReadonlyMap<string, LeafPeriod>>,
  counters: Float64Array,
  stride: number,
  width: number,
): RollupDeltas {
  const slots = new Map<string, Map<string, Map<string, number>>>();
  let total = 0;
  for (const [path, periods] of leaves)
    for (const p of periods.values()) total += path.length * p.byDomain.size;
  const sums = new Float64Array(Math.max(1, total) * stride);
  let used = 0;
  for (const [path, periods] of leaves) {
    for (const [period, { byDomain }] of periods) {
      for (const region of path) {
        let byPeriod = slots.get(region);
        if (!byPeriod) {
          byPeriod = new Map();
          slots.set(region, byPeriod);
        }
        let domains = byPeriod.get(period);
        if (!domains) {
          domains = new Map();
          byPeriod.set(period, domains);
        }
        for (const [domain, from] of byDomain) {
          let to = domains.get(domain);
          if (to === undefined) {
            to = used;
            used += stride;
            domains.set(domain, to);
          }
          for (let k = 0; k < stride; k++)
            sums[to + k] = (sums[to + k] as number) + (counters[from + k] as number);
        }
      }
    }
  }
  return deltasOf(slots, sums, width);
}

function deltasOf(
  slots: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>,
  counters: Float64Array,
  width: number,
): RollupDeltas {
  const out: RollupDeltas = {
    regionCode: [],
    period: [],
    domain: [],
    records: [],
    beneficiaries: [],
    hoursCenti: [],
    volunteers: [],
    width,
  };
  // Most elements are 0 (a record serves 0–2 populations): runs of zeros are appended as one string.
  const zeroRuns = Array.from({ length: width + 1 }, (_, k) => ',0'.repeat(k));
  const literal = (from: number) => {
    let text = '';
    let zeros = 0;
    for (let i = from; i < from + 4 * width; i += 4) {
      const value = counters[i] as number;
      if (value === 0) {
        zeros++;
        continue;
      }
      if (zeros > 0) text += zeroRuns[zeros];
      zeros = 0;
      text += `,${value}`;
    }
    if (zeros > 0) text += zeroRuns[zeros];
    return `{${text.slice(1)}}`;
  };
  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  for (const [regionCode, periods] of [...slots].sort(byKey)) {
    for (const [period, byDomain] of [...periods].sort(byKey)) {
      for (const [domain, slot] of [...byDomain].sort(byKey)) {
        out.regionCode.push(regionCode);
        out.period.push(period);
        out.domain.push(domain);
        out.records.push(literal(slot));
        out.beneficiaries.push(literal(slot + 1));
        out.hoursCenti.push(literal(slot + 2));
        out.volunteers.push(literal(slot + 3));
      }
    }
  }
  return out;
}
