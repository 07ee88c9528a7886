import type { ConsumerTables } from '@shegong/messaging';
import type { ColumnType, Generated } from 'kysely';

/** The service's Postgres schema: every table below lives in it. */
export const SCHEMA = 'reporting';

/** jsonb columns: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** numeric columns: pg returns them as text so no precision is lost. */
type Numeric = ColumnType<string, string | number, string | number>;

/**
 * A station as reporting knows it from `station.registered.v1` / `station.status-changed.v1`. A station
 * first seen through a status change (a producer that misbehaved) has no region until it is registered.
 */
export interface StationsTable {
  id: string;
  /** Township (9 digits) or county (6 digits); null until `station.registered.v1` arrives. */
  region_code: string | null;
  /** The region and its ancestors, province first (`['410000', '410100', '410105', '410105001']`). */
  region_path: string[] | null;
  name: string | null;
  station_type: string | null;
  status: string;
  project_start_on: string | null;
  /** First day the station was seen operating. */
  opened_on: string | null;
  /** Date of the registration event; null for a station known only from a status change so far. */
  registered_on: string | null;
  updated_at: Generated<Date>;
}

/** The latest snapshot of a resident worker (`worker.upserted.v1`). */
export interface WorkersTable {
  id: string;
  station_id: string;
  snapshot: Json<unknown>;
  updated_at: Generated<Date>;
}

export interface SupervisorsTable {
  id: string;
  station_id: string;
  snapshot: Json<unknown>;
  updated_at: Generated<Date>;
}

/** Staff changes have no id of their own: the event that filed one identifies it. */
export interface StaffChangesTable {
  event_id: string;
  station_id: string;
  worker_id: string;
  snapshot: Json<unknown>;
}

export interface ContractsTable {
  id: string;
  county_code: string;
  operator_id: string;
  station_ids: string[];
  signed_on: string;
  term_start: string;
  term_end: string;
  amount_fen: ColumnType<number, number, number>;
}

export interface PaymentsTable {
  id: string;
  contract_id: string;
  county_code: string;
  amount_fen: ColumnType<number, number, number>;
  paid_on: string;
}

/** The current staffing findings of one station, replaced on every re-evaluation. */
export interface StationComplianceTable {
  station_id: string;
  as_of: string;
  /** The policy profile used; null when no profile covers the station's region (not evaluated). */
  profile_id: string | null;
  /** No `error` finding; null when not evaluated. */
  compliant: boolean | null;
  errors: number;
  warnings: number;
  infos: number;
  findings: Json<unknown>;
  evaluated_at: Generated<Date>;
}

/** Operating stations per region, every level; kept by the station events. */
export interface CoverageTable {
  region_code: string;
  operating_stations: number;
  /** Operating stations of type `township-station`. */
  township_stations: number;
  /** Townships with at least one operating township station (for a township: 0 or 1). */
  covered_townships: number;
}

/** A service record as ingested (the raw data; rollups are kept beside it, never computed from it on read). */
export interface ServiceRecordsTable {
  station_id: string;
  id: string;
  catalog_id: string;
  item_ref: string;
  populations: string[];
  kind: string;
  date: string;
  beneficiaries: number;
  hours: Numeric;
  volunteers: number;
  /** The canonical domains the item maps to (the crosswalk at ingest time). */
  domains: string[];
  request_id: ColumnType<number, number, number>;
}

/** One ingest call per idempotency key, with the result the first call returned. */
export interface IngestRequestsTable {
  id: Generated<number>;
  idempotency_key: string;
  /** sha256 of the request body, so a key reused for different records is refused. */
  request_hash: string;
  result: Json<unknown> | null;
  created_at: Generated<Date>;
}

/**
 * Ingest requests whose stored records are not in the rollups yet (`rollups: 'background'`); a fold adds
 * them and deletes the mark in one transaction. No index on `service_records.request_id`: only a fold
 * whose process lost the records it held (a crash) reads them back, by a scan.
 */
export interface RollupPendingTable {
  request_id: ColumnType<number, number, never>;
  marked_at: Generated<Date>;
}

/** The population dictionary of the packed rollups: array position = ordinal + 1; ordinal 0 is `all`. */
export interface RollupPopulationsTable {
  ordinal: number;
  code: string;
}

/**
 * Service totals per region (every level) × month × canonical domain, one array element per population
 * (see `rollup_populations`). `domain = 'all'` and the `all` population hold totals that count each record
 * once. Read it through `service_rollup_cells`.
 */
export interface ServiceRollupsTable {
  region_code: string;
  period: string;
  domain: string;
  records: number[];
  beneficiaries: number[];
  hours_centi: number[];
  volunteers: number[];
}

/**
 * The view of the rollups as the flat cube: region × month × domain × population, non-empty cells only;
 * the township level added up from its stations' raw records (the rollups store province, city, county).
 */
export interface ServiceRollupCellsView {
  region_code: string;
  period: string;
  domain: string;
  population: string;
  records: number;
  beneficiaries: number;
  hours: Numeric;
  volunteers: number;
}

/** A periodic report of a county or city (a definition of `@shegong/plans`) for one period. */
export interface ReportsTable {
  id: string;
  definition_id: string;
  definition_version: string;
  unit_region_code: string;
  /** `2023-Q1`, `2023-H1`, `2023-03`. */
  period_key: string;
  period_start: string;
  period_end: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  /** What the hub's data says, computed when drafted (`ReportFigures`); never edited. */
  figures: Json<unknown>;
  /** Corrections beside the computed figures (`ReportCorrection[]`), each with its reason. */
  corrections: ColumnType<unknown, string | undefined, string>;
  narrative: string | null;
  due_on: string;
  submitted_at: Date | null;
  /** The calendar day in China the submission counts for (timeliness). */
  submitted_on: string | null;
  /** The first submission's day: timeliness counts it, a resubmission after a return does not reset it. */
  first_submitted_on: string | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  returned_at: Date | null;
  returned_by: string | null;
  return_reason: string | null;
  /** Accepted (签收) up the chain after the approval; cleared by an unlock. */
  accepted_at: Date | null;
  accepted_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A unit × period closed by an approved report: service records dated inside it are refused. */
export interface ReportLocksTable {
  unit_region_code: string;
  period_start: string;
  period_end: string;
  locked_by_report_id: string;
  locked_at: Generated<Date>;
}

/** The years whose report calendar has been laid out (every unit's expected reports exist). */
export interface ReportCalendarYearsTable {
  year: number;
  laid_out_at: Generated<Date>;
}

/**
 * One row once operators' project reports (mid-term, final: keyed by contract year, no calendar year) have
 * been laid out from the contracts and stations; later events keep them current.
 */
export interface ReportProjectLayoutTable {
  id: Generated<boolean>;
  laid_out_at: Generated<Date>;
}

/**
 * A report a unit owes: definition × unit × period from the report profiles' calendars, with the state of
 * the unit's report as far as completeness needs it (first submission day, status).
 */
export interface ReportExpectationsTable {
  definition_id: string;
  /** A city or county for its own reports; the township of the operating station for operators' briefs. */
  unit_region_code: string;
  period_key: string;
  definition_version: string;
  period_start: string;
  period_end: string;
  due_on: string;
  /** The unit and its ancestors, province first: the regions the report counts in. */
  region_path: string[];
  /** The first submission's day; null while nothing has been received. */
  first_submitted_on: string | null;
  status: string | null;
}

/** Completeness counters per region (every level) × period × definition × due day. */
export interface ReportCompletenessTable {
  region_code: string;
  period_key: string;
  definition_id: string;
  due_on: string;
  period_start: string;
  expected: number;
  /** Submitted at least once (a return does not take it back). */
  received: number;
  /** First submitted on or before the due day. */
  on_time: number;
  approved: number;
  /** Received, then returned or unlocked, and not submitted again yet. */
  in_revision: number;
}

/**
 * A station evaluation recorded in the hub [ZZ §5.3, PY §5.3, WH §3.4]: the facts its computed indicators
 * read (and where each came from), the evaluator's entries and vetoes with evidence, and the score.
 */
export interface EvaluationsTable {
  id: string;
  station_id: string;
  region_code: string;
  /** The station's region and its ancestors, for listing by any region. */
  region_path: string[];
  operator_id: string | null;
  contract_id: string | null;
  kind: 'mid-term' | 'final' | 'annual' | 'spot-check';
  conducted_by: 'county' | 'city' | 'province';
  /** The third party or team that evaluated [ZZ §5.6, WH §3.4]. */
  evaluator_name: string | null;
  period_start: string;
  period_end: string;
  decided_on: string;
  profile_id: string;
  scheme_id: string;
  scheme_version: string;
  /** `HubFacts` as scored. */
  hub_facts: Json<unknown>;
  /** Per measure: `hub` (reporting's own data, with the table) or `entered` (with evidence). */
  fact_sources: Json<unknown>;
  entries: Json<unknown>;
  vetoes: Json<unknown>;
  /** `EvaluationScore`: dimensions, indicators with their facts, vetoes, missing inputs, findings. */
  score: Json<unknown>;
  outcome: 'graded' | 'vetoed' | 'incomplete';
  grade: 'excellent' | 'good' | 'pass' | 'fail' | null;
  total: Numeric;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

/** The renewal decision of one contract year, with the evaluations it rests on [ZZ §5.3, WH §3.4]. */
export interface RenewalsTable {
  id: string;
  contract_id: string;
  county_code: string;
  operator_id: string;
  year: number;
  year_start: string;
  year_end: string;
  profile_id: string;
  decision: 'renew' | 're-procure' | 'undetermined';
  discretionary: boolean;
  citation: string;
  reason: Json<unknown>;
  evidence: Json<unknown>;
  consequences: Json<unknown>;
  ineligibility: ColumnType<unknown, string | null, string | null>;
  findings: Json<unknown>;
  decided_on: string;
  decided_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportingDatabase extends ConsumerTables {
  stations: StationsTable;
  workers: WorkersTable;
  supervisors: SupervisorsTable;
  staff_changes: StaffChangesTable;
  contracts: ContractsTable;
  payments: PaymentsTable;
  station_compliance: StationComplianceTable;
  coverage: CoverageTable;
  service_records: ServiceRecordsTable;
  ingest_requests: IngestRequestsTable;
  rollup_populations: RollupPopulationsTable;
  rollup_pending: RollupPendingTable;
  service_rollups: ServiceRollupsTable;
  service_rollup_cells: ServiceRollupCellsView;
  reports: ReportsTable;
  report_locks: ReportLocksTable;
  report_calendar_years: ReportCalendarYearsTable;
  report_project_layout: ReportProjectLayoutTable;
  report_expectations: ReportExpectationsTable;
  report_completeness: ReportCompletenessTable;
  evaluations: EvaluationsTable;
  renewals: RenewalsTable;
}
