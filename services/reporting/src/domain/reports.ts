import { randomUUID } from 'node:crypto';
import type { Report, ReportCorrection, ReportFigures, ReportStatus } from '@shegong/contracts';
import type { HubEventInput } from '@shegong/events';
import { addDays, DomainError, daysBetween, type IsoDate } from '@shegong/kernel';
import { appendToOutbox } from '@shegong/messaging';
import {
  classifySubmission,
  dueDate,
  getReportDefinition,
  PlanNotFoundError,
  type ReportDefinition,
  type ReportPeriod,
  reportProfileFor,
} from '@shegong/plans';
import { codePrefix, contains } from '@shegong/regions';
import { type Kysely, type Selectable, sql, type Transaction, type UpdateObject } from 'kysely';
import type { ReportingDatabase, ReportsTable } from '../db/schema.ts';
import { trackReport } from './completeness.ts';
import { complianceSummary } from './compliance.ts';
import { contractYearOf } from './evaluations.ts';
import { holdPeriodLocks } from './locks.ts';
import { ALL } from './records.ts';
import { regionOf } from './regions.ts';
import { readCoverage, type ServiceCounts } from './rollups.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

/** The report types are the API's (`@shegong/contracts`): one definition for the service and the gateway. */
export type { Report, ReportCorrection, ReportFigures, ReportStatus };

// ---------------------------------------------------------------------------------------------------------
// Pure parts

const PERIOD_KEY = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  'half-year': /^(\d{4})-H([12])$/,
} as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (1–12). */
function lastDayOfMonth(year: number, month: number): IsoDate {
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts the date).
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The calendar period a key names under a definition: `2023-03` (month), `2023-Q1` (quarter), `2023-H1`
 * (half-year). Project reports (mid-term, final) are keyed by their contract year: `projectPeriodOf`.
 * @example reportPeriodOf(quarterly, '2023-Q1') // { key: '2023-Q1', start: '2023-01-01', end: '2023-03-31' }
 * @throws DomainError `REPORT_PERIOD_INVALID` naming `period`
 */
export function reportPeriodOf(definition: ReportDefinition, key: string): ReportPeriod {
  if (definition.period === 'mid-term' || definition.period === 'final') {
    throw new DomainError(
      'REPORT_PERIOD_INVALID',
      `${definition.id} is a project report (${definition.period}): its period is a contract year (projectPeriodOf)`,
      { path: ['period'] },
    );
  }
  const match = PERIOD_KEY[definition.period].exec(key);
  const examples = { month: '2023-03', quarter: '2023-Q1', 'half-year': '2023-H1' };
  if (!match) {
    throw new DomainError(
      'REPORT_PERIOD_INVALID',
      `"${key}" is not a ${definition.period} period of ${definition.id}: write it like ${examples[definition.period]}`,
      { path: ['period'] },
    );
  }
  const year = Number(match[1]);
  const index = Number(match[2]);
  const months = definition.period === 'month' ? 1 : definition.period === 'quarter' ? 3 : 6;
  const firstMonth = (index - 1) * months + 1;
  const start = `${year}-${pad(definition.period === 'month' ? index : firstMonth)}-01`;
  const lastMonth = definition.period === 'month' ? index : firstMonth + months - 1;
  return { key, start, end: lastDayOfMonth(year, lastMonth) };
}

/**
 * The region level a report's unit is, by who submits it: an operator files its station's briefs for the
 * station's township [ZZ §5.4, PY §5.4] (a township has one station [ZZ §1.3]); a county, city or
 * province files its own.
 */
const UNIT_LEVEL_OF = {
  operator: 'township',
  county: 'county',
  city: 'city',
  province: 'province',
} as const satisfies Record<ReportDefinition['submitter'], string>;

const PROJECT_KEY = /^(mid-term|final):(\d{4}-\d{2}-\d{2})$/;

/**
 * The span of an operator's project report for its station's township [ZZ §5.4, PY §5.4]: `mid-term:<day>`
 * or `final:<day>`, the day a contract year of a station in the township starts (contracts come from
 * funding's `contract.signed.v1`; one yearly agreement each [ZZ §5.3]). The final report covers the whole
 * year, the mid-term one its first half (start + ⌊days / 2⌋), as `@shegong/plans` counts project reports.
 * @example await projectPeriodOf(db, midTerm, { code: '410105001' }, 'mid-term:2024-04-01') // { key, start: '2024-04-01', end: '2024-09-30' }
 * @throws DomainError `REPORT_PERIOD_INVALID` naming `period`, listing the contract years there are
 */
export async function projectPeriodOf(
  db: Db,
  definition: ReportDefinition,
  unit: { code: string },
  key: string,
): Promise<ReportPeriod> {
  const match = PROJECT_KEY.exec(key);
  if (!match || match[1] !== definition.period) {
    throw new DomainError(
      'REPORT_PERIOD_INVALID',
      `"${key}" is not a ${definition.period} period of ${definition.id}: write ${definition.period}:<the first day of the contract year>, like ${definition.period}:2024-04-01`,
      { path: ['period'] },
    );
  }
  const startsOn = match[2] as IsoDate;
  const contracts = await sql<{ id: string; term_start: IsoDate; term_end: IsoDate }>`
    select distinct c.id, c.term_start, c.term_end
    from reporting.contracts c
    join reporting.stations s on s.id = any(c.station_ids)
    where s.region_path @> array[${unit.code}]::text[]
    order by c.term_start, c.id`.execute(db);
  const years: Array<{ from: IsoDate; to: IsoDate }> = [];
  for (const c of contracts.rows) {
    const contract = { id: c.id, termStart: c.term_start, termEnd: c.term_end };
    // Year by year until the one that ends with the term (a 3-year cycle has 3 [ZZ §5.3]).
    for (let year = 1; year <= 50; year++) {
      const span = contractYearOf(contract, year);
      years.push(span);
      if (span.to >= c.term_end) break;
    }
  }
  const span = years.find((y) => y.from === startsOn);
  if (!span) {
    const known = [...new Set(years.map((y) => y.from))];
    throw new DomainError(
      'REPORT_PERIOD_INVALID',
      `no contract year of a station in ${unit.code} starts on ${startsOn}` +
        (known.length > 0
          ? `; its contract years start on ${known.join(', ')}`
          : ': reporting knows no contract there'),
      { path: ['period'], details: { contractYearStarts: known } },
    );
  }
  const end =
    definition.period === 'final'
      ? span.to
      : addDays(span.from, Math.floor(daysBetween(span.from, span.to) / 2));
  return { key, start: span.from, end };
}

/**
 * The report definition a unit owes, from the report profile that governs its region [ZZ §2, §5.6]: the
 * definition's submitter must file for the unit's level (a county files the quarterly report, a city the
 * half-year one, an operator its station's monthly brief for the station's township).
 * @throws DomainError `REPORT_DEFINITION_NOT_FOUND`, `REPORT_UNIT_MISMATCH`
 */
export function definitionFor(
  definitionId: string,
  unitRegionCode: string,
): { definition: ReportDefinition; unit: { code: string; name: string } } {
  const unit = regionOf(unitRegionCode, ['unitRegionCode']);
  let definition: ReportDefinition;
  try {
    definition = getReportDefinition(reportProfileFor(unit.code), definitionId);
  } catch (error) {
    if (!(error instanceof PlanNotFoundError)) throw error;
    throw new DomainError(
      'REPORT_DEFINITION_NOT_FOUND',
      `no report "${definitionId}" is owed in ${unit.name} (${unit.code}): ${error.message}`,
      { path: ['definitionId'] },
    );
  }
  if (UNIT_LEVEL_OF[definition.submitter] !== unit.level) {
    const expected =
      definition.submitter === 'operator'
        ? "an operator, for its station's township"
        : `a ${definition.submitter}`;
    throw new DomainError(
      'REPORT_UNIT_MISMATCH',
      `${definition.id} (${definition.title}) is submitted by ${expected}; ${unit.name} (${unit.code}) is a ${unit.level}`,
      { path: ['unitRegionCode'] },
    );
  }
  return { definition, unit: { code: unit.code, name: unit.name } };
}

/**
 * Splits a dotted correction path along the keys the figures hold. Most keys hold no dot, but a rule id
 * does (`staffing.errorRules.staffing.min-residents`), so at each level the longest key the path goes on
 * with wins. `null` when the path leaves the figures.
 */
function segmentsOf(figures: ReportFigures, path: string): string[] | null {
  const segments: string[] = [];
  let node: unknown = figures;
  let rest = path;
  while (rest !== '') {
    if (typeof node !== 'object' || node === null) return null;
    const key = Object.keys(node)
      .filter((k) => rest === k || rest.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return null;
    segments.push(key);
    node = (node as Record<string, unknown>)[key];
    rest = rest.slice(key.length + 1);
  }
  return segments;
}

/**
 * The computed number at a path of the figures.
 * @example figureAt(figures, 'services.beneficiaries') // 12
 * @example figureAt(figures, 'staffing.errorRules.staffing.min-residents') // 2
 * @throws DomainError `REPORT_FIGURE_NOT_FOUND` when the path names no number (`asOf` is not a figure)
 */
export function figureAt(figures: ReportFigures, path: string): number {
  let node: unknown = figures;
  for (const segment of segmentsOf(figures, path) ?? ['']) {
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  if (typeof node !== 'number') {
    throw new DomainError(
      'REPORT_FIGURE_NOT_FOUND',
      `"${path}" names no figure of the report: use a path like services.beneficiaries or staffing.compliant`,
      { path: ['path'] },
    );
  }
  return node;
}

/** The figures as reported: each corrected path carries its latest correction. */
export function applyCorrections(
  figures: ReportFigures,
  corrections: readonly ReportCorrection[],
): ReportFigures {
  const out = structuredClone(figures);
  for (const c of corrections) {
    // A correction was checked against the figures it was made on; a path a refresh dropped is skipped.
    const segments = segmentsOf(figures, c.path);
    if (!segments) continue;
    let node = out as unknown as Record<string, unknown>;
    for (const segment of segments.slice(0, -1)) node = node[segment] as Record<string, unknown>;
    node[segments.at(-1) as string] = c.value;
  }
  return out;
}

/** The calendar day in China (UTC+8 all year): the day a submission counts for. */
export function chinaToday(now = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Figures from the hub's data

/**
 * Computes a unit's figures for a period from what reporting holds: stations by status and township
 * coverage, staffing compliance with the rule ids of the error findings, and the period's service volumes
 * by canonical domain from the rollups.
 */
export async function computeFigures(
  db: Db,
  unitRegionCode: string,
  period: ReportPeriod,
  asOf: IsoDate,
): Promise<ReportFigures> {
  const kdb = db as Kysely<ReportingDatabase>;
  const statuses = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from reporting.stations
    where region_path @> array[${unitRegionCode}]::text[]
    group by status order by status`.execute(db);
  const coverage = await readCoverage(kdb, unitRegionCode);
  const compliance = await complianceSummary(kdb, unitRegionCode);
  const rules = await sql<{ rule_id: string; n: number }>`
    select f->>'ruleId' as rule_id, count(distinct s.id)::int as n
    from reporting.stations s
    join reporting.station_compliance c on c.station_id = s.id
    cross join lateral jsonb_array_elements(c.findings) f
    where s.region_path @> array[${unitRegionCode}]::text[] and s.status = 'operating'
      and f->>'severity' = 'error'
    group by 1 order by 1`.execute(db);
  const services = await sql<{
    domain: string;
    records: number;
    beneficiaries: number;
    hours: string;
    volunteers: number;
  }>`
    select domain, sum(records)::bigint as records, sum(beneficiaries)::bigint as beneficiaries,
           sum(hours) as hours, sum(volunteers)::bigint as volunteers
    from reporting.service_rollup_cells
    where region_code = ${unitRegionCode} and population = ${ALL}
      and period between ${period.start.slice(0, 7)} and ${period.end.slice(0, 7)}
    group by domain order by domain`.execute(db);
  const counts = (r: (typeof services.rows)[number] | undefined): ServiceCounts => ({
    records: Number(r?.records ?? 0),
    beneficiaries: Number(r?.beneficiaries ?? 0),
    hours: Number(r?.hours ?? 0),
    volunteers: Number(r?.volunteers ?? 0),
  });
  return {
    asOf,
    stations: {
      operating: coverage.operatingStations,
      byStatus: Object.fromEntries(statuses.rows.map((r) => [r.status, r.n])),
      townships: coverage.townships,
      coveredTownships: coverage.coveredTownships,
    },
    staffing: {
      stations: compliance.stations,
      compliant: compliance.compliant,
      nonCompliant: compliance.nonCompliant,
      notEvaluated: compliance.notEvaluated,
      errorRules: Object.fromEntries(rules.rows.map((r) => [r.rule_id, r.n])),
    },
    services: {
      ...counts(services.rows.find((r) => r.domain === ALL)),
      byDomain: Object.fromEntries(
        services.rows.filter((r) => r.domain !== ALL).map((r) => [r.domain, counts(r)]),
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The workflow

type ReportRow = Selectable<ReportsTable>;

/** Who acts, as the gateway says (the caller's principal id); null when called without the gateway. */
interface Actor {
  by?: string | undefined;
}

/** A report addressed by id, with the unit the caller says it belongs to (the gateway checked that unit). */
export interface ReportRef extends Actor {
  reportId: string;
  unitRegionCode: string;
}

/** `410105-county-quarterly-report-2023-Q1`: one report per definition × unit × period. */
export function reportIdOf(definitionId: string, unitRegionCode: string, periodKey: string): string {
  return `${unitRegionCode}-${definitionId}-${periodKey}`;
}

function toReport(row: ReportRow, locked: boolean): Report {
  const { definition, unit } = definitionFor(row.definition_id, row.unit_region_code);
  const figures = row.figures as ReportFigures;
  const corrections = row.corrections as ReportCorrection[];
  return {
    id: row.id,
    definitionId: row.definition_id,
    definitionVersion: row.definition_version,
    title: definition.title,
    unitRegionCode: row.unit_region_code,
    unitName: unit.name,
    period: { key: row.period_key, start: row.period_start, end: row.period_end },
    status: row.status,
    dueOn: row.due_on,
    figures,
    corrections,
    reported: applyCorrections(figures, corrections),
    narrative: row.narrative,
    submittedOn: row.submitted_on,
    submittedBy: row.submitted_by,
    timeliness: row.first_submitted_on
      ? {
          ...classifySubmission(row.due_on, row.first_submitted_on),
          firstSubmittedOn: row.first_submitted_on,
        }
      : null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: row.approved_by,
    returnedAt: row.returned_at?.toISOString() ?? null,
    returnedBy: row.returned_by,
    returnReason: row.return_reason,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    acceptedBy: row.accepted_by,
    locked,
  };
}

async function isLocked(db: Db, reportId: string): Promise<boolean> {
  const lock = await db
    .selectFrom('report_locks')
    .select('locked_by_report_id')
    .where('locked_by_report_id', '=', reportId)
    .executeTakeFirst();
  return lock !== undefined;
}

/**
 * A report by id, held for update inside a transaction. A report of another unit than the one named is
 * answered like a missing one: the gateway placed the call by the unit, so the id must belong to it.
 * @throws DomainError `REPORT_NOT_FOUND`
 */
async function loadReport(db: Db, ref: ReportRef, forUpdate: boolean): Promise<ReportRow> {
  let query = db.selectFrom('reports').selectAll().where('id', '=', ref.reportId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.unit_region_code !== regionOf(ref.unitRegionCode, ['unitRegionCode']).code) {
    throw new DomainError('REPORT_NOT_FOUND', `no report "${ref.reportId}" of unit ${ref.unitRegionCode}`, {
      path: ['reportId'],
    });
  }
  return row;
}

/** @throws DomainError `REPORT_STATUS_CONFLICT` (409) naming what the report is and what the step needs */
function requireStatus(row: ReportRow, allowed: readonly ReportStatus[], step: string): void {
  if (allowed.includes(row.status)) return;
  throw new DomainError(
    'REPORT_STATUS_CONFLICT',
    `report ${row.id} is ${row.status}; only a ${allowed.join(' or ')} report can be ${step}`,
    { path: ['reportId'], details: { status: row.status, allowed } },
  );
}

function eventOf(
  type: 'report.submitted.v1' | 'report.approved.v1' | 'report.returned.v1' | 'report.accepted.v1',
  row: ReportRow,
  extra: Record<string, unknown>,
): HubEventInput {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'reporting',
    key: `report:${row.id}`,
    type,
    data: {
      reportId: row.id,
      definitionId: row.definition_id,
      definitionVersion: row.definition_version,
      unitRegionCode: row.unit_region_code,
      periodKey: row.period_key,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      ...extra,
    },
  } as HubEventInput;
}

/**
 * Drafts a unit's report for a period from the hub's data, or refreshes the figures of its draft (or of a
 * returned report, which becomes a draft again: the unit fixes it and submits anew). Corrections and the
 * narrative are kept.
 * @example await draftReport(db, { definitionId: 'county-quarterly-report', unitRegionCode: '410105', period: '2023-Q1' }, '2023-04-03')
 * @throws DomainError `REPORT_DEFINITION_NOT_FOUND`, `REPORT_UNIT_MISMATCH`, `REPORT_PERIOD_INVALID`;
 *   `REPORT_STATUS_CONFLICT` for a report already submitted or approved
 */
export async function draftReport(
  db: Kysely<ReportingDatabase>,
  input: { definitionId: string; unitRegionCode: string; period: string; narrative?: string | undefined },
  today: IsoDate,
): Promise<Report> {
  const { definition, unit } = definitionFor(input.definitionId, input.unitRegionCode);
  const period =
    definition.period === 'mid-term' || definition.period === 'final'
      ? await projectPeriodOf(db, definition, unit, input.period)
      : reportPeriodOf(definition, input.period);
  const id = reportIdOf(definition.id, unit.code, period.key);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (before) requireStatus(before, ['draft', 'returned'], 'drafted again');
    const figures = JSON.stringify(await computeFigures(trx, unit.code, period, today));
    const narrative = input.narrative ?? before?.narrative ?? null;
    const row = await trx
      .insertInto('reports')
      .values({
        id,
        definition_id: definition.id,
        definition_version: definition.version,
        unit_region_code: unit.code,
        period_key: period.key,
        period_start: period.start,
        period_end: period.end,
        status: 'draft',
        figures,
        narrative,
        due_on: dueDate(definition, period),
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ status: 'draft', figures, narrative, updated_at: sql`now()` }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toReport(row, false);
  });
}

/**
 * Records a correction beside the computed figure: the computed value stays, the reason is required.
 * Correcting a path again replaces the earlier correction of that path.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_FIGURE_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (not a draft)
 */
export async function correctReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef & { path: string; value: number; reason: string },
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['draft', 'returned'], 'corrected');
    const computed = figureAt(row.figures as ReportFigures, input.path);
    const correction: ReportCorrection = {
      path: input.path,
      computed,
      value: input.value,
      reason: input.reason,
      by: input.by ?? null,
      at: new Date().toISOString(),
    };
    const corrections = [
      ...(row.corrections as ReportCorrection[]).filter((c) => c.path !== input.path),
      correction,
    ];
    const updated = await updateReport(trx, row.id, { corrections: JSON.stringify(corrections) });
    return toReport(updated, false);
  });
}

/**
 * Submits a draft to the level above, on `today` (the day timeliness counts), with `report.submitted.v1`
 * in the outbox in the same transaction.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (only a draft can be submitted)
 */
export async function submitReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef,
  today: IsoDate,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['draft'], 'submitted');
    const updated = await updateReport(trx, row.id, {
      status: 'submitted',
      submitted_at: sql`now()`,
      submitted_on: today,
      first_submitted_on: row.first_submitted_on ?? today,
      submitted_by: input.by ?? null,
    });
    // Completeness counts the first submission, in this transaction [see completeness.ts].
    await trackReport(trx, updated);
    const timeliness = classifySubmission(updated.due_on, updated.first_submitted_on ?? today);
    await appendToOutbox(trx, [
      eventOf('report.submitted.v1', updated, {
        submittedOn: today,
        dueOn: updated.due_on,
        timeliness: timeliness.status,
        daysLate: timeliness.daysLate,
      }),
    ]);
    return toReport(updated, false);
  });
}

/**
 * Approves a submitted report and locks its unit × period: service records dated inside it are refused
 * until the approver unlocks it. `report.approved.v1` goes to the outbox in the same transaction.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (only a submitted report)
 */
export async function approveReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef,
  today: IsoDate,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['submitted'], 'approved');
    const updated = await updateReport(trx, row.id, {
      status: 'approved',
      approved_at: sql`now()`,
      approved_by: input.by ?? null,
    });
    // Wait for ingests in flight; later ones see the lock. Another definition's approved report of the
    // same unit × period may hold it already.
    await holdPeriodLocks(trx, 'exclusive');
    await trx
      .insertInto('report_locks')
      .values({
        unit_region_code: row.unit_region_code,
        period_start: row.period_start,
        period_end: row.period_end,
        locked_by_report_id: row.id,
      })
      .onConflict((oc) => oc.columns(['unit_region_code', 'period_start', 'period_end']).doNothing())
      .execute();
    await trackReport(trx, updated);
    await appendToOutbox(trx, [eventOf('report.approved.v1', updated, { approvedOn: today })]);
    return toReport(updated, true);
  });
}

/**
 * Accepts (签收) an approved report further up the chain: the approval by the level above the unit stands,
 * and the level above that one takes the report as received [ZZ §2, §5.4]. Accepting it again is refused;
 * an unlock clears the acceptance with the approval. `report.accepted.v1` goes to the outbox with it.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (not approved, or accepted already)
 */
export async function acceptReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef,
  today: IsoDate,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['approved'], 'accepted');
    if (row.accepted_at !== null) {
      throw new DomainError(
        'REPORT_STATUS_CONFLICT',
        `report ${row.id} was accepted on ${row.accepted_at.toISOString()} by ${row.accepted_by ?? 'someone'} already`,
        { path: ['reportId'], details: { status: row.status, acceptedBy: row.accepted_by } },
      );
    }
    const updated = await updateReport(trx, row.id, {
      accepted_at: sql`now()`,
      accepted_by: input.by ?? null,
    });
    await appendToOutbox(trx, [eventOf('report.accepted.v1', updated, { acceptedOn: today })]);
    return toReport(updated, true);
  });
}

/** Writes a report's new state and returns the stored row. */
function updateReport(
  trx: Transaction<ReportingDatabase>,
  id: string,
  set: UpdateObject<ReportingDatabase, 'reports'>,
): Promise<ReportRow> {
  return trx
    .updateTable('reports')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function sendBack(
  trx: Transaction<ReportingDatabase>,
  row: ReportRow,
  input: ReportRef & { reason: string },
  today: IsoDate,
): Promise<Report> {
  const updated = await updateReport(trx, row.id, {
    status: 'returned',
    returned_at: sql`now()`,
    returned_by: input.by ?? null,
    return_reason: input.reason,
    // An unlocked report is no longer the one accepted up the chain.
    accepted_at: null,
    accepted_by: null,
  });
  await trackReport(trx, updated);
  await appendToOutbox(trx, [
    eventOf('report.returned.v1', updated, { returnedOn: today, reason: input.reason }),
  ]);
  return toReport(updated, false);
}

/**
 * Sends a submitted report back to its unit with a reason; drafting it again makes it a draft.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (only a submitted report)
 */
export async function returnReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef & { reason: string },
  today: IsoDate,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['submitted'], 'returned');
    return sendBack(trx, row, input, today);
  });
}

/**
 * Lifts an approved report's lock so late service records can come in: the report goes back to its unit
 * (returned, with the reason), since its approved figures no longer hold; approving it again re-locks.
 * @throws DomainError `REPORT_NOT_FOUND`, `REPORT_STATUS_CONFLICT` (only an approved report)
 */
export async function unlockReport(
  db: Kysely<ReportingDatabase>,
  input: ReportRef & { reason: string },
  today: IsoDate,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await loadReport(trx, input, true);
    requireStatus(row, ['approved'], 'unlocked');
    await trx.deleteFrom('report_locks').where('locked_by_report_id', '=', row.id).execute();
    return sendBack(trx, row, input, today);
  });
}

/** @throws DomainError `REPORT_NOT_FOUND` */
export async function getReport(db: Kysely<ReportingDatabase>, input: ReportRef): Promise<Report> {
  const row = await loadReport(db, input, false);
  return toReport(row, await isLocked(db, row.id));
}

/**
 * The reports of every unit inside a region, optionally of one period (`2023-Q1`) or year (`2023`),
 * by period then unit.
 */
export async function listReports(
  db: Kysely<ReportingDatabase>,
  input: { regionCode: string; period?: string | undefined },
): Promise<Report[]> {
  const region = regionOf(input.regionCode);
  // Division codes nest by prefix (4101xx lies in 410100); `contains` below is the exact test.
  const prefix = codePrefix(region.code, region.level);
  let query = db
    .selectFrom('reports')
    .selectAll()
    .where('unit_region_code', 'like', `${prefix}%`)
    .orderBy('period_start')
    .orderBy('unit_region_code')
    .orderBy('definition_id');
  if (input.period !== undefined) {
    query = /^\d{4}$/.test(input.period)
      ? query
          .where('period_start', '>=', `${input.period}-01-01`)
          .where('period_start', '<=', `${input.period}-12-31`)
      : query.where('period_key', '=', input.period);
  }
  const rows = (await query.execute()).filter((r) => contains(region.code, r.unit_region_code));
  const locks = new Set(
    rows.length === 0
      ? []
      : (
          await db
            .selectFrom('report_locks')
            .select('locked_by_report_id')
            .where(
              'locked_by_report_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute()
        ).map((l) => l.locked_by_report_id),
  );
  return rows.map((r) => toReport(r, locks.has(r.id)));
}
