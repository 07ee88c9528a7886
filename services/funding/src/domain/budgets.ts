import {
  type BudgetLine,
  budgetProfileFor,
  evaluateBudget,
  type FundingSource,
  type ProjectBudget,
  summarizeBudget,
} from '@shegong/budget';
import type { Finding } from '@shegong/kernel';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BudgetsTable, FundingDatabase } from '../db/schema.ts';
import { FundingDuplicateError, FundingInputError, FundingNotFoundError } from '../errors.ts';
import { findingsOf, replaceFindings } from './findings.ts';
import { decodeCursor, type Page, toPage } from './page.ts';
import { containedIn, regionCodesOf } from './region.ts';
import type { SubmitBudgetRequest } from './schemas.ts';

type Db = Kysely<FundingDatabase>;
type Trx = Transaction<FundingDatabase>;

/** A submitted project budget, its totals, and the findings of its evaluation under `profileId`. */
export interface Budget extends ProjectBudget {
  contractId: string | null;
  urbanAverageWageFen: number | null;
  totalFen: number;
  personnelFen: number;
  sourcesFen: number;
  profileId: string;
  findings: Finding[];
}

/**
 * Submits a county's one-year project budget: evaluates it under the county's budget profile — personnel
 * share [ZZ §6.3], evaluation reserve [ZZ §6.3], assistance-fund cap [ZZ §6.2], separate accounts and
 * single-source purpose [ZZ §6.3, PY §6.3], labour-cost floor [WH §2.2] — and stores it with its lines,
 * sources and findings. Findings never block the submission; input a rule cannot read does (400).
 * @example
 * const budget = await submitBudget(db, SubmitBudgetInputSchema.parse({ id: 'B-1', countyCode: '410105',
 *   year: 2024, stationsCovered: 1, workersBudgeted: 2, lines: [{ category: 'salary', amountFen: 100 }, …] }));
 * budget.findings.map((f) => f.ruleId) // e.g. ['budget.personnel-share']
 * @throws BudgetInputError naming the field a rule needs (`urbanAverageWageFen` for WH,
 *   `countyAssistanceFundsFen` …), FundingNotFoundError for an unknown contract, FundingInputError for a
 *   contract of another county, FundingDuplicateError
 */
export async function submitBudget(db: Db, request: SubmitBudgetRequest): Promise<Budget> {
  const { contractId, urbanAverageWageFen, ...projectBudget } = request;
  const profile = budgetProfileFor(projectBudget.countyCode);
  const findings = evaluateBudget(
    projectBudget,
    profile,
    urbanAverageWageFen === undefined ? {} : { urbanAverageWageFen },
  );
  const summary = summarizeBudget(projectBudget);
  const budget: Budget = {
    ...projectBudget,
    contractId: contractId ?? null,
    urbanAverageWageFen: urbanAverageWageFen ?? null,
    totalFen: summary.totalFen,
    personnelFen: summary.personnelFen,
    sourcesFen: summary.sourcesFen,
    profileId: profile.id,
    findings,
  };

  await db.transaction().execute(async (trx) => {
    if (contractId !== undefined) {
      const contract = await trx
        .selectFrom('contracts')
        .select(['county_code'])
        .where('id', '=', contractId)
        .executeTakeFirst();
      if (!contract) throw new FundingNotFoundError('contract', contractId, ['contractId']);
      if (contract.county_code !== budget.countyCode) {
        throw new FundingInputError(
          `contract "${contractId}" is of county ${contract.county_code}, not of ${budget.countyCode}`,
          ['contractId'],
        );
      }
    }
    const inserted = await trx
      .insertInto('budgets')
      .values({
        id: budget.id,
        county_code: budget.countyCode,
        region_codes: regionCodesOf(budget.countyCode),
        year: budget.year,
        contract_id: budget.contractId,
        stations_covered: budget.stationsCovered,
        workers_budgeted: budget.workersBudgeted,
        county_assistance_funds_fen: budget.countyAssistanceFundsFen ?? null,
        assistance_fund_used_elsewhere_fen: budget.assistanceFundUsedElsewhereFen,
        services_planned: budget.servicesPlanned,
        urban_average_wage_fen: budget.urbanAverageWageFen,
        total_fen: budget.totalFen,
        personnel_fen: budget.personnelFen,
        sources_fen: budget.sourcesFen,
        profile_id: budget.profileId,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new FundingDuplicateError('budget', budget.id);
    await trx
      .insertInto('budget_lines')
      .values(
        budget.lines.map((line, position) => ({
          budget_id: budget.id,
          position,
          category: line.category,
          amount_fen: line.amountFen,
          note: line.note ?? null,
        })),
      )
      .execute();
    if (budget.sources.length > 0) {
      await trx
        .insertInto('budget_sources')
        .values(
          budget.sources.map((source, position) => ({
            budget_id: budget.id,
            position,
            kind: source.kind,
            amount_fen: source.amountFen,
            purchaser: source.purchaser ?? null,
            purpose: source.purpose ?? null,
            separate_account: source.separateAccount ?? null,
          })),
        )
        .execute();
    }
    await replaceFindings(trx, 'budget', budget.id, findings);
  });
  return budget;
}

/**
 * A budget by id, with its lines, sources and stored findings.
 * @throws FundingNotFoundError
 */
export async function getBudget(db: Db, id: string): Promise<Budget> {
  const row = await db.selectFrom('budgets').selectAll().where('id', '=', id).executeTakeFirst();
  const [budget] = row ? await hydrate(db, [row]) : [];
  if (!budget) throw new FundingNotFoundError('budget', id);
  return budget;
}

/** Budgets in id order, a page at a time, optionally of a region (by containment), a year, a contract. */
export async function listBudgets(
  db: Db,
  input: {
    countyCode?: string | undefined;
    year?: number | undefined;
    contractId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<Page<Budget>> {
  const after = decodeCursor(input.cursor);
  let query = db
    .selectFrom('budgets')
    .selectAll()
    .orderBy('id')
    .limit(input.limit + 1);
  if (input.countyCode !== undefined) query = query.where(containedIn(input.countyCode));
  if (input.year !== undefined) query = query.where('year', '=', input.year);
  if (input.contractId !== undefined) query = query.where('contract_id', '=', input.contractId);
  if (after !== undefined) query = query.where('id', '>', after);
  const page = toPage(await query.execute(), input.limit);
  return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
}

async function hydrate(db: Db | Trx, rows: ReadonlyArray<Selectable<BudgetsTable>>): Promise<Budget[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, sources, findings] = await Promise.all([
    db
      .selectFrom('budget_lines')
      .selectAll()
      .where('budget_id', 'in', ids)
      .orderBy('budget_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('budget_sources')
      .selectAll()
      .where('budget_id', 'in', ids)
      .orderBy('budget_id')
      .orderBy('position')
      .execute(),
    findingsOf(db, 'budget', ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    countyCode: r.county_code,
    year: r.year,
    stationsCovered: r.stations_covered,
    workersBudgeted: r.workers_budgeted,
    lines: lines
      .filter((l) => l.budget_id === r.id)
      .map(
        (l): BudgetLine => ({
          category: l.category as BudgetLine['category'],
          amountFen: l.amount_fen,
          ...(l.note === null ? {} : { note: l.note }),
        }),
      ),
    sources: sources
      .filter((s) => s.budget_id === r.id)
      .map(
        (s): FundingSource => ({
          kind: s.kind as FundingSource['kind'],
          amountFen: s.amount_fen,
          ...(s.purchaser === null ? {} : { purchaser: s.purchaser }),
          ...(s.purpose === null ? {} : { purpose: s.purpose }),
          ...(s.separate_account === null ? {} : { separateAccount: s.separate_account }),
        }),
      ),
    ...(r.county_assistance_funds_fen === null
      ? {}
      : { countyAssistanceFundsFen: r.county_assistance_funds_fen }),
    assistanceFundUsedElsewhereFen: r.assistance_fund_used_elsewhere_fen,
    servicesPlanned: r.services_planned,
    contractId: r.contract_id,
    urbanAverageWageFen: r.urban_average_wage_fen,
    totalFen: r.total_fen,
    personnelFen: r.personnel_fen,
    sourcesFen: r.sources_fen,
    profileId: r.profile_id,
    findings: findings.get(r.id) ?? [],
  }));
}
