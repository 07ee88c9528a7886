import { addDays, addMonths, daysBetween, type IsoDate, maxDate, minDate } from '@shegong/kernel';
import { parentChain } from '@shegong/regions';
import { loadFolder, parseReportProfile } from './data.ts';
import { PlanNotFoundError } from './errors.ts';
import type { DueRule, ReportDefinition, ReportingParty, ReportProfile } from './schema.ts';

let profiles: ReportProfile[] | undefined;

/** Every report profile in `data/reports/`, validated on first use. */
export function listReportProfiles(): ReportProfile[] {
  profiles ??= loadFolder('reports', parseReportProfile);
  return profiles;
}

/** @throws PlanNotFoundError */
export function getReportProfile(id: string): ReportProfile {
  const profile = listReportProfiles().find((p) => p.id === id);
  if (!profile) throw new PlanNotFoundError(`no report profile has the id "${id}"`, { id });
  return profile;
}

/**
 * The report profile that governs a region: the nearest one issued by the region or an ancestor; among
 * editions of one issuer, the highest version.
 * @example reportProfileFor('410105001').id // 'zz-2021'
 * @throws PlanNotFoundError when no profile covers the region
 */
export function reportProfileFor(regionCode: string): ReportProfile {
  const all = listReportProfiles();
  for (const region of parentChain(regionCode)) {
    const own = all
      .filter((p) => p.regionCode === region.code)
      .sort((a, b) => b.version.localeCompare(a.version, 'en', { numeric: true }));
    if (own[0]) return own[0];
  }
  throw new PlanNotFoundError(`no report profile covers region ${regionCode}`, { regionCode });
}

/** @throws PlanNotFoundError */
export function getReportDefinition(profile: ReportProfile, reportId: string): ReportDefinition {
  const definition = profile.reports.find((r) => r.id === reportId);
  if (!definition) throw new PlanNotFoundError(`profile ${profile.id} has no report "${reportId}"`);
  return definition;
}

/**
 * Who owes reports: an operator, a county or city civil affairs bureau. `activeFrom`/`activeTo` bound the
 * periods it owes (a period that overlaps them is owed); a project milestone report needs `project`.
 */
export interface ReportingUnit {
  id: string;
  party: ReportingParty;
  regionCode: string;
  activeFrom?: IsoDate;
  activeTo?: IsoDate;
  project?: { startOn: IsoDate; endOn: IsoDate };
}

/** The span a report covers. `key` is `2023-01`, `2023-Q1`, `2023-H1`, `mid-term:<start>` or `final:<start>`. */
export interface ReportPeriod {
  key: string;
  start: IsoDate;
  end: IsoDate;
}

export interface ExpectedReport {
  definitionId: string;
  definitionVersion: string;
  unitId: string;
  period: ReportPeriod;
  dueOn: IsoDate;
}

const calendarCache = new Map<string, ReadonlyArray<{ period: ReportPeriod; dueOn: IsoDate }>>();

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (first: IsoDate) => addDays(addMonths(first, 1), -1);

/** The calendar periods (month, quarter, half-year) that end within [from, to], in order. */
function calendarPeriods(
  type: 'month' | 'quarter' | 'half-year',
  from: IsoDate,
  to: IsoDate,
): ReportPeriod[] {
  const months = type === 'month' ? 1 : type === 'quarter' ? 3 : 6;
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  // The period that contains `from`: its end may already be inside the range.
  let start: IsoDate = `${year}-${pad(Math.floor((month - 1) / months) * months + 1)}-01`;
  const out: ReportPeriod[] = [];
  for (; start <= to; start = addMonths(start, months)) {
    const end = addDays(addMonths(start, months), -1);
    if (end < from || end > to) continue;
    const y = start.slice(0, 4);
    const index = Math.floor((Number(start.slice(5, 7)) - 1) / months) + 1;
    const key =
      type === 'month' ? start.slice(0, 7) : type === 'quarter' ? `${y}-Q${index}` : `${y}-H${index}`;
    out.push({ key, start, end });
  }
  return out;
}

/**
 * The last day for a report on `period`: `day-of-next-month` = that day of the month after the period's
 * end (the 31st in a 30-day month is its 30th); `days-after-end` = the period's end plus that many days.
 * @example dueDate({ kind: 'day-of-next-month', day: 10 }, { key: '2023-Q1', start: '2023-01-01', end: '2023-03-31' }) // '2023-04-10'
 * @example dueDate({ kind: 'days-after-end', days: 15 }, { key: 'final:2023-01-01', start: '2023-01-01', end: '2023-12-31' }) // '2024-01-15'
 */
export function dueDate(rule: DueRule | ReportDefinition, period: ReportPeriod): IsoDate {
  const due = 'kind' in rule ? rule : rule.due;
  if (due.kind === 'days-after-end') return addDays(period.end, due.days);
  const first = addDays(period.end, 1).slice(0, 8);
  const nextFirst: IsoDate = `${first}01`;
  const wanted = addDays(nextFirst, due.day - 1);
  return minDate(wanted, lastDayOfMonth(nextFirst));
}

/**
 * The reports `unit` owes under `definition` for the periods that end within [from, to] (both days
 * included) and overlap the unit's active span. A project report (`mid-term`, `final`) is owed once per
 * project: the mid-term one covers the project's first half (start + ⌊days / 2⌋), the final one all of it.
 *
 * @example
 * expectedReports(monthlyBrief, { id: 'op-1', party: 'operator', regionCode: '410105001' }, '2023-01-01', '2023-03-31')
 *   .map((r) => [r.period.key, r.dueOn]) // [['2023-01', '2023-02-05'], ['2023-02', '2023-03-05'], ['2023-03', '2023-04-05']]
 */
export function expectedReports(
  definition: ReportDefinition,
  unit: ReportingUnit,
  from: IsoDate,
  to: IsoDate,
): ExpectedReport[] {
  let periods: ReportPeriod[] = [];
  if (definition.period === 'mid-term' || definition.period === 'final') {
    const project = unit.project;
    if (!project) return [];
    const end =
      definition.period === 'final'
        ? project.endOn
        : addDays(project.startOn, Math.floor(daysBetween(project.startOn, project.endOn) / 2));
    periods =
      end >= from && end <= to
        ? [{ key: `${definition.period}:${project.startOn}`, start: project.startOn, end }]
        : [];
  } else {
    // Every unit of a definition owes the same calendar periods: compute them (and their due days) once
    // per range, then keep those that overlap the unit's active span.
    const key = `${definition.period}|${JSON.stringify(definition.due)}|${from}|${to}`;
    let dated = calendarCache.get(key);
    if (!dated) {
      dated = calendarPeriods(definition.period, from, to).map((period) => ({
        period,
        dueOn: dueDate(definition, period),
      }));
      if (calendarCache.size > 256) calendarCache.clear();
      calendarCache.set(key, dated);
    }
    const start = unit.activeFrom ? maxDate(from, unit.activeFrom) : from;
    const out: ExpectedReport[] = [];
    for (const { period, dueOn } of dated) {
      if (period.end < start || (unit.activeTo !== undefined && period.start > unit.activeTo)) continue;
      out.push({
        definitionId: definition.id,
        definitionVersion: definition.version,
        unitId: unit.id,
        period,
        dueOn,
      });
    }
    return out;
  }
  return periods.map((period) => ({
    definitionId: definition.id,
    definitionVersion: definition.version,
    unitId: unit.id,
    period,
    dueOn: dueDate(definition, period),
  }));
}

/** A submission as received: which report, who, which period, on which day. */
export interface ReportSubmission {
  definitionId: string;
  unitId: string;
  periodKey: string;
  submittedOn: IsoDate;
}

/**
 * On time or late: the due day itself is on time; the next day is 1 day late.
 * @example classifySubmission('2023-04-10', '2023-04-10') // { status: 'on-time', daysLate: 0 }
 * @example classifySubmission('2023-04-10', '2023-04-11') // { status: 'late', daysLate: 1 }
 */
export function classifySubmission(
  dueOn: IsoDate,
  submittedOn: IsoDate,
): { status: 'on-time' | 'late'; daysLate: number } {
  const daysLate = Math.max(0, daysBetween(dueOn, submittedOn));
  return { status: daysLate === 0 ? 'on-time' : 'late', daysLate };
}

/**
 * An expected report on a day: `on-time`/`late` when submitted (the first submission counts), `missing`
 * when its due day has passed without one (`daysLate` so far), `not-due` while there is still time.
 */
export interface AssessedReport extends ExpectedReport {
  status: 'on-time' | 'late' | 'missing' | 'not-due';
  submittedOn?: IsoDate;
  daysLate: number;
}

const keyOf = (definitionId: string, unitId: string, periodKey: string) =>
  `${definitionId}\u0000${unitId}\u0000${periodKey}`;

/**
 * Matches expected reports with submissions as known on `asOf` (a submission dated later is not yet
 * known) and classifies each.
 */
export function assessReports(
  expected: readonly ExpectedReport[],
  submissions: readonly ReportSubmission[],
  asOf: IsoDate,
): AssessedReport[] {
  const first = new Map<string, IsoDate>();
  for (const s of submissions) {
    if (s.submittedOn > asOf) continue;
    const key = keyOf(s.definitionId, s.unitId, s.periodKey);
    const known = first.get(key);
    if (known === undefined || s.submittedOn < known) first.set(key, s.submittedOn);
  }
  return expected.map((report) => {
    const submittedOn = first.get(keyOf(report.definitionId, report.unitId, report.period.key));
    if (submittedOn !== undefined)
      return { ...report, submittedOn, ...classifySubmission(report.dueOn, submittedOn) };
    if (report.dueOn < asOf)
      return { ...report, status: 'missing', daysLate: daysBetween(report.dueOn, asOf) };
    return { ...report, status: 'not-due', daysLate: 0 };
  });
}

/** Completeness and timeliness of a set of assessed reports. */
export interface ReportSummary {
  expected: number;
  /** Reports owed by now: past their due day, or already submitted. The denominator of both ratios. */
  owed: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  /** ⌊10000 × submitted / owed⌋ (10000 when nothing is owed yet). */
  completenessBasisPoints: number;
  /** ⌊10000 × onTime / owed⌋. */
  timelinessBasisPoints: number;
}

export function emptySummary(): ReportSummary {
  return {
    expected: 0,
    owed: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    notDue: 0,
    completenessBasisPoints: 10_000,
    timelinessBasisPoints: 10_000,
  };
}

function add(summary: ReportSummary, report: AssessedReport): void {
  summary.expected++;
  if (report.status === 'not-due') summary.notDue++;
  else {
    summary.owed++;
    if (report.status === 'missing') summary.missing++;
    else {
      summary.submitted++;
      if (report.status === 'on-time') summary.onTime++;
      else summary.late++;
    }
  }
}

function finish(summary: ReportSummary): ReportSummary {
  if (summary.owed > 0) {
    summary.completenessBasisPoints = Math.floor((summary.submitted * 10_000) / summary.owed);
    summary.timelinessBasisPoints = Math.floor((summary.onTime * 10_000) / summary.owed);
  }
  return summary;
}

/**
 * Completeness (submitted / owed) and timeliness (on time / owed).
 * @example summarizeReports(assessReports(expected, submissions, '2024-01-31')).completenessBasisPoints
 */
export function summarizeReports(reports: readonly AssessedReport[]): ReportSummary {
  const summary = emptySummary();
  for (const report of reports) add(summary, report);
  return finish(summary);
}

/**
 * Summaries for every region that has a reporting unit in it — the unit's own region and each ancestor up
 * to the province — so a county's, city's or province's figures are one map read.
 * @param regionOfUnit the region code of a unit id
 */
export function summarizeByRegion(
  reports: readonly AssessedReport[],
  regionOfUnit: (unitId: string) => string,
): Map<string, ReportSummary> {
  const chains = new Map<string, string[]>();
  const out = new Map<string, ReportSummary>();
  for (const report of reports) {
    const region = regionOfUnit(report.unitId);
    let chain = chains.get(region);
    if (!chain) {
      chain = parentChain(region).map((r) => r.code);
      chains.set(region, chain);
    }
    for (const code of chain) {
      let summary = out.get(code);
      if (!summary) {
        summary = emptySummary();
        out.set(code, summary);
      }
      add(summary, report);
    }
  }
  for (const summary of out.values()) finish(summary);
  return out;
}
