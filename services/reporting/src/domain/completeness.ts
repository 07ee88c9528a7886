import type {
  Completeness,
  CompletenessFigures,
  DefinitionCompleteness,
  OverdueReport,
  RegionCompleteness,
} from '@shegong/contracts';
import { addDays, addMonths, DomainError, daysBetween, type IsoDate } from '@shegong/kernel';
import {
  type ExpectedReport,
  expectedReports,
  listReportProfiles,
  type ReportDefinition,
  type ReportProfile,
} from '@shegong/plans';
import { childrenOf, getRegion, parentChain, type Region } from '@shegong/regions';
import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type { ReportingDatabase, ReportsTable } from '../db/schema.ts';
import { contractYearOf } from './evaluations.ts';
import { regionOf, regionPath } from './regions.ts';

/*
 * Completeness and timeliness of periodic reports [ZZ §2, §5.4, §5.6; PY §2.1, §2.2, §5.4], as a read model.
 *
 * What is EXPECTED, per year, is laid out once from the report profiles of `@shegong/plans` (their
 * definitions say who submits, the period type and the due rule) and the units that exist:
 * - `city` definitions: every city the profile governs (a city profile: that city; a province profile: its
 *   cities whose nearest profile it is) [ZZ §2: 市级民政部门每半年…];
 * - `county` definitions: every county-level division under the profile's region whose nearest profile it
 *   is, functional zones (开发区, `functionalZone`) excepted: they are not official counties and no seed
 *   makes them purchasers [ZZ §2: 县级民政部门……每季度…];
 * - `operator` definitions: every township with at least one operating station (a station's township is
 *   the unit of its operator's briefs: one station per township [ZZ §1.3]), for the periods that overlap its
 *   operation — from the first day a station there was seen operating; a township whose last station stops
 *   no longer owes the periods that start after that day (what it already sent stays counted)
 *   [ZZ §5.4: 月度工作简报];
 * - `operator` project definitions (中期、末期工作报告, `mid-term`/`final`) [ZZ §5.4, PY §5.4]: every township
 *   with an operating station that a contract covers owes, for every contract year of that contract (the
 *   spans `projectPeriodOf` keys them by: `mid-term:<first day of the contract year>`, one yearly agreement
 *   [ZZ §5.3]), a mid-term and a final report, due by the definition's rule from the end of its span; one
 *   whose span ended before the township's first covered station operated is not owed, and a township whose
 *   last covered station stops no longer owes the contract years that start after that day. They have no
 *   calendar period, so they COUNT IN THE PERIODS THEIR DUE DAY FALLS IN: a read of 2024 (or 2024-H2,
 *   2024-Q3, 2024-07) includes every project report due within it, beside the reports of that period. They
 *   are laid out once from the contracts and stations (not per year), then kept current by each contract
 *   and station event.
 * A report that exists for a unit the calendar does not list (a unit the profile does not name) is counted
 * as expected too: it was owed, or nobody would have drafted it.
 *
 * RECEIVED is a first submission (`first_submitted_on`): a return and resubmission counts once, and
 * timeliness is the first submission's (the due day itself is on time, like `classifySubmission`).
 * Counters per region of the unit's chain (township up to province) × period × definition × due day are
 * moved in the same transaction as each report state change and each station and contract event; a read
 * sums a handful of counter rows (project ones found by due day through a partial index) and takes the
 * overdue list from a partial index of the reports not received yet.
 */

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;
type ReportRow = Selectable<ReportsTable>;

/** A calendar period key (`2023-03`, `2023-Q1`, `2023-H1`): project reports' keys do not start with a year. */
const CALENDAR_KEY = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|H[12])$/;
/** A project report's key (`mid-term:2024-04-01`, `final:2024-04-01`), as `projectPeriodOf` writes it. */
const PROJECT_KEY = /^(mid-term|final):\d{4}-\d{2}-\d{2}$/;
/**
 * The rows of project reports: their keys never start with a digit. Written out (no parameter) and the same
 * as the predicate of the partial index `report_completeness_project`, so the planner can use it.
 */
const PROJECT_ROWS = sql<boolean>`period_key !~ '^[0-9]'`;
/** The first argument of the advisory lock that serialises laying out a year's calendar. */
const CALENDAR_LOCK = 0x5e6c0d1;
/** The second argument of that lock for laying out the project reports (no calendar year is 0). */
const PROJECT_LOCK = 0;
/**
 * The first argument of the advisory lock that serialises reconciling one township's expectations (second
 * argument: the code's hash): two transactions adding the same township's reports (two stations opening at
 * once, a contract beside a station event) take turns, so the second sees the first's rows and counts none
 * of them again.
 */
const TOWNSHIP_LOCK = 0x5e6c0d2;

/** Waits for any other transaction reconciling `township`, until this one ends. */
async function lockTownship(trx: Db, township: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${TOWNSHIP_LOCK}, hashtext(${township}))`.execute(trx);
}

/**
 * Whether the project reports have been laid out, read under the layout's lock shared: a layout running
 * now (it holds the lock exclusively) finishes first, so an event is either in the layout or reconciled
 * here, never in neither.
 */
async function projectsLaidOutLocked(trx: Db): Promise<boolean> {
  await sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK}, ${PROJECT_LOCK})`.execute(trx);
  return projectsLaidOut(trx);
}
const INSERT_CHUNK = 5_000;

const isCalendar = (definition: ReportDefinition) =>
  definition.period === 'month' || definition.period === 'quarter' || definition.period === 'half-year';
const isProject = (definition: ReportDefinition) =>
  definition.period === 'mid-term' || definition.period === 'final';

// ---------------------------------------------------------------------------------------------------------
// Who owes what

const governingCache = new WeakMap<readonly ReportProfile[], Map<string, ReportProfile | null>>();

/**
 * The profile that governs a region among `profiles`: the nearest one issued by the region or an ancestor,
 * the highest version among one issuer's editions (as `reportProfileFor` picks it among all of them).
 */
function governingProfile(code: string, profiles: readonly ReportProfile[]): ReportProfile | undefined {
  let cache = governingCache.get(profiles);
  if (!cache) {
    cache = new Map();
    governingCache.set(profiles, cache);
  }
  const known = cache.get(code);
  if (known !== undefined) return known ?? undefined;
  let found: ReportProfile | undefined;
  for (const region of parentChain(code)) {
    found = profiles
      .filter((p) => p.regionCode === region.code)
      .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }))[0];
    if (found) break;
  }
  cache.set(code, found ?? null);
  return found;
}

/** The regions of one level under `code` (itself when it is of that level), never below a county. */
function descendantsAt(code: string, level: 'city' | 'county'): Region[] {
  const region = getRegion(code);
  if (region.level === level) return [region];
  if (region.level === 'township' || region.level === 'county') return [];
  return childrenOf(region.code).flatMap((child) => descendantsAt(child.code, level));
}

interface Unit {
  definition: ReportDefinition;
  regionCode: string;
  activeFrom?: IsoDate | undefined;
}

/** The cities and counties that owe their own reports under `profiles` (see the header). */
function regionUnits(profiles: readonly ReportProfile[]): Unit[] {
  const out: Unit[] = [];
  for (const profile of profiles) {
    for (const definition of profile.reports) {
      if (!isCalendar(definition)) continue;
      if (definition.submitter !== 'city' && definition.submitter !== 'county') continue;
      for (const region of descendantsAt(profile.regionCode, definition.submitter)) {
        if (region.functionalZone) continue;
        if (governingProfile(region.code, profiles)?.id !== profile.id) continue;
        out.push({ definition, regionCode: region.code });
      }
    }
  }
  return out;
}

/** The calendar definitions an operator in this township owes under its profile. */
function operatorDefinitions(township: string, profiles: readonly ReportProfile[]): ReportDefinition[] {
  const profile = governingProfile(township, profiles);
  return profile?.reports.filter((d) => d.submitter === 'operator' && isCalendar(d)) ?? [];
}

/** The project definitions (mid-term, final) an operator in this township owes under its profile. */
function projectDefinitions(township: string, profiles: readonly ReportProfile[]): ReportDefinition[] {
  const profile = governingProfile(township, profiles);
  return profile?.reports.filter((d) => d.submitter === 'operator' && isProject(d)) ?? [];
}

/** A contract covering an operating station of a township, and since when one of those stations operates. */
interface CoveredContract {
  township: string;
  id: string;
  term_start: IsoDate;
  term_end: IsoDate;
  since: IsoDate | null;
}

/**
 * The contracts covering operating township stations (of one township, or of all), each with the first
 * day one of its stations there was seen operating.
 */
async function coveredContracts(trx: Db, township?: string): Promise<CoveredContract[]> {
  const only = township
    ? sql`and s.region_path @> array[${township}]::text[] and s.region_code = ${township}`
    : sql``;
  const found = await sql<CoveredContract>`
    select s.region_code as township, c.id, c.term_start, c.term_end,
           min(coalesce(s.opened_on, s.registered_on)) as since
    from reporting.contracts c
    join reporting.stations s on s.id = any(c.station_ids)
    where s.status = 'operating' and length(s.region_code) = 9 ${only}
    group by 1, 2, 3, 4
    order by 1, 3, 2`.execute(trx);
  return found.rows;
}

/**
 * The contract years of a term, year by year until the one that ends with the term (a 3-year cycle has 3
 * [ZZ §5.3]), as `projectPeriodOf` lists them.
 */
function contractYears(c: CoveredContract): Array<{ from: IsoDate; to: IsoDate }> {
  const years: Array<{ from: IsoDate; to: IsoDate }> = [];
  if (c.term_end < c.term_start) return years;
  for (let year = 1; year <= 50; year++) {
    const span = contractYearOf({ id: c.id, termStart: c.term_start, termEnd: c.term_end }, year);
    years.push(span);
    if (span.to >= c.term_end) break;
  }
  return years;
}

/**
 * The project reports a township owes for the contracts covering its operating stations (see the header):
 * per contract year and definition, the span `@shegong/plans` gives a project (mid-term: the first half,
 * final: the whole year) and its due day; none whose span ended before a covered station operated.
 */
function projectExpectations(
  township: string,
  path: readonly string[],
  contracts: readonly CoveredContract[],
  definitions: readonly ReportDefinition[],
  fallbackSince: IsoDate,
): Expectation[] {
  const out = new Map<string, Expectation>();
  const keyed = new Set<string>();
  for (const c of contracts) {
    const since = c.since ?? fallbackSince;
    for (const span of contractYears(c)) {
      for (const definition of definitions) {
        const unit = {
          id: township,
          party: 'operator' as const,
          regionCode: township,
          project: { startOn: span.from, endOn: span.to },
        };
        for (const e of expectedReports(definition, unit, span.from, span.to)) {
          // Two contracts with the same year start key the same report: the first in (term start, id) order
          // gives its span, as `projectPeriodOf` picks it, so the due day counted is the report's own.
          const key = `${e.definitionId}\u0000${e.period.key}`;
          if (keyed.has(key)) continue;
          keyed.add(key);
          if (e.period.end < since) continue;
          out.set(key, {
            definitionId: e.definitionId,
            definitionVersion: e.definitionVersion,
            unit: township,
            periodKey: e.period.key,
            periodStart: e.period.start,
            periodEnd: e.period.end,
            dueOn: e.dueOn,
            path,
            firstSubmittedOn: null,
            status: null,
          });
        }
      }
    }
  }
  return [...out.values()];
}

function yearRange(year: number): { from: IsoDate; to: IsoDate; first: string; next: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31`, first: String(year), next: String(year + 1) };
}

function expectedOf(unit: Unit, year: number): ExpectedReport[] {
  const { from, to } = yearRange(year);
  return expectedReports(
    unit.definition,
    {
      id: unit.regionCode,
      party: unit.definition.submitter,
      regionCode: unit.regionCode,
      ...(unit.activeFrom ? { activeFrom: unit.activeFrom } : {}),
    },
    from,
    to,
  );
}

/** The region path of a code, or undefined for one the division data does not know (not counted). */
function pathOf(code: string): readonly string[] | undefined {
  try {
    return regionPath(code);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Contributions and counters

interface Expectation {
  definitionId: string;
  definitionVersion: string;
  unit: string;
  periodKey: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  dueOn: IsoDate;
  path: readonly string[];
  firstSubmittedOn: IsoDate | null;
  status: string | null;
}

interface Contribution {
  expected: number;
  received: number;
  onTime: number;
  approved: number;
  inRevision: number;
}

const ZERO: Contribution = { expected: 0, received: 0, onTime: 0, approved: 0, inRevision: 0 };

/** What one expected report adds to its counters in a given state. */
function contributionOf(state: {
  firstSubmittedOn: IsoDate | null;
  status: string | null;
  dueOn: IsoDate;
}): Contribution {
  const received = state.firstSubmittedOn !== null;
  return {
    expected: 1,
    received: received ? 1 : 0,
    // The due day itself is on time [like classifySubmission].
    onTime: received && (state.firstSubmittedOn as IsoDate) <= state.dueOn ? 1 : 0,
    approved: state.status === 'approved' ? 1 : 0,
    inRevision: received && (state.status === 'draft' || state.status === 'returned') ? 1 : 0,
  };
}

interface CounterDelta extends Contribution {
  path: readonly string[];
  definitionId: string;
  periodKey: string;
  periodStart: IsoDate;
  dueOn: IsoDate;
}

/** Adds the deltas to the counters of every region on each path, in key order (no deadlock between two). */
async function bump(trx: Db, deltas: readonly CounterDelta[]): Promise<void> {
  const cells = new Map<string, { key: string[]; start: IsoDate; c: Contribution }>();
  for (const d of deltas) {
    for (const region of d.path) {
      const key = [region, d.periodKey, d.definitionId, d.dueOn];
      const id = key.join('\u0000');
      let cell = cells.get(id);
      if (!cell) {
        cell = { key, start: d.periodStart, c: { ...ZERO } };
        cells.set(id, cell);
      }
      cell.c.expected += d.expected;
      cell.c.received += d.received;
      cell.c.onTime += d.onTime;
      cell.c.approved += d.approved;
      cell.c.inRevision += d.inRevision;
    }
  }
  const rows = [...cells.entries()]
    .filter(([, v]) => Object.values(v.c).some((n) => n !== 0))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, v]) => v);
  if (rows.length === 0) return;
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await sql`
    insert into reporting.report_completeness as c
      (region_code, period_key, definition_id, due_on, period_start, expected, received, on_time, approved, in_revision)
    select * from unnest(
      ${col((r) => r.key[0])}::text[], ${col((r) => r.key[1])}::text[], ${col((r) => r.key[2])}::text[],
      ${col((r) => r.key[3])}::date[], ${col((r) => r.start)}::date[], ${col((r) => r.c.expected)}::int[],
      ${col((r) => r.c.received)}::int[], ${col((r) => r.c.onTime)}::int[], ${col((r) => r.c.approved)}::int[],
      ${col((r) => r.c.inRevision)}::int[])
    on conflict (region_code, period_key, definition_id, due_on) do update set
      expected = c.expected + excluded.expected,
      received = c.received + excluded.received,
      on_time = c.on_time + excluded.on_time,
      approved = c.approved + excluded.approved,
      in_revision = c.in_revision + excluded.in_revision`.execute(trx);
}

/** One expectation, unless its key is stored (or being stored by a transaction it then waits for). */
async function insertExpectation(trx: Db, row: Expectation): Promise<boolean> {
  const inserted = await sql`
    insert into reporting.report_expectations
      (definition_id, unit_region_code, period_key, definition_version, period_start, period_end, due_on,
       region_path, first_submitted_on, status)
    values (${row.definitionId}, ${row.unit}, ${row.periodKey}, ${row.definitionVersion}, ${row.periodStart},
            ${row.periodEnd}, ${row.dueOn}, ${row.path}::text[], ${row.firstSubmittedOn}, ${row.status})
    on conflict (definition_id, unit_region_code, period_key) do nothing`.execute(trx);
  return Number(inserted.numAffectedRows ?? 0) === 1;
}

/**
 * Inserts the expectations whose keys are not stored; a key another transaction is inserting makes this
 * one wait for it, then skip it. With `inserted`, returns the rows it inserted (what its caller may count;
 * a layout counts from the table instead).
 */
async function insertExpectations(
  trx: Db,
  rows: readonly Expectation[],
  options: { inserted?: boolean } = {},
): Promise<Expectation[]> {
  const inserted: Expectation[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const col = <T>(pick: (r: Expectation) => T) => chunk.map(pick);
    const written = await sql`
      insert into reporting.report_expectations
        (definition_id, unit_region_code, period_key, definition_version, period_start, period_end, due_on,
         region_path, first_submitted_on, status)
      select d, u, k, v, s, e, due, string_to_array(p, ','), f, st from unnest(
        ${col((r) => r.definitionId)}::text[], ${col((r) => r.unit)}::text[], ${col((r) => r.periodKey)}::text[],
        ${col((r) => r.definitionVersion)}::text[], ${col((r) => r.periodStart)}::date[],
        ${col((r) => r.periodEnd)}::date[], ${col((r) => r.dueOn)}::date[], ${col((r) => r.path.join(','))}::text[],
        ${col((r) => r.firstSubmittedOn)}::date[], ${col((r) => r.status)}::text[]
      ) as t(d, u, k, v, s, e, due, p, f, st)
      on conflict (definition_id, unit_region_code, period_key) do nothing
      ${options.inserted ? sql`returning definition_id, unit_region_code, period_key` : sql``}`.execute(trx);
    const keys = new Set(
      (written.rows as Array<{ definition_id: string; unit_region_code: string; period_key: string }>).map(
        (r) => `${r.definition_id}\u0000${r.unit_region_code}\u0000${r.period_key}`,
      ),
    );
    for (const r of chunk)
      if (keys.has(`${r.definitionId}\u0000${r.unit}\u0000${r.periodKey}`)) inserted.push(r);
  }
  return inserted;
}

// ---------------------------------------------------------------------------------------------------------
// Laying out a year

export interface CalendarOptions {
  /**
   * The report profiles to lay the calendar out under; by default every profile in `@shegong/plans`. A
   * what-if (or the benchmark) passes its own; the incremental paths always use the packaged ones.
   */
  profiles?: readonly ReportProfile[];
  /** Lay the year out again even when it was (a repair after a profile change). */
  rebuild?: boolean;
}

export interface CalendarLayout {
  year: number;
  /** False when the year had been laid out already and `rebuild` was not asked. */
  laidOut: boolean;
  expected: number;
  received: number;
}

/**
 * Lays out a year's report calendar inside `trx`: every report each unit owes (see the header), the state
 * of each from the reports table, and the counters of every region. Serialised per year by an advisory
 * lock; a year laid out already is left alone unless `rebuild`.
 */
async function layOut(trx: Transaction<ReportingDatabase>, year: number, options: CalendarOptions) {
  await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK}, ${year})`.execute(trx);
  const done = await trx
    .selectFrom('report_calendar_years')
    .select('year')
    .where('year', '=', year)
    .executeTakeFirst();
  if (done && !options.rebuild) return { year, laidOut: false, expected: 0, received: 0 };
  const profiles = options.profiles ?? listReportProfiles();
  const { first, next } = yearRange(year);
  const rows = new Map<string, Expectation>();
  const add = (e: ExpectedReport, unit: string, path: readonly string[]) => {
    rows.set(`${e.definitionId}\u0000${unit}\u0000${e.period.key}`, {
      definitionId: e.definitionId,
      definitionVersion: e.definitionVersion,
      unit,
      periodKey: e.period.key,
      periodStart: e.period.start,
      periodEnd: e.period.end,
      dueOn: e.dueOn,
      path,
      firstSubmittedOn: null,
      status: null,
    });
  };
  for (const unit of regionUnits(profiles)) {
    const path = pathOf(unit.regionCode);
    if (path) for (const e of expectedOf(unit, year)) add(e, unit.regionCode, path);
  }
  const townships = await sql<{ region_code: string; since: IsoDate | null }>`
    select region_code, min(coalesce(opened_on, registered_on)) as since from reporting.stations
    where status = 'operating' and length(region_code) = 9 group by region_code`.execute(trx);
  for (const t of townships.rows) {
    const path = pathOf(t.region_code);
    if (!path) continue;
    for (const definition of operatorDefinitions(t.region_code, profiles)) {
      const unit = { definition, regionCode: t.region_code, activeFrom: t.since ?? undefined };
      for (const e of expectedOf(unit, year)) add(e, t.region_code, path);
    }
  }
  const reports = await trx
    .selectFrom('reports')
    .select([
      'definition_id',
      'definition_version',
      'unit_region_code',
      'period_key',
      'period_start',
      'period_end',
      'due_on',
      'first_submitted_on',
      'status',
    ])
    .where('period_key', '>=', first)
    .where('period_key', '<', next)
    .execute();
  for (const r of reports) {
    if (!CALENDAR_KEY.test(r.period_key)) continue;
    const key = `${r.definition_id}\u0000${r.unit_region_code}\u0000${r.period_key}`;
    let row = rows.get(key);
    if (!row) {
      const path = pathOf(r.unit_region_code);
      if (!path) continue;
      row = {
        definitionId: r.definition_id,
        definitionVersion: r.definition_version,
        unit: r.unit_region_code,
        periodKey: r.period_key,
        periodStart: r.period_start,
        periodEnd: r.period_end,
        dueOn: r.due_on,
        path,
        firstSubmittedOn: null,
        status: null,
      };
      rows.set(key, row);
    }
    row.firstSubmittedOn = r.first_submitted_on;
    row.status = r.status;
  }
  await trx
    .deleteFrom('report_expectations')
    .where('period_key', '>=', first)
    .where('period_key', '<', next)
    .execute();
  await trx
    .deleteFrom('report_completeness')
    .where('period_key', '>=', first)
    .where('period_key', '<', next)
    .execute();
  const all = [...rows.values()];
  await insertExpectations(trx, all);
  await countExpectations(trx, sql`e.period_key >= ${first} and e.period_key < ${next}`);
  await sql`
    insert into reporting.report_calendar_years (year) values (${year})
    on conflict (year) do update set laid_out_at = now()`.execute(trx);
  return {
    year,
    laidOut: true,
    expected: all.length,
    received: all.filter((r) => r.firstSubmittedOn !== null).length,
  };
}

/** The counters of the expectations `where` selects (alias `e`): one pass, every level of each chain. */
async function countExpectations(trx: Db, where: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into reporting.report_completeness
      (region_code, period_key, definition_id, due_on, period_start, expected, received, on_time, approved, in_revision)
    select r, e.period_key, e.definition_id, e.due_on, e.period_start, count(*),
           count(e.first_submitted_on),
           count(*) filter (where e.first_submitted_on <= e.due_on),
           count(*) filter (where e.status = 'approved'),
           count(*) filter (where e.first_submitted_on is not null and e.status in ('draft', 'returned'))
    from reporting.report_expectations e cross join lateral unnest(e.region_path) as r
    where ${where}
    group by 1, 2, 3, 4, 5`.execute(trx);
}

/** The state of a stored report as an expectation; undefined for a unit the division data does not know. */
function expectationOfReport(
  r: Pick<
    ReportRow,
    | 'definition_id'
    | 'definition_version'
    | 'unit_region_code'
    | 'period_key'
    | 'period_start'
    | 'period_end'
    | 'due_on'
    | 'first_submitted_on'
    | 'status'
  >,
): Expectation | undefined {
  const path = pathOf(r.unit_region_code);
  if (!path) return undefined;
  return {
    definitionId: r.definition_id,
    definitionVersion: r.definition_version,
    unit: r.unit_region_code,
    periodKey: r.period_key,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueOn: r.due_on,
    path,
    firstSubmittedOn: r.first_submitted_on,
    status: r.status,
  };
}

export interface ProjectLayout {
  /** False when the project reports had been laid out already and `rebuild` was not asked. */
  laidOut: boolean;
  expected: number;
  received: number;
}

/**
 * Lays out every operator's project reports inside `trx` (see the header): for each township, the contract
 * years of the contracts covering its operating stations, the state of each report from the reports table
 * (a project report filed where none is owed counts as expected too, like a calendar one), and the counters
 * of every region. Serialised by the calendar's advisory lock (second key 0); done once unless `rebuild`.
 */
async function layOutProjects(trx: Transaction<ReportingDatabase>, options: CalendarOptions) {
  await sql`select pg_advisory_xact_lock(${CALENDAR_LOCK}, ${PROJECT_LOCK})`.execute(trx);
  const done = await trx.selectFrom('report_project_layout').select('id').executeTakeFirst();
  if (done && !options.rebuild) return { laidOut: false, expected: 0, received: 0 };
  const profiles = options.profiles ?? listReportProfiles();
  const rows = new Map<string, Expectation>();
  const key = (e: Pick<Expectation, 'definitionId' | 'unit' | 'periodKey'>) =>
    `${e.definitionId}\u0000${e.unit}\u0000${e.periodKey}`;
  const byTownship = new Map<string, CoveredContract[]>();
  for (const c of await coveredContracts(trx)) {
    const list = byTownship.get(c.township) ?? [];
    list.push(c);
    byTownship.set(c.township, list);
  }
  for (const [township, contracts] of byTownship) {
    const path = pathOf(township);
    const definitions = projectDefinitions(township, profiles);
    if (!path || definitions.length === 0) continue;
    const firstDay = contracts[0]?.term_start as IsoDate;
    for (const e of projectExpectations(township, path, contracts, definitions, firstDay))
      rows.set(key(e), e);
  }
  const reports = await trx
    .selectFrom('reports')
    .select([
      'definition_id',
      'definition_version',
      'unit_region_code',
      'period_key',
      'period_start',
      'period_end',
      'due_on',
      'first_submitted_on',
      'status',
    ])
    .where((eb) => eb.or([eb('period_key', 'like', 'mid-term:%'), eb('period_key', 'like', 'final:%')]))
    .where('first_submitted_on', 'is not', null)
    .execute();
  for (const r of reports) {
    const stored = expectationOfReport(r);
    if (!stored) continue;
    const owed = rows.get(key(stored));
    // What the contracts say it owes keeps its due day; the report's state is the stored one.
    rows.set(
      key(stored),
      owed ? { ...owed, firstSubmittedOn: r.first_submitted_on, status: r.status } : stored,
    );
  }
  await trx.deleteFrom('report_expectations').where(PROJECT_ROWS).execute();
  await trx.deleteFrom('report_completeness').where(PROJECT_ROWS).execute();
  const all = [...rows.values()];
  await insertExpectations(trx, all);
  await countExpectations(trx, sql`e.period_key !~ '^[0-9]'`);
  await sql`
    insert into reporting.report_project_layout (id) values (true)
    on conflict (id) do update set laid_out_at = now()`.execute(trx);
  return {
    laidOut: true,
    expected: all.length,
    received: all.filter((r) => r.firstSubmittedOn !== null).length,
  };
}

/**
 * Lays out operators' project reports (mid-term, final) from the contracts and stations reporting holds,
 * with what has been received, once; later contract, station and report changes keep them current. With
 * `rebuild` they are computed again (the repair after a profile change, the benchmark's bulk path).
 * @example await layOutProjectReports(db) // { laidOut: true, expected: 6, received: 1 }
 */
export function layOutProjectReports(
  db: Kysely<ReportingDatabase>,
  options: CalendarOptions = {},
): Promise<ProjectLayout> {
  return db.transaction().execute((trx) => layOutProjects(trx, options));
}

/** Lays out the project reports when they have not been: one primary-key read when they have. */
async function ensureProjects(trx: Transaction<ReportingDatabase>): Promise<void> {
  const done = await trx.selectFrom('report_project_layout').select('id').executeTakeFirst();
  if (!done) await layOutProjects(trx, {});
}

/**
 * Lays out a year's report calendar (every report each unit owes, with what has been received), once;
 * later changes keep it current. With `rebuild` it is computed again from the reports and stations, the
 * repair after a profile changes and the bulk path of the benchmark.
 * @example await layOutReportCalendar(db, 2023) // { year: 2023, laidOut: true, expected: 312, received: 0 }
 */
export function layOutReportCalendar(
  db: Kysely<ReportingDatabase>,
  year: number,
  options: CalendarOptions = {},
): Promise<CalendarLayout> {
  return db.transaction().execute((trx) => layOut(trx, year, options));
}

/** Lays out the year when it has not been: cheap when it has (one primary-key read, no lock). */
async function ensureYear(trx: Transaction<ReportingDatabase>, year: number): Promise<void> {
  const done = await trx
    .selectFrom('report_calendar_years')
    .select('year')
    .where('year', '=', year)
    .executeTakeFirst();
  if (!done) await layOut(trx, year, {});
}

// ---------------------------------------------------------------------------------------------------------
// Keeping it current

/**
 * Moves a report's weight in the counters from what the read model knew of it to what it is now: call it
 * in the transaction of every report state change (submit, approve, return, unlock), after the row is
 * written. Derived from the stored states, not from the step, so a repeated call cannot count twice; the
 * first report of a year not laid out yet lays it out (and so is counted by it), and the first project
 * report (mid-term, final) lays out the project reports.
 */
export async function trackReport(trx: Transaction<ReportingDatabase>, report: ReportRow): Promise<void> {
  const project = PROJECT_KEY.test(report.period_key);
  if (!project && !CALENDAR_KEY.test(report.period_key)) return;
  const path = pathOf(report.unit_region_code);
  if (!path) return;
  if (project) await ensureProjects(trx);
  else await ensureYear(trx, Number(report.period_key.slice(0, 4)));
  const key = {
    definition_id: report.definition_id,
    unit_region_code: report.unit_region_code,
    period_key: report.period_key,
  };
  const storedRow = () =>
    trx
      .selectFrom('report_expectations')
      .select(['first_submitted_on', 'status', 'due_on', 'period_start'])
      .where('definition_id', '=', key.definition_id)
      .where('unit_region_code', '=', key.unit_region_code)
      .where('period_key', '=', key.period_key)
      .forUpdate()
      .executeTakeFirst();
  let stored = await storedRow();
  const state = { firstSubmittedOn: report.first_submitted_on, status: report.status };
  let delta: Contribution;
  let dueOn: IsoDate;
  let periodStart: IsoDate;
  // No row to lock: the insert decides. A transaction inserting the same key meanwhile (another report
  // event, a reconcile) makes it wait on the key and then do nothing; the row is then read and updated
  // like one found, so the expectation is counted once.
  const inserted =
    !stored &&
    (await insertExpectation(trx, {
      definitionId: report.definition_id,
      definitionVersion: report.definition_version,
      unit: report.unit_region_code,
      periodKey: report.period_key,
      periodStart: report.period_start,
      periodEnd: report.period_end,
      dueOn: report.due_on,
      path,
      ...state,
    }));
  if (!stored && !inserted) stored = await storedRow();
  if (!stored) {
    dueOn = report.due_on;
    periodStart = report.period_start;
    delta = contributionOf({ ...state, dueOn });
  } else {
    // The counters hold the expectation under its stored due day: keep counting it there.
    dueOn = stored.due_on;
    periodStart = stored.period_start;
    const before = contributionOf({
      firstSubmittedOn: stored.first_submitted_on,
      status: stored.status,
      dueOn,
    });
    const after = contributionOf({ ...state, dueOn });
    if (stored.first_submitted_on === state.firstSubmittedOn && stored.status === state.status) return;
    await trx
      .updateTable('report_expectations')
      .set({ first_submitted_on: state.firstSubmittedOn, status: state.status })
      .where('definition_id', '=', key.definition_id)
      .where('unit_region_code', '=', key.unit_region_code)
      .where('period_key', '=', key.period_key)
      .execute();
    delta = {
      expected: 0,
      received: after.received - before.received,
      onTime: after.onTime - before.onTime,
      approved: after.approved - before.approved,
      inRevision: after.inRevision - before.inRevision,
    };
  }
  await bump(trx, [
    { ...delta, path, definitionId: report.definition_id, periodKey: report.period_key, periodStart, dueOn },
  ]);
}

/** What the station hook needs of a station's stored state. */
export interface StationUnitSubject {
  status: string;
  region_code: string | null;
}

/**
 * Keeps operators' briefs expected where stations operate: call it in the transaction of every station
 * event, after the station row is written, with the station before and after and the day of the change.
 * A township whose first station starts operating owes the briefs of every laid-out period from then on;
 * one whose last station stops owes none that starts after `day` (what was received stays counted). The
 * same goes for the project reports of the contracts covering its stations.
 */
export async function trackStationUnits(
  trx: Db,
  before: StationUnitSubject | undefined,
  after: StationUnitSubject | undefined,
  day: IsoDate,
): Promise<void> {
  const operating = (s: StationUnitSubject | undefined) =>
    s?.status === 'operating' && s.region_code?.length === 9 ? s.region_code : null;
  const was = operating(before);
  const is = operating(after);
  if (was === is) return;
  const years = (await trx.selectFrom('report_calendar_years').select('year').execute()).map((y) => y.year);
  const projects = await projectsLaidOutLocked(trx);
  // In code order, as every transaction takes the township locks, so two moves cannot deadlock.
  for (const township of [...new Set([was, is])].sort()) {
    if (township && years.length > 0) await reconcileTownship(trx, township, years, day);
    if (township && projects) await reconcileProjects(trx, township, day);
  }
}

/** What the contract hook needs of a contract. */
export interface ContractUnitSubject {
  station_ids: readonly string[];
}

/**
 * Keeps operators' project reports expected where a contract covers operating stations: call it in the
 * transaction of every `contract.signed.v1`, after the contract row is written. Each township with an
 * operating station the contract covers owes the mid-term and final reports of each contract year that it
 * does not owe already, so a second delivery of the same contract adds nothing [ZZ §5.3, §5.4].
 */
export async function trackContractUnits(trx: Db, contract: ContractUnitSubject): Promise<void> {
  if (contract.station_ids.length === 0 || !(await projectsLaidOutLocked(trx))) return;
  const townships = await trx
    .selectFrom('stations')
    .select('region_code')
    .distinct()
    .where('id', 'in', [...contract.station_ids])
    .where('status', '=', 'operating')
    .execute();
  const codes = townships.flatMap((t) => (t.region_code?.length === 9 ? [t.region_code] : []));
  for (const township of codes.sort()) await reconcileProjects(trx, township, null);
}

/** True once the project reports have been laid out (before, the layout will count everything). */
async function projectsLaidOut(trx: Db): Promise<boolean> {
  return (await trx.selectFrom('report_project_layout').select('id').executeTakeFirst()) !== undefined;
}

/**
 * Adds the expectations of `wanted` a township does not hold yet among the definitions `ids`, and counts
 * them as expected. The caller holds the township's lock (`lockTownship`), so what it reads as held is.
 */
async function addMissing(
  trx: Db,
  township: string,
  ids: readonly string[],
  wanted: readonly Expectation[],
): Promise<void> {
  const existing = await trx
    .selectFrom('report_expectations')
    .select(['definition_id', 'period_key'])
    .where('unit_region_code', '=', township)
    .where('definition_id', 'in', [...ids])
    .execute();
  const have = new Set(existing.map((e) => `${e.definition_id}\u0000${e.period_key}`));
  const fresh = wanted.filter((w) => !have.has(`${w.definitionId}\u0000${w.periodKey}`));
  // only what this transaction inserted: a report tracked meanwhile (`trackReport`) counted its own
  const inserted = await insertExpectations(trx, fresh, { inserted: true });
  await bump(
    trx,
    inserted.map((f) => ({ ...ZERO, expected: 1, ...counterKey(f) })),
  );
}

/**
 * Brings a township's project reports in line with the contracts covering its operating stations: adds
 * those it owes and does not have; when no covered station operates any more, takes away the ones not
 * received whose contract year starts after `day` (none when `day` is null: a contract only adds).
 */
async function reconcileProjects(trx: Db, township: string, day: IsoDate | null): Promise<void> {
  const path = pathOf(township);
  if (!path) return;
  await lockTownship(trx, township);
  const definitions = projectDefinitions(township, listReportProfiles());
  if (definitions.length === 0) return;
  const ids = definitions.map((d) => d.id);
  const contracts = await coveredContracts(trx, township);
  if (contracts.length > 0) {
    const firstDay = contracts[0]?.term_start as IsoDate;
    const wanted = projectExpectations(township, path, contracts, definitions, day ?? firstDay);
    if (wanted.length === 0) return;
    await addMissing(trx, township, ids, wanted);
    return;
  }
  if (day === null) return;
  const removed = await trx
    .deleteFrom('report_expectations')
    .where('unit_region_code', '=', township)
    .where('definition_id', 'in', ids)
    .where(PROJECT_ROWS)
    .where('first_submitted_on', 'is', null)
    .where('period_start', '>', day)
    .returning(['definition_id', 'period_key', 'period_start', 'due_on'])
    .execute();
  await bump(
    trx,
    removed.map((r) => ({
      ...ZERO,
      expected: -1,
      path,
      definitionId: r.definition_id,
      periodKey: r.period_key,
      periodStart: r.period_start,
      dueOn: r.due_on,
    })),
  );
}

async function reconcileTownship(trx: Db, township: string, years: readonly number[], day: IsoDate) {
  // A code the division data does not know is kept by the station read model, never counted (nor refused).
  const path = pathOf(township);
  if (!path) return;
  await lockTownship(trx, township);
  const definitions = operatorDefinitions(township, listReportProfiles());
  if (definitions.length === 0) return;
  const now = await sql<{ n: number; since: IsoDate | null }>`
    select count(*)::int as n, min(coalesce(opened_on, registered_on)) as since from reporting.stations
    where region_code = ${township} and status = 'operating'`.execute(trx);
  const { n, since } = now.rows[0] ?? { n: 0, since: null };
  const ids = definitions.map((d) => d.id);
  const keys = years.map((y) => yearRange(y));
  if (n > 0) {
    const wanted: Expectation[] = [];
    for (const year of years) {
      for (const definition of definitions) {
        for (const e of expectedOf({ definition, regionCode: township, activeFrom: since ?? day }, year)) {
          wanted.push({
            definitionId: e.definitionId,
            definitionVersion: e.definitionVersion,
            unit: township,
            periodKey: e.period.key,
            periodStart: e.period.start,
            periodEnd: e.period.end,
            dueOn: e.dueOn,
            path,
            firstSubmittedOn: null,
            status: null,
          });
        }
      }
    }
    if (wanted.length === 0) return;
    await addMissing(trx, township, ids, wanted);
    return;
  }
  const removed = await trx
    .deleteFrom('report_expectations')
    .where('unit_region_code', '=', township)
    .where('definition_id', 'in', ids)
    .where('first_submitted_on', 'is', null)
    .where('period_start', '>', day)
    .where((eb) =>
      eb.or(keys.map((k) => eb.and([eb('period_key', '>=', k.first), eb('period_key', '<', k.next)]))),
    )
    .returning(['definition_id', 'period_key', 'period_start', 'due_on', 'status'])
    .execute();
  await bump(
    trx,
    removed.map((r) => ({
      ...ZERO,
      expected: -1,
      // A draft never submitted contributes nothing but its expectation.
      path,
      definitionId: r.definition_id,
      periodKey: r.period_key,
      periodStart: r.period_start,
      dueOn: r.due_on,
    })),
  );
}

function counterKey(e: Expectation) {
  return {
    path: e.path,
    definitionId: e.definitionId,
    periodKey: e.periodKey,
    periodStart: e.periodStart,
    dueOn: e.dueOn,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The answer's types are the API's (`@shegong/contracts`): one definition for the service and the gateway. */
export type { Completeness, CompletenessFigures, DefinitionCompleteness, OverdueReport, RegionCompleteness };

export interface CompletenessQuery {
  regionCode: string;
  period: string;
  /** The day overdue counts against (China's calendar day; the workflow's "today"). */
  asOf: IsoDate;
  overdueLimit?: number | undefined;
  overdueOffset?: number | undefined;
}

function emptyFigures(): CompletenessFigures {
  return {
    expected: 0,
    owed: 0,
    received: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    notDue: 0,
    approved: 0,
    inRevision: 0,
    completenessBasisPoints: 10_000,
    timelinessBasisPoints: 10_000,
  };
}

interface CounterRow {
  region_code: string;
  definition_id: string;
  due_on: IsoDate;
  expected: number;
  received: number;
  on_time: number;
  approved: number;
  in_revision: number;
}

function addCounter(f: CompletenessFigures, row: CounterRow, asOf: IsoDate): void {
  const due = row.due_on < asOf;
  f.expected += row.expected;
  f.received += row.received;
  f.onTime += row.on_time;
  f.late += row.received - row.on_time;
  f.approved += row.approved;
  f.inRevision += row.in_revision;
  f.owed += due ? row.expected : row.received;
  f.overdue += due ? row.expected - row.received : 0;
  f.notDue += due ? 0 : row.expected - row.received;
}

function finish<T extends CompletenessFigures>(f: T): T {
  if (f.owed > 0) {
    f.completenessBasisPoints = Math.floor((f.received * 10_000) / f.owed);
    f.timelinessBasisPoints = Math.floor((f.onTime * 10_000) / f.owed);
  }
  return f;
}

let titles: Map<string, string> | undefined;
/** A definition's title (the same id means the same report in every profile). */
function titleOf(definitionId: string): string {
  titles ??= new Map(listReportProfiles().flatMap((p) => p.reports.map((r) => [r.id, r.title] as const)));
  return titles.get(definitionId) ?? definitionId;
}

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;

/** The first and last day of a read's period (`2023`, `2023-03`, `2023-Q1`, `2023-H1`). */
function spanOf(period: string): { from: IsoDate; to: IsoDate } {
  const rest = period.slice(5);
  let first = 1;
  let months = 12;
  if (rest.startsWith('Q') || rest.startsWith('H')) {
    months = rest.startsWith('Q') ? 3 : 6;
    first = (Number(rest[1]) - 1) * months + 1;
  } else if (rest !== '') {
    months = 1;
    first = Number(rest);
  }
  const from: IsoDate = `${period.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, months), -1) };
}

/**
 * Completeness and timeliness in a region and each of its children for a period or a year, from the
 * counters (a handful of rows, whatever the region's size), with the overdue reports of the whole region,
 * oldest due day first, paged. The reports of the period (all of the year's for a year) count, and the
 * operators' project reports (mid-term, final) whose due day falls inside it (see the header). The first
 * read of a year not laid out yet lays it out; the first read at all lays out the project reports.
 * @example await readCompleteness(db, { regionCode: '410000', period: '2023-Q1', asOf: '2023-04-12' })
 * @throws DomainError `REGION_NOT_FOUND` … naming `regionCode`; `COMPLETENESS_PERIOD_INVALID` naming `period`
 */
export async function readCompleteness(
  db: Kysely<ReportingDatabase>,
  query: CompletenessQuery,
): Promise<Completeness> {
  const region = regionOf(query.regionCode);
  if (!PERIOD.test(query.period)) {
    throw new DomainError(
      'COMPLETENESS_PERIOD_INVALID',
      `"${query.period}" is not a period: write 2023, 2023-03, 2023-Q1 or 2023-H1`,
      { path: ['period'] },
    );
  }
  const year = Number(query.period.slice(0, 4));
  // Both layouts' marks in one round trip: a read is a handful of small queries, each one counts.
  const marks = await sql<{ year: boolean; projects: boolean }>`
    select exists (select 1 from reporting.report_calendar_years where year = ${year}) as year,
           exists (select 1 from reporting.report_project_layout) as projects`.execute(db);
  if (!marks.rows[0]?.year) await layOutReportCalendar(db, year);
  if (!marks.rows[0]?.projects) await layOutProjectReports(db);
  const span = spanOf(query.period);
  // Project reports count in the periods their due day falls in; `PROJECT_ROWS` picks the partial index.
  const dueInside = sql<boolean>`(${PROJECT_ROWS} and due_on >= ${span.from} and due_on <= ${span.to})`;

  const children = region.level === 'township' ? [] : childrenOf(region.code);
  const codes = [region.code, ...children.map((c) => c.code)];
  let counters = db
    .selectFrom('report_completeness')
    .select([
      'region_code',
      'definition_id',
      'due_on',
      'expected',
      'received',
      'on_time',
      'approved',
      'in_revision',
    ])
    .where('region_code', 'in', codes);
  counters =
    query.period.length === 4
      ? counters.where((eb) =>
          eb.or([
            eb.and([eb('period_key', '>=', query.period), eb('period_key', '<', String(year + 1))]),
            dueInside,
          ]),
        )
      : counters.where((eb) => eb.or([eb('period_key', '=', query.period), dueInside]));
  const rows = await counters.execute();

  const perRegion = new Map<
    string,
    { totals: CompletenessFigures; byDef: Map<string, CompletenessFigures> }
  >();
  for (const code of codes) perRegion.set(code, { totals: emptyFigures(), byDef: new Map() });
  for (const row of rows) {
    const entry = perRegion.get(row.region_code);
    // A row whose expectations were all taken away (a station closed) counts nothing, nor lists its report.
    if (!entry || (row.expected === 0 && row.received === 0)) continue;
    addCounter(entry.totals, row, query.asOf);
    let f = entry.byDef.get(row.definition_id);
    if (!f) {
      f = emptyFigures();
      entry.byDef.set(row.definition_id, f);
    }
    addCounter(f, row, query.asOf);
  }
  const view = (r: Region): RegionCompleteness => {
    const entry = perRegion.get(r.code) as {
      totals: CompletenessFigures;
      byDef: Map<string, CompletenessFigures>;
    };
    return {
      regionCode: r.code,
      name: r.name,
      level: r.level,
      totals: finish(entry.totals),
      byDefinition: [...entry.byDef]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([definitionId, f]) => ({ definitionId, title: titleOf(definitionId), ...finish(f) })),
    };
  };
  const own = view(region);

  const limit = query.overdueLimit ?? 50;
  const offset = query.overdueOffset ?? 0;
  let pending = db
    .selectFrom('report_expectations')
    .select(['definition_id', 'unit_region_code', 'period_key', 'due_on'])
    .where(sql<boolean>`region_path @> array[${region.code}]::text[]`)
    .where('first_submitted_on', 'is', null)
    .where('due_on', '<', query.asOf);
  pending =
    query.period.length === 4
      ? pending.where((eb) =>
          eb.or([
            eb.and([eb('period_key', '>=', query.period), eb('period_key', '<', String(year + 1))]),
            dueInside,
          ]),
        )
      : pending.where((eb) => eb.or([eb('period_key', '=', query.period), dueInside]));
  const items =
    own.totals.overdue === 0 || limit === 0
      ? []
      : await pending
          .orderBy('due_on')
          .orderBy('unit_region_code')
          .orderBy('definition_id')
          .orderBy('period_key')
          .limit(limit)
          .offset(offset)
          .execute();
  return {
    period: query.period,
    asOf: query.asOf,
    region: own,
    children: children.map(view),
    overdue: {
      total: own.totals.overdue,
      offset,
      limit,
      items: items.map((r) => ({
        definitionId: r.definition_id,
        title: titleOf(r.definition_id),
        unitRegionCode: r.unit_region_code,
        unitName: getRegion(r.unit_region_code).name,
        periodKey: r.period_key,
        dueOn: r.due_on,
        daysLate: daysBetween(r.due_on, query.asOf),
      })),
    },
  };
}
