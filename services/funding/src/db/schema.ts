import type { ConsumerTables } from '@shegong/messaging';
import type { ColumnType, Generated } from 'kysely';

/**
 * The funding service's tables (Postgres schema `funding`), as kysely sees them. Money is `int8` fen,
 * read back as a JS number (service-kit's parser; every amount is a safe integer by `FenSchema`); dates are
 * `date`, read back as ISO strings; jsonb is written as JSON text.
 */

type Json = ColumnType<unknown, string, string>;
type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

/** A purchase contract (政府购买服务合同) of a county civil affairs bureau with an operator. */
export interface ContractsTable {
  id: string;
  county_code: string;
  /** The county and every region above it (city, province): containment is `region_codes @> {code}`. */
  region_codes: string[];
  operator_id: string;
  station_ids: string[];
  award_notice_date: string;
  signed_on: string;
  term_start: string;
  term_end: string;
  cycle_years: number;
  amount_fen: number;
  /** The budget profile the findings were made under (`ZZ`, `PY`, `WH`, `HENAN`). */
  profile_id: string;
  /** The day the stored findings were evaluated as of. */
  evaluated_as_of: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The yearly agreements inside a contract's cycle (一年一签) [ZZ §5.3]. */
export interface ContractYearlyTermsTable {
  contract_id: string;
  year: number;
  signed_on: string;
}

export interface ContractEvaluationsTable {
  seq: Generated<number>;
  contract_id: string;
  date: string;
  kind: string;
}

/** The findings of a contract's or budget's latest evaluation, in `compareFindings` order. */
export interface FindingsTable {
  subject_kind: 'contract' | 'budget';
  subject_id: string;
  position: number;
  rule_id: string;
  severity: string;
  citation: string;
  finding: Json;
}

/** One county's budget for one station project for one year (`ProjectBudget`). */
export interface BudgetsTable {
  id: string;
  county_code: string;
  region_codes: string[];
  year: number;
  contract_id: string | null;
  stations_covered: number;
  workers_budgeted: number;
  county_assistance_funds_fen: number | null;
  assistance_fund_used_elsewhere_fen: number;
  services_planned: string[];
  urban_average_wage_fen: number | null;
  /** Sum of the lines (项目经费). */
  total_fen: number;
  personnel_fen: number;
  /** Sum of the funding sources (may differ from `total_fen` in a draft). */
  sources_fen: number;
  profile_id: string;
  created_at: CreatedAt;
}

export interface BudgetLinesTable {
  budget_id: string;
  position: number;
  category: string;
  amount_fen: number;
  note: string | null;
}

export interface BudgetSourcesTable {
  budget_id: string;
  position: number;
  kind: string;
  amount_fen: number;
  purchaser: string | null;
  purpose: string[] | null;
  separate_account: boolean | null;
}

/** A payment request (资金申请) under a contract, and where it is in applied → approved → paid. */
export interface PaymentRequestsTable {
  id: string;
  contract_id: string;
  amount_fen: number;
  status: 'applied' | 'approved' | 'rejected' | 'paid';
  applied_on: string;
  approved_on: string | null;
  rejected_on: string | null;
  rejection_reason: string | null;
  paid_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The written application's attachments: service agreement, invoice, service report … [ZZ §5.5]. */
export interface PaymentVouchersTable {
  payment_id: string;
  position: number;
  kind: string;
  ref: string;
}

/** A renewal decision received from reporting, with the ineligibility period it carries [ZZ §6.4]. */
export interface OperatorEligibilityTable {
  renewal_id: string;
  operator_id: string;
  contract_id: string;
  year: number;
  decision: 'renew' | 're-procure' | 'undetermined';
  decided_on: string;
  citation: string;
  ineligible_from: string | null;
  ineligible_to: string | null;
  /** The `IneligibilityPeriod` as decided (citation, basis, the evaluation it follows). */
  ineligibility: ColumnType<unknown, string | null, string | null>;
  event_id: string;
  received_at: CreatedAt;
}

export interface FundingDatabase extends ConsumerTables {
  contracts: ContractsTable;
  contract_yearly_terms: ContractYearlyTermsTable;
  contract_evaluations: ContractEvaluationsTable;
  findings: FindingsTable;
  budgets: BudgetsTable;
  budget_lines: BudgetLinesTable;
  budget_sources: BudgetSourcesTable;
  payment_requests: PaymentRequestsTable;
  payment_vouchers: PaymentVouchersTable;
  operator_eligibility: OperatorEligibilityTable;
}
