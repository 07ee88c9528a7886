import { createHash, randomUUID } from 'node:crypto';
import {
  checkCadence,
  decideRenewal as decideContractYear,
  type EvaluationProfile,
  type EvaluationRecordInput,
  type EvaluationScheme,
  type EvaluationScore,
  type EvaluatorEntry,
  EvaluatorEntrySchema,
  EvaluatorLevelSchema,
  evaluationProfileFor,
  type Grade,
  getScheme,
  type HubFacts,
  type IneligibilityPeriod,
  PointsSchema,
  type RenewalDecision,
  scoreEvaluation,
  type VetoEntry,
  VetoEntrySchema,
} from '@shegong/evaluation';
import type { HubEventInput } from '@shegong/events';
import {
  addDays,
  DomainError,
  EvaluationKindSchema,
  type Finding,
  type IsoDate,
  IsoDateSchema,
  periodEnd,
  yearOf,
} from '@shegong/kernel';
import { appendToOutbox } from '@shegong/messaging';
import { codePrefix, contains } from '@shegong/regions';
import type { ResidentWorker } from '@shegong/staffing';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { EvaluationsTable, RenewalsTable, ReportingDatabase } from '../db/schema.ts';
import { regionOf } from './regions.ts';

type Db = Kysely<ReportingDatabase> | Transaction<ReportingDatabase>;

// ---------------------------------------------------------------------------------------------------------
// Requests

const IdSchema = z.string().trim().min(1).max(200);
const EvidenceSchema = z
  .array(z.string().trim().min(1, { message: 'an evidence reference is not empty' }))
  .min(1, { message: 'a figure the hub does not hold is entered with the evidence it comes from' });
const count = z.number().int().nonnegative();

/**
 * Facts an evaluator enters because reporting does not hold them, each with its evidence. A fact reporting
 * holds is never entered (refused, naming the field): nobody types a number the hub already knows.
 * - `serviceTarget`: the quantity the contract sets for the period (服务的数量 [ZZ §5.3]); reporting
 *   counts what was delivered from the station's service records;
 * - `reports`: the operator's monthly briefs and mid-term/final reports due and on time [ZZ §5.4] —
 *   reporting's reports are the counties' and cities', not a station's;
 * - `budget`: money spent and planned for the station in the period — funding keeps budgets, and
 *   payments are per contract, not per station;
 * - `training`: only for a station whose resident workers reporting does not know.
 */
export const EnteredFactsSchema = z.object({
  serviceTarget: z
    .object({
      quantity: z.number().int().positive(),
      /** What is counted: service records (人次 served) or beneficiaries. */
      unit: z.enum(['records', 'beneficiaries']).default('records'),
      evidence: EvidenceSchema,
    })
    .optional(),
  reports: z
    .object({ due: count, onTime: count, evidence: EvidenceSchema })
    .refine((r) => r.onTime <= r.due, { message: 'more reports on time than were due', path: ['onTime'] })
    .optional(),
  budget: z
    .object({
      spentFen: count.max(Number.MAX_SAFE_INTEGER),
      plannedFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      evidence: EvidenceSchema,
    })
    .optional(),
  training: z
    .object({
      workers: z.array(z.object({ workerId: z.string().min(1), hours: PointsSchema })).min(1),
      evidence: EvidenceSchema,
    })
    .optional(),
});
export type EnteredFacts = z.output<typeof EnteredFactsSchema>;

/**
 * An evaluation to record: which station (and contract, when the caller knows it), what kind by which level
 * [ZZ §5.3, PY §5.3, WH §3.4], through which evaluator [ZZ §5.6, WH §3.4], for which period, decided on
 * which day, with the evaluator's points and vetoes (each with evidence) and the facts the hub lacks.
 */
export const RecordEvaluationRequestSchema = z
  .object({
    /** The caller's id for the evaluation (a retry with it is refused as a duplicate); generated if absent. */
    id: IdSchema.optional(),
    stationId: IdSchema,
    contractId: IdSchema.optional(),
    kind: EvaluationKindSchema,
    conductedBy: EvaluatorLevelSchema,
    /** The third-party organisation or the team that evaluated. */
    evaluatorName: z.string().trim().min(1).max(200).optional(),
    period: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
    decidedOn: IsoDateSchema,
    /** A packaged scheme other than the profile's (`default`). */
    schemeId: z.string().trim().min(1).optional(),
    entries: z.record(z.string(), EvaluatorEntrySchema).default({}),
    vetoes: z.array(VetoEntrySchema).default([]),
    facts: EnteredFactsSchema.default({}),
    /** Who recorded it: the gateway sets the caller. */
    by: z.string().optional(),
  })
  .refine((r) => r.period.from <= r.period.to, {
    message: 'the period ends before it starts',
    path: ['period', 'to'],
  })
  .refine((r) => r.decidedOn >= r.period.from, {
    message: 'an evaluation is decided on or after the first day of the period it evaluates',
    path: ['decidedOn'],
  });
export type RecordEvaluationRequest = z.input<typeof RecordEvaluationRequestSchema>;

/** `period`: a year (`2024`) or a half-year (`2024-H1`) the evaluations were decided in. */
const PeriodFilterSchema = z
  .string()
  .regex(/^\d{4}(-H[12])?$/, { message: 'a year (2024) or a half-year (2024-H1)' });

export const ListEvaluationsRequestSchema = z.object({
  regionCode: z.string().min(1),
  stationId: IdSchema.optional(),
  period: PeriodFilterSchema.optional(),
});

/** An evaluation is addressed through its station: the gateway places the call by the station. */
export const EvaluationRefSchema = z.object({ stationId: IdSchema, evaluationId: IdSchema });

export const DecideRenewalRequestSchema = z.object({
  contractId: IdSchema,
  /** The year of the contract's cycle (1 for the first): one yearly agreement each [ZZ §5.3]. */
  year: z.number().int().positive(),
  /** The day of the decision; today (in China) by default. */
  decidedOn: IsoDateSchema.optional(),
  by: z.string().optional(),
});
export type DecideRenewalRequest = z.input<typeof DecideRenewalRequestSchema>;

export const ListRenewalsRequestSchema = z.object({
  regionCode: z.string().min(1),
  contractId: IdSchema.optional(),
  year: z.number().int().positive().optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Answers

/** Where one measure's facts came from: reporting's own table, or the evaluator with evidence. */
export type FactSource =
  | { source: 'hub'; table: string; note?: string }
  | { source: 'entered'; evidence: string[] }
  | { source: 'missing' };

export interface Evaluation {
  id: string;
  stationId: string;
  regionCode: string;
  operatorId: string | null;
  contractId: string | null;
  kind: z.infer<typeof EvaluationKindSchema>;
  conductedBy: z.infer<typeof EvaluatorLevelSchema>;
  evaluatorName: string | null;
  period: { from: IsoDate; to: IsoDate };
  decidedOn: IsoDate;
  profileId: string;
  scheme: { id: string; version: string };
  /** The facts the computed indicators were scored on. */
  facts: HubFacts;
  factSources: Record<'staffing' | 'service' | 'reports' | 'budget' | 'training', FactSource>;
  entries: Record<string, EvaluatorEntry>;
  vetoes: VetoEntry[];
  score: EvaluationScore;
  outcome: EvaluationScore['outcome'];
  grade: Grade | null;
  total: number;
  recordedBy: string | null;
}

export interface Renewal {
  id: string;
  contractId: string;
  countyCode: string;
  operatorId: string;
  year: number;
  yearStart: IsoDate;
  yearEnd: IsoDate;
  profileId: string;
  decision: RenewalDecision['decision'];
  discretionary: boolean;
  citation: string;
  reason: RenewalDecision['reason'];
  evidence: RenewalDecision['evidence'];
  consequences: RenewalDecision['consequences'];
  ineligibility: IneligibilityPeriod | null;
  findings: RenewalDecision['findings'];
  decidedOn: IsoDate;
  decidedBy: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Pure parts

/**
 * A scheme's version: the first 12 hex digits of the sha256 of its content. Schemes carry no version
 * number of their own, so an evaluation records exactly which content scored it; editing a scheme file
 * changes the version of the evaluations scored after.
 */
export function schemeVersionOf(scheme: EvaluationScheme): string {
  return createHash('sha256').update(JSON.stringify(scheme)).digest('hex').slice(0, 12);
}

/**
 * The first and last day of a contract's `year` (1-based): the term start's corresponding day, `year - 1`
 * years on, up to the day before the next anniversary, never past the term's end [ZZ §5.3: 一年一签].
 * @example contractYearOf({ termStart: '2024-04-01', termEnd: '2027-03-31' }, 2) // { from: '2025-04-01', to: '2026-03-31' }
 * @throws DomainError `RENEWAL_YEAR_INVALID` naming `year` for a year after the term
 */
export function contractYearOf(
  contract: { id: string; termStart: IsoDate; termEnd: IsoDate },
  year: number,
): { from: IsoDate; to: IsoDate } {
  const from = year === 1 ? contract.termStart : periodEnd(contract.termStart, year - 1, 'year');
  if (from > contract.termEnd) {
    throw new DomainError(
      'RENEWAL_YEAR_INVALID',
      `contract "${contract.id}" runs ${contract.termStart} to ${contract.termEnd}: it has no year ${year}`,
      { path: ['year'], details: { termStart: contract.termStart, termEnd: contract.termEnd } },
    );
  }
  const next = addDays(periodEnd(contract.termStart, year, 'year'), -1);
  // ISO dates compare as text: the earlier of the anniversary's eve and the term's end.
  if (next < contract.termEnd) return { from, to: next };
  return { from, to: contract.termEnd };
}

/** The first and last day of a period filter (`2024`, `2024-H1`). */
function periodRange(period: string): { from: IsoDate; to: IsoDate } {
  const year = period.slice(0, 4);
  if (period.endsWith('-H1')) return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (period.endsWith('-H2')) return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The profile of a region, or a refusal naming the field that carried it. */
function profileOf(regionCode: string, path: Array<string | number>): EvaluationProfile {
  const profile = evaluationProfileFor(regionCode);
  if (!profile) {
    throw new DomainError(
      'EVALUATION_PROFILE_NOT_FOUND',
      `no evaluation profile covers region ${regionCode}: its evaluation rules are not in the hub yet`,
      { path },
    );
  }
  return profile;
}

export const EvaluationSchemeRequestSchema = z.object({ stationId: z.string().trim().min(1).max(200) });
export type EvaluationSchemeRequest = z.input<typeof EvaluationSchemeRequestSchema>;

/** The scheme a station is scored with, and the evaluation profile that chose it. */
export interface StationScheme {
  stationId: string;
  profile: { id: string; label: EvaluationProfile['label'] };
  scheme: EvaluationScheme;
}

/**
 * The evaluation scheme `recordEvaluation` scores a station with when no `schemeId` is given: its
 * region's evaluation profile's [ZZ §6.4, PY §6.6], so an entry screen asks for exactly the indicators,
 * points and veto items the server will score — a province that adopts its own scheme changes the screens
 * with no release of theirs.
 * @throws DomainError `STATION_NOT_FOUND` naming `stationId`, `EVALUATION_PROFILE_NOT_FOUND`
 */
export async function schemeForStation(
  db: Kysely<ReportingDatabase>,
  raw: EvaluationSchemeRequest,
): Promise<StationScheme> {
  const input = EvaluationSchemeRequestSchema.parse(raw);
  const station = await db
    .selectFrom('stations')
    .select(['id', 'region_code'])
    .where('id', '=', input.stationId)
    .executeTakeFirst();
  if (!station?.region_code) {
    throw new DomainError('STATION_NOT_FOUND', `reporting knows no registered station "${input.stationId}"`, {
      path: ['stationId'],
    });
  }
  const profile = profileOf(station.region_code, ['stationId']);
  return {
    stationId: station.id,
    profile: { id: profile.id, label: profile.label },
    scheme: getScheme(profile.rules.scheme),
  };
}

/**
 * Who may hold which evaluation: the county's own are mid-term, final or annual [ZZ §5.3, PY §5.3, WH §3.4];
 * spot checks are by the levels the profile names (ZZ: city and province; PY, WH: the city) [ZZ §5.3,
 * PY §5.3, WH §3.5].
 * @throws DomainError `EVALUATION_LEVEL_INVALID` naming `conductedBy`
 */
export function checkEvaluator(
  profile: EvaluationProfile,
  kind: z.infer<typeof EvaluationKindSchema>,
  conductedBy: z.infer<typeof EvaluatorLevelSchema>,
): void {
  if (kind !== 'spot-check') {
    if (conductedBy === 'county') return;
    const citation = profile.rules.cadence?.citation ?? 'ZZ §5.3, PY §5.3';
    throw new DomainError(
      'EVALUATION_LEVEL_INVALID',
      `a ${kind} evaluation is the county's own [${citation}]; a ${conductedBy} records a spot check (kind: spot-check)`,
      { path: ['conductedBy'], details: { kind, conductedBy, citation } },
    );
  }
  const spot = profile.rules.spotChecks;
  if (conductedBy === 'county' || !spot?.by.includes(conductedBy)) {
    const by = spot?.by.join(', ') ?? 'nobody';
    throw new DomainError(
      'EVALUATION_LEVEL_INVALID',
      `spot checks in ${profile.label.zh} are carried out by: ${by} [${spot?.citation ?? 'ZZ §5.3'}]; not by the ${conductedBy}`,
      { path: ['conductedBy'], details: { kind, conductedBy, allowed: spot?.by ?? [] } },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Facts from reporting's data

interface StationPlace {
  id: string;
  region_code: string;
  region_path: string[];
}

interface ContractRow {
  id: string;
  county_code: string;
  operator_id: string;
  station_ids: string[];
  term_start: string;
  term_end: string;
}

/**
 * The facts the computed indicators read, and where each came from:
 * - `staffing`: the station's current verdict in `station_compliance` (kept by the staffing events; its
 *   `asOf` is in the source note), missing while the station is not evaluated;
 * - `service`: delivered = the station's `service_records` dated in the period (records, or the sum of
 *   beneficiaries), against the contract's quantity the evaluator enters (`facts.serviceTarget`);
 * - `training`: continuing-education hours (every kind counts [ZZ §6.5]) of the station's resident workers
 *   in `workers`, in the calendar year of the period's end up to that day; entered only when reporting
 *   knows none of the station's workers;
 * - `reports`, `budget`: entered with evidence (see `EnteredFactsSchema`).
 */
async function gatherFacts(
  db: Db,
  station: StationPlace,
  period: { from: IsoDate; to: IsoDate },
  entered: EnteredFacts,
): Promise<{ facts: HubFacts; sources: Evaluation['factSources'] }> {
  const facts: HubFacts = {};
  const sources = {} as Evaluation['factSources'];

  const compliance = await db
    .selectFrom('station_compliance')
    .select(['as_of', 'compliant', 'errors', 'warnings'])
    .where('station_id', '=', station.id)
    .executeTakeFirst();
  if (compliance && compliance.compliant !== null) {
    facts.staffing = { errors: compliance.errors, warnings: compliance.warnings };
    sources.staffing = {
      source: 'hub',
      table: 'station_compliance',
      note: `findings as of ${compliance.as_of}`,
    };
  } else sources.staffing = { source: 'missing' };

  if (entered.serviceTarget) {
    const { quantity, unit, evidence } = entered.serviceTarget;
    const delivered = await sql<{ n: string }>`
      select ${unit === 'records' ? sql`count(*)` : sql`coalesce(sum(beneficiaries), 0)`}::bigint as n
      from reporting.service_records
      where station_id = ${station.id} and date between ${period.from} and ${period.to}`.execute(db);
    facts.service = { delivered: Number(delivered.rows[0]?.n ?? 0), target: quantity, unit };
    sources.service = {
      source: 'hub',
      table: 'service_records',
      note: `delivered counted by the hub; target entered with evidence: ${evidence.join('; ')}`,
    };
  } else sources.service = { source: 'missing' };

  const workers = await db
    .selectFrom('workers')
    .select(['id', 'snapshot'])
    .where('station_id', '=', station.id)
    .orderBy('id')
    .execute();
  if (workers.length > 0) {
    if (entered.training) {
      throw new DomainError(
        'EVALUATION_FACT_KNOWN',
        `the hub holds the training records of station ${station.id}'s ${workers.length} resident workers: training hours are computed, not entered`,
        { path: ['facts', 'training'] },
      );
    }
    const yearStart = `${yearOf(period.to)}-01-01`;
    facts.training = {
      workers: workers.map((w) => {
        const worker = w.snapshot as ResidentWorker;
        const hours = (worker.trainings ?? [])
          .filter((t) => t.date >= yearStart && t.date <= period.to)
          .reduce((sum, t) => sum + Math.round(t.hours * 100), 0);
        return { workerId: w.id, hours: hours / 100 };
      }),
    };
    sources.training = { source: 'hub', table: 'workers', note: `hours from ${yearStart} to ${period.to}` };
  } else if (entered.training) {
    facts.training = { workers: entered.training.workers };
    sources.training = { source: 'entered', evidence: entered.training.evidence };
  } else sources.training = { source: 'missing' };

  if (entered.reports) {
    facts.reports = { due: entered.reports.due, onTime: entered.reports.onTime };
    sources.reports = { source: 'entered', evidence: entered.reports.evidence };
  } else sources.reports = { source: 'missing' };
  if (entered.budget) {
    facts.budget = { spentFen: entered.budget.spentFen, plannedFen: entered.budget.plannedFen };
    sources.budget = { source: 'entered', evidence: entered.budget.evidence };
  } else sources.budget = { source: 'missing' };
  return { facts, sources };
}

/** The contract named (it must cover the station), else the one covering the station on the day. */
async function contractFor(
  db: Db,
  stationId: string,
  contractId: string | undefined,
  on: IsoDate,
): Promise<ContractRow | null> {
  const select = db
    .selectFrom('contracts')
    .select(['id', 'county_code', 'operator_id', 'station_ids', 'term_start', 'term_end']);
  if (contractId !== undefined) {
    const row = await select.where('id', '=', contractId).executeTakeFirst();
    if (!row) {
      throw new DomainError('CONTRACT_NOT_FOUND', `reporting knows no contract "${contractId}"`, {
        path: ['contractId'],
      });
    }
    if (!row.station_ids.includes(stationId)) {
      throw new DomainError(
        'EVALUATION_CONTRACT_MISMATCH',
        `contract "${contractId}" does not cover station ${stationId} (it covers ${row.station_ids.join(', ') || 'no station'})`,
        { path: ['contractId'] },
      );
    }
    return row;
  }
  const rows = await select
    .where(sql<boolean>`station_ids @> array[${stationId}]::text[]`)
    .where('term_start', '<=', on)
    .where('term_end', '>=', on)
    .execute();
  // Two contracts covering one station on one day: the caller must say which.
  return rows.length === 1 ? (rows[0] as ContractRow) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluations

type EvaluationRow = Selectable<EvaluationsTable>;

function toEvaluation(row: EvaluationRow): Evaluation {
  return {
    id: row.id,
    stationId: row.station_id,
    regionCode: row.region_code,
    operatorId: row.operator_id,
    contractId: row.contract_id,
    kind: row.kind,
    conductedBy: row.conducted_by,
    evaluatorName: row.evaluator_name,
    period: { from: row.period_start, to: row.period_end },
    decidedOn: row.decided_on,
    profileId: row.profile_id,
    scheme: { id: row.scheme_id, version: row.scheme_version },
    facts: row.hub_facts as HubFacts,
    factSources: row.fact_sources as Evaluation['factSources'],
    entries: row.entries as Record<string, EvaluatorEntry>,
    vetoes: row.vetoes as VetoEntry[],
    score: row.score as EvaluationScore,
    outcome: row.outcome,
    grade: row.grade,
    total: Number(row.total),
    recordedBy: row.recorded_by,
  };
}

/**
 * Records an evaluation: checks who may hold it, fills the computed indicators' facts from reporting's own
 * data (see `gatherFacts`), scores it with `@shegong/evaluation` under the scheme of the station's profile,
 * stores facts, entries, vetoes and the breakdown, and appends `evaluation.recorded.v1` — one transaction.
 * An evaluation with something missing is stored as `incomplete` (no grade) with what is missing listed.
 * @example
 * await recordEvaluation(db, { stationId: 'st-1', kind: 'annual', conductedBy: 'county',
 *   period: { from: '2024-04-01', to: '2025-03-31' }, decidedOn: '2025-03-20', entries, vetoes, facts });
 * @throws DomainError `STATION_NOT_FOUND`, `CONTRACT_NOT_FOUND`, `EVALUATION_CONTRACT_MISMATCH`,
 *   `EVALUATION_LEVEL_INVALID`, `EVALUATION_FACT_KNOWN`, `SCHEME_NOT_FOUND`, `EVALUATION_INPUT_INVALID`
 *   (entries or vetoes at odds with the scheme), `EVALUATION_DUPLICATE`
 */
export async function recordEvaluation(
  db: Kysely<ReportingDatabase>,
  raw: RecordEvaluationRequest,
): Promise<Evaluation> {
  const input = RecordEvaluationRequestSchema.parse(raw);
  return db.transaction().execute(async (trx) => {
    const station = await trx
      .selectFrom('stations')
      .select(['id', 'region_code', 'region_path'])
      .where('id', '=', input.stationId)
      .executeTakeFirst();
    if (!station?.region_code || !station.region_path) {
      throw new DomainError(
        'STATION_NOT_FOUND',
        `reporting knows no registered station "${input.stationId}"`,
        {
          path: ['stationId'],
        },
      );
    }
    const place: StationPlace = {
      id: station.id,
      region_code: station.region_code,
      region_path: station.region_path,
    };
    const profile = profileOf(place.region_code, ['stationId']);
    checkEvaluator(profile, input.kind, input.conductedBy);
    let scheme: EvaluationScheme;
    try {
      scheme = getScheme(input.schemeId ?? profile.rules.scheme);
    } catch (error) {
      throw new DomainError('SCHEME_NOT_FOUND', (error as Error).message, { path: ['schemeId'] });
    }
    const contract = await contractFor(trx, place.id, input.contractId, input.decidedOn);
    const { facts, sources } = await gatherFacts(trx, place, input.period, input.facts);
    const score = scoreEvaluation(scheme, {
      stationId: place.id,
      regionCode: place.region_code,
      period: input.period,
      hub: facts,
      entries: input.entries,
      vetoes: input.vetoes,
    });
    const id = input.id ?? `ev-${randomUUID()}`;
    const inserted = await trx
      .insertInto('evaluations')
      .values({
        id,
        station_id: place.id,
        region_code: place.region_code,
        region_path: place.region_path,
        operator_id: contract?.operator_id ?? null,
        contract_id: contract?.id ?? null,
        kind: input.kind,
        conducted_by: input.conductedBy,
        evaluator_name: input.evaluatorName ?? null,
        period_start: input.period.from,
        period_end: input.period.to,
        decided_on: input.decidedOn,
        profile_id: profile.id,
        scheme_id: scheme.id,
        scheme_version: schemeVersionOf(scheme),
        hub_facts: JSON.stringify(facts),
        fact_sources: JSON.stringify(sources),
        entries: JSON.stringify(input.entries),
        vetoes: JSON.stringify(input.vetoes),
        score: JSON.stringify(score),
        outcome: score.outcome,
        grade: score.grade,
        total: score.total,
        recorded_by: input.by ?? null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      throw new DomainError('EVALUATION_DUPLICATE', `an evaluation with the id "${id}" is recorded already`, {
        path: ['id'],
      });
    }
    const evaluation = toEvaluation(inserted);
    await appendToOutbox(trx, [
      {
        id: randomUUID(),
        occurredAt: new Date().toISOString(),
        source: 'reporting',
        key: `station:${evaluation.stationId}`,
        type: 'evaluation.recorded.v1',
        data: {
          evaluationId: evaluation.id,
          stationId: evaluation.stationId,
          regionCode: evaluation.regionCode,
          operatorId: evaluation.operatorId,
          contractId: evaluation.contractId,
          kind: evaluation.kind,
          conductedBy: evaluation.conductedBy,
          periodStart: evaluation.period.from,
          periodEnd: evaluation.period.to,
          decidedOn: evaluation.decidedOn,
          schemeId: evaluation.scheme.id,
          schemeVersion: evaluation.scheme.version,
          outcome: evaluation.outcome,
          grade: evaluation.grade,
          total: evaluation.total,
        },
      } satisfies HubEventInput,
    ]);
    return evaluation;
  });
}

/**
 * One evaluation of a station. An evaluation of another station than the one named answers like a missing
 * one: the gateway placed the call by the station.
 * @throws DomainError `EVALUATION_NOT_FOUND`
 */
export async function getEvaluation(
  db: Kysely<ReportingDatabase>,
  ref: z.infer<typeof EvaluationRefSchema>,
): Promise<Evaluation> {
  const row = await db
    .selectFrom('evaluations')
    .selectAll()
    .where('id', '=', ref.evaluationId)
    .where('station_id', '=', ref.stationId)
    .executeTakeFirst();
  if (!row) {
    throw new DomainError(
      'EVALUATION_NOT_FOUND',
      `no evaluation "${ref.evaluationId}" of station ${ref.stationId}`,
      { path: ['evaluationId'] },
    );
  }
  return toEvaluation(row);
}

/** The evaluations of the stations inside a region, optionally of one station and year or half-year. */
export async function listEvaluations(
  db: Kysely<ReportingDatabase>,
  input: z.infer<typeof ListEvaluationsRequestSchema>,
): Promise<Evaluation[]> {
  const region = regionOf(input.regionCode);
  let query = db
    .selectFrom('evaluations')
    .selectAll()
    .where(sql<boolean>`region_path @> array[${region.code}]::text[]`)
    .orderBy('decided_on')
    .orderBy('station_id')
    .orderBy('id');
  if (input.stationId !== undefined) query = query.where('station_id', '=', input.stationId);
  if (input.period !== undefined) {
    const { from, to } = periodRange(input.period);
    query = query.where('decided_on', '>=', from).where('decided_on', '<=', to);
  }
  return (await query.execute()).map(toEvaluation);
}

// ---------------------------------------------------------------------------------------------------------
// Renewals

type RenewalRow = Selectable<RenewalsTable>;

function toRenewal(row: RenewalRow): Renewal {
  return {
    id: row.id,
    contractId: row.contract_id,
    countyCode: row.county_code,
    operatorId: row.operator_id,
    year: row.year,
    yearStart: row.year_start,
    yearEnd: row.year_end,
    profileId: row.profile_id,
    decision: row.decision,
    discretionary: row.discretionary,
    citation: row.citation,
    reason: row.reason as Renewal['reason'],
    evidence: row.evidence as Renewal['evidence'],
    consequences: row.consequences as Renewal['consequences'],
    ineligibility: (row.ineligibility as IneligibilityPeriod | null) ?? null,
    findings: row.findings as Renewal['findings'],
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
  };
}

/** `C-1-y2`: one decision per contract year. */
export function renewalIdOf(contractId: string, year: number): string {
  return `${contractId}-y${year}`;
}

/**
 * Decides whether a contract year's agreement is renewed, on the evaluations stored for the contract (or
 * its stations) decided inside that year, under the profile of the purchasing county: ZZ/PY renew only
 * after the annual evaluation passes, otherwise re-procure [ZZ §5.3, PY §5.3]; WH may renew when every
 * evaluation is excellent, else exit and temporary takeover [WH §3.4]; a failing evaluation brings
 * rectification and a period without eligibility where the profile says so [ZZ §6.4]. Stored with its
 * evidence; a renew / re-procure decision is final and published as `renewal.decided.v1` (with the
 * ineligibility period) in the same transaction. An `undetermined` one (no graded evaluation yet) is
 * stored, not published, and may be decided again once the evaluation is in.
 * @throws DomainError `CONTRACT_NOT_FOUND`, `RENEWAL_YEAR_INVALID`, `EVALUATION_PROFILE_NOT_FOUND`,
 *   `RENEWAL_CONFLICT` (the year is decided already)
 */
export async function decideRenewal(
  db: Kysely<ReportingDatabase>,
  raw: DecideRenewalRequest,
  today: IsoDate,
): Promise<Renewal> {
  const input = DecideRenewalRequestSchema.parse(raw);
  const decidedOn = input.decidedOn ?? today;
  return db.transaction().execute(async (trx) => {
    const contract = await trx
      .selectFrom('contracts')
      .select(['id', 'county_code', 'operator_id', 'station_ids', 'term_start', 'term_end'])
      .where('id', '=', input.contractId)
      .forUpdate()
      .executeTakeFirst();
    if (!contract) {
      throw new DomainError('CONTRACT_NOT_FOUND', `reporting knows no contract "${input.contractId}"`, {
        path: ['contractId'],
      });
    }
    const span = contractYearOf(
      { id: contract.id, termStart: contract.term_start, termEnd: contract.term_end },
      input.year,
    );
    const profile = profileOf(contract.county_code, ['contractId']);
    const id = renewalIdOf(contract.id, input.year);
    const before = await trx.selectFrom('renewals').selectAll().where('id', '=', id).executeTakeFirst();
    if (before && before.decision !== 'undetermined') {
      throw new DomainError(
        'RENEWAL_CONFLICT',
        `year ${input.year} of contract "${contract.id}" was decided on ${before.decided_on}: ${before.decision}`,
        { path: ['year'], details: { decision: before.decision, decidedOn: before.decided_on } },
      );
    }
    const rows = await trx
      .selectFrom('evaluations')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('contract_id', '=', contract.id),
          eb.and([
            eb('contract_id', 'is', null),
            eb('station_id', 'in', contract.station_ids.length > 0 ? contract.station_ids : ['']),
          ]),
        ]),
      )
      .where('decided_on', '>=', span.from)
      .where('decided_on', '<=', span.to)
      .execute();
    const records: EvaluationRecordInput[] = rows.map((r) => ({
      id: r.id,
      stationId: r.station_id,
      contractId: contract.id,
      operatorId: contract.operator_id,
      date: r.decided_on,
      kind: r.kind,
      conductedBy: r.conducted_by,
      ...(r.evaluator_name ? { thirdParty: r.evaluator_name } : {}),
      ...(r.grade ? { grade: r.grade } : {}),
      vetoed: r.outcome === 'vetoed',
    }));
    const decision = decideContractYear(
      profile,
      {
        contractId: contract.id,
        operatorId: contract.operator_id,
        year: input.year,
        from: span.from,
        to: span.to,
      },
      records,
    );
    const values = {
      id,
      contract_id: contract.id,
      county_code: contract.county_code,
      operator_id: contract.operator_id,
      year: input.year,
      year_start: span.from,
      year_end: span.to,
      profile_id: profile.id,
      decision: decision.decision,
      discretionary: decision.discretionary,
      citation: decision.citation,
      reason: JSON.stringify(decision.reason),
      evidence: JSON.stringify(decision.evidence),
      consequences: JSON.stringify(decision.consequences),
      ineligibility: decision.ineligibility ? JSON.stringify(decision.ineligibility) : null,
      findings: JSON.stringify(decision.findings),
      decided_on: decidedOn,
      decided_by: input.by ?? null,
    };
    const { id: _id, ...update } = values;
    const row = await trx
      .insertInto('renewals')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...update, updated_at: sql`now()` }))
      .returningAll()
      .executeTakeFirstOrThrow();
    const renewal = toRenewal(row);
    if (renewal.decision !== 'undetermined') {
      await appendToOutbox(trx, [
        {
          id: randomUUID(),
          occurredAt: new Date().toISOString(),
          source: 'reporting',
          key: `contract:${renewal.contractId}`,
          type: 'renewal.decided.v1',
          data: {
            renewalId: renewal.id,
            contractId: renewal.contractId,
            operatorId: renewal.operatorId,
            countyCode: renewal.countyCode,
            year: renewal.year,
            decision: renewal.decision,
            discretionary: renewal.discretionary,
            citation: renewal.citation,
            decidedOn: renewal.decidedOn,
            evidence: renewal.evidence.map((e) => e.id),
            consequences: renewal.consequences.map((c) => ({ kind: c.kind, citation: c.citation })),
            ineligibility: renewal.ineligibility,
          },
        } satisfies HubEventInput,
      ]);
    }
    return renewal;
  });
}

/** The renewal decisions of the contracts of the counties inside a region, by contract and year. */
export async function listRenewals(
  db: Kysely<ReportingDatabase>,
  input: z.infer<typeof ListRenewalsRequestSchema>,
): Promise<Renewal[]> {
  const region = regionOf(input.regionCode);
  // A township's contracts are its county's: a contract names its purchaser county only.
  const prefix = codePrefix(region.code, region.level);
  let query = db
    .selectFrom('renewals')
    .selectAll()
    .where('county_code', 'like', `${prefix.slice(0, 6)}%`)
    .orderBy('contract_id')
    .orderBy('year');
  if (input.contractId !== undefined) query = query.where('contract_id', '=', input.contractId);
  if (input.year !== undefined) query = query.where('year', '=', input.year);
  const rows = await query.execute();
  return rows
    .filter((r) =>
      region.level === 'township'
        ? r.county_code === region.code.slice(0, 6)
        : contains(region.code, r.county_code),
    )
    .map(toRenewal);
}

// ---------------------------------------------------------------------------------------------------------
// Cadence

export const EvaluationCadenceRequestSchema = z.object({
  regionCode: z.string().min(1),
  /** The calendar year whose evaluations are counted. */
  year: z.number().int().min(2000).max(2100),
});

/** How a region's stations stand against the evaluations their profiles require in a year. */
export interface EvaluationCadence {
  regionCode: string;
  name: string;
  year: number;
  asOf: IsoDate;
  /** Stations opened by the year's end and not closed (their profile may require no cadence). */
  stations: number;
  /** Stations short of the evaluations required: a `warning` while the year runs, an `error` after. */
  short: number;
  findings: Finding[];
}

/**
 * Checks every station of a region opened by the year's end and not closed since against its profile's evaluation cadence — the
 * county's two concentrated evaluations a year [ZZ §5.3, PY §5.3], Wuhan's mid-term at least once a year
 * [WH §3.4] — from the evaluations stored here (`@shegong/evaluation`'s `checkCadence`; spot checks are
 * listed but never counted). A shortfall is a warning until the year is over.
 * @throws DomainError `REGION_UNKNOWN` naming `regionCode`
 */
export async function checkEvaluationCadence(
  db: Kysely<ReportingDatabase>,
  input: z.infer<typeof EvaluationCadenceRequestSchema>,
  today: IsoDate,
): Promise<EvaluationCadence> {
  const region = regionOf(input.regionCode);
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const stations = await sql<{ id: string; region_code: string }>`
    select id, region_code from reporting.stations
    where region_path @> array[${region.code}]::text[] and opened_on is not null and opened_on <= ${to}
      and status in ('operating', 'suspended')
    order by id`.execute(db);
  const ids = stations.rows.map((s) => s.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('evaluations')
          .select(['id', 'station_id', 'decided_on', 'kind', 'conducted_by'])
          .where('station_id', 'in', ids)
          .where('decided_on', '>=', from)
          .where('decided_on', '<=', to)
          .execute();
  const findings: Finding[] = [];
  for (const station of stations.rows) {
    const profile = evaluationProfileFor(station.region_code);
    if (!profile) continue;
    const records: EvaluationRecordInput[] = rows
      .filter((r) => r.station_id === station.id)
      .map((r) => ({
        id: r.id,
        stationId: r.station_id,
        date: r.decided_on,
        kind: r.kind,
        conductedBy: r.conducted_by,
      }));
    findings.push(
      ...checkCadence({ stationId: station.id, year: input.year, records, profile, asOf: today }),
    );
  }
  return {
    regionCode: region.code,
    name: region.name,
    year: input.year,
    asOf: today,
    stations: stations.rows.length,
    short: findings.length,
    findings,
  };
}
