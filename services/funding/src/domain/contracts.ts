import {
  budgetProfileFor,
  type EvaluationKind,
  evaluateContract,
  type PurchaseContract,
} from '@shegong/budget';
import type { Finding } from '@shegong/kernel';
import { appendToOutbox } from '@shegong/messaging';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { ContractsTable, FundingDatabase } from '../db/schema.ts';
import {
  FundingDuplicateError,
  FundingInputError,
  FundingNotFoundError,
  YearlyTermDuplicateError,
} from '../errors.ts';
import { assertEligible } from './eligibility.ts';
import { contractSigned } from './events.ts';
import { findingsOf, replaceFindings } from './findings.ts';
import { decodeCursor, type Page, toPage } from './page.ts';
import { containedIn, regionCodesOf } from './region.ts';
import type { AddEvaluationInput, AddYearlyTermInput, SignContractRequest } from './schemas.ts';

type Db = Kysely<FundingDatabase>;
type Trx = Transaction<FundingDatabase>;

/**
 * A purchase contract as the service keeps it: the contract, its yearly agreements and evaluations, and the
 * findings of its latest evaluation (as of `evaluatedAsOf`, under the budget profile `profileId`). Findings
 * never block a write: they are what the city inspects [ZZ §2].
 */
export interface Contract {
  id: string;
  countyCode: string;
  operatorId: string;
  stationIds: string[];
  awardNoticeDate: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
  cycleYears: number;
  amountFen: number;
  yearlyTerms: Array<{ year: number; signedOn: string }>;
  evaluations: Array<{ date: string; kind: EvaluationKind }>;
  profileId: string;
  evaluatedAsOf: string;
  findings: Finding[];
}

/** The contract in the shape `@shegong/budget`'s rules read. */
function forRules(c: Omit<Contract, 'findings' | 'profileId' | 'evaluatedAsOf'>): PurchaseContract {
  return {
    id: c.id,
    countyCode: c.countyCode,
    operatorId: c.operatorId,
    awardNoticeDate: c.awardNoticeDate,
    signedOn: c.signedOn,
    termStart: c.termStart,
    termEnd: c.termEnd,
    cycleYears: c.cycleYears,
    yearlyTerms: c.yearlyTerms,
    evaluations: c.evaluations,
  };
}

/**
 * Signs (records) a purchase contract: evaluates it under the county's budget profile as of the signing
 * day — 30-day signing deadline [ZZ §5.3, PY §5.3], cycle [ZZ §5.3, WH §3.4], yearly agreements,
 * evaluations — stores it with its findings and appends `contract.signed.v1`, in one transaction.
 * @example
 * const contract = await signContract(db, SignContractInputSchema.parse({
 *   id: 'C-1', countyCode: '410105', operatorId: 'op-1', stationIds: ['410105001'], amountFen: 60_000_000,
 *   awardNoticeDate: '2024-03-01', signedOn: '2024-04-01', termStart: '2024-04-01', termEnd: '2027-03-31',
 *   cycleYears: 3,
 * }));
 * contract.findings.map((f) => f.ruleId) // ['contract.signing-deadline']: day 31 after the notice
 * @throws FundingDuplicateError when a contract has the id; OperatorIneligibleError `OPERATOR_INELIGIBLE`
 *   (naming `operatorId`) when the award notice falls in one of the operator's ineligibility periods
 */
export async function signContract(db: Db, request: SignContractRequest): Promise<Contract> {
  const profile = budgetProfileFor(request.countyCode);
  const base = {
    id: request.id,
    countyCode: request.countyCode,
    operatorId: request.operatorId,
    stationIds: request.stationIds,
    awardNoticeDate: request.awardNoticeDate,
    signedOn: request.signedOn,
    termStart: request.termStart,
    termEnd: request.termEnd,
    cycleYears: request.cycleYears,
    amountFen: request.amountFen,
    yearlyTerms: [...request.yearlyTerms].sort((a, b) => a.year - b.year),
    evaluations: [...request.evaluations].sort((a, b) => a.date.localeCompare(b.date)),
  };
  const findings = evaluateContract(forRules(base), profile, { asOf: request.signedOn });
  const contract: Contract = { ...base, profileId: profile.id, evaluatedAsOf: request.signedOn, findings };

  await db.transaction().execute(async (trx) => {
    // An operator without eligibility on the award day is not awarded [ZZ §6.4]: refused before any write.
    await assertEligible(trx, contract.operatorId, contract.awardNoticeDate);
    const inserted = await trx
      .insertInto('contracts')
      .values({
        id: contract.id,
        county_code: contract.countyCode,
        region_codes: regionCodesOf(contract.countyCode),
        operator_id: contract.operatorId,
        station_ids: contract.stationIds,
        award_notice_date: contract.awardNoticeDate,
        signed_on: contract.signedOn,
        term_start: contract.termStart,
        term_end: contract.termEnd,
        cycle_years: contract.cycleYears,
        amount_fen: contract.amountFen,
        profile_id: contract.profileId,
        evaluated_as_of: contract.evaluatedAsOf,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new FundingDuplicateError('contract', contract.id);
    if (contract.yearlyTerms.length > 0) {
      await trx
        .insertInto('contract_yearly_terms')
        .values(
          contract.yearlyTerms.map((t) => ({
            contract_id: contract.id,
            year: t.year,
            signed_on: t.signedOn,
          })),
        )
        .execute();
    }
    if (contract.evaluations.length > 0) {
      await trx
        .insertInto('contract_evaluations')
        .values(contract.evaluations.map((e) => ({ contract_id: contract.id, date: e.date, kind: e.kind })))
        .execute();
    }
    await replaceFindings(trx, 'contract', contract.id, findings);
    await appendToOutbox(trx, [
      contractSigned({
        contractId: contract.id,
        countyCode: contract.countyCode,
        operatorId: contract.operatorId,
        stationIds: contract.stationIds,
        signedOn: contract.signedOn,
        termStart: contract.termStart,
        termEnd: contract.termEnd,
        amountFen: contract.amountFen,
      }),
    ]);
  });
  return contract;
}

/**
 * Records the agreement for one year of the contract's cycle (一年一签) [ZZ §5.3, PY §5.3] and re-evaluates
 * the contract as of the day it was signed.
 * @throws FundingNotFoundError, FundingInputError (a year outside the cycle, a day before the award
 *   notice), YearlyTermDuplicateError
 */
export async function addYearlyTerm(db: Db, input: AddYearlyTermInput): Promise<Contract> {
  return db.transaction().execute(async (trx) => {
    const current = await lockContract(trx, input.contractId);
    if (input.year > current.cycleYears) {
      throw new FundingInputError(
        `year ${input.year} is outside contract "${current.id}"'s ${current.cycleYears}-year cycle`,
        ['year'],
        { cycleYears: current.cycleYears },
      );
    }
    if (current.yearlyTerms.some((t) => t.year === input.year)) {
      throw new YearlyTermDuplicateError(current.id, input.year);
    }
    if (input.signedOn < current.awardNoticeDate) {
      throw new FundingInputError(
        `an agreement of contract "${current.id}" cannot be signed on ${input.signedOn}, before its award notice of ${current.awardNoticeDate}`,
        ['signedOn'],
      );
    }
    await trx
      .insertInto('contract_yearly_terms')
      .values({ contract_id: current.id, year: input.year, signed_on: input.signedOn })
      .execute();
    const yearlyTerms = [...current.yearlyTerms, { year: input.year, signedOn: input.signedOn }].sort(
      (a, b) => a.year - b.year,
    );
    return reevaluate(trx, { ...current, yearlyTerms }, input.signedOn);
  });
}

/**
 * Records an evaluation of the contract — the county's mid-term, final or annual evaluation, or a city or
 * provincial spot check [ZZ §5.3, WH §3.4] — and re-evaluates the contract as of its date.
 * @throws FundingNotFoundError, FundingInputError (a date before the contract was signed)
 */
export async function addEvaluation(db: Db, input: AddEvaluationInput): Promise<Contract> {
  return db.transaction().execute(async (trx) => {
    const current = await lockContract(trx, input.contractId);
    if (input.date < current.signedOn) {
      throw new FundingInputError(
        `contract "${current.id}" was signed on ${current.signedOn}; it cannot have been evaluated on ${input.date}`,
        ['date'],
      );
    }
    await trx
      .insertInto('contract_evaluations')
      .values({ contract_id: current.id, date: input.date, kind: input.kind })
      .execute();
    const evaluations = [...current.evaluations, { date: input.date, kind: input.kind }].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    return reevaluate(trx, { ...current, evaluations }, input.date);
  });
}

async function reevaluate(trx: Trx, contract: Contract, asOf: string): Promise<Contract> {
  const profile = budgetProfileFor(contract.countyCode);
  const findings = evaluateContract(forRules(contract), profile, { asOf });
  await trx
    .updateTable('contracts')
    .set({ profile_id: profile.id, evaluated_as_of: asOf, updated_at: sql`now()` })
    .where('id', '=', contract.id)
    .execute();
  await replaceFindings(trx, 'contract', contract.id, findings);
  return { ...contract, profileId: profile.id, evaluatedAsOf: asOf, findings };
}

/** Reads a contract and holds its row until the transaction ends, so concurrent changes queue up. */
async function lockContract(trx: Trx, id: string): Promise<Contract> {
  const row = await trx
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new FundingNotFoundError('contract', id, ['contractId']);
  const [contract] = await hydrate(trx, [row]);
  if (!contract) throw new FundingNotFoundError('contract', id, ['contractId']);
  return contract;
}

/**
 * A contract by id, with its yearly terms, evaluations and stored findings.
 * @throws FundingNotFoundError
 */
export async function getContract(db: Db | Trx, id: string): Promise<Contract> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  const [contract] = row ? await hydrate(db, [row]) : [];
  if (!contract) throw new FundingNotFoundError('contract', id);
  return contract;
}

/**
 * Contracts in id order, a page at a time; `countyCode` may be a county, a city or a province and selects
 * every contract of a county inside it.
 */
export async function listContracts(
  db: Db,
  input: { countyCode?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<Contract>> {
  const after = decodeCursor(input.cursor);
  let query = db
    .selectFrom('contracts')
    .selectAll()
    .orderBy('id')
    .limit(input.limit + 1);
  if (input.countyCode !== undefined) query = query.where(containedIn(input.countyCode));
  if (after !== undefined) query = query.where('id', '>', after);
  const page = toPage(await query.execute(), input.limit);
  return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
}

async function hydrate(db: Db | Trx, rows: ReadonlyArray<Selectable<ContractsTable>>): Promise<Contract[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [terms, evaluations, findings] = await Promise.all([
    db
      .selectFrom('contract_yearly_terms')
      .selectAll()
      .where('contract_id', 'in', ids)
      .orderBy('contract_id')
      .orderBy('year')
      .execute(),
    db
      .selectFrom('contract_evaluations')
      .selectAll()
      .where('contract_id', 'in', ids)
      .orderBy('contract_id')
      .orderBy('date')
      .orderBy('seq')
      .execute(),
    findingsOf(db, 'contract', ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    countyCode: r.county_code,
    operatorId: r.operator_id,
    stationIds: r.station_ids,
    awardNoticeDate: r.award_notice_date,
    signedOn: r.signed_on,
    termStart: r.term_start,
    termEnd: r.term_end,
    cycleYears: r.cycle_years,
    amountFen: r.amount_fen,
    yearlyTerms: terms
      .filter((t) => t.contract_id === r.id)
      .map((t) => ({ year: t.year, signedOn: t.signed_on })),
    evaluations: evaluations
      .filter((e) => e.contract_id === r.id)
      .map((e) => ({ date: e.date, kind: e.kind as EvaluationKind })),
    profileId: r.profile_id,
    evaluatedAsOf: r.evaluated_as_of,
    findings: findings.get(r.id) ?? [],
  }));
}
