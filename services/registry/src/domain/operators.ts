/** An operator as the registry returns it, with what the registry noticed about it. */

import {
  type BudgetProfile,
  BudgetProfileNotFoundError,
  budgetProfileFor,
  evaluateOperator,
} from '@shegong/budget';
import type { OperatorRecord as Operator } from '@shegong/contracts';
import { batchOf, type OperatorData, OperatorInputSchema, PageQuerySchema } from '@shegong/contracts';
import { compareFindings, DomainError, type Finding } from '@shegong/kernel';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { OperatorsTable, RegistryDatabase } from '../db/schema.ts';
import { fieldError, parseInput } from './input.ts';
import { decodeCursor, type Page, toPage } from './page.ts';

export type { Operator };

/**
 * What the registry notices about an operator. Its business scope must include social work
 * ("其业务范围应含有社会工作内容") [ZZ §4.1, PY §4.1]. An operator without it is **recorded, with an `error`
 * finding**, not refused: the registry keeps what city systems report so the province sees the breach;
 * refusing it would hide an operator that already runs stations. An operator brought in from elsewhere is
 * checked against the imported-operator rating rule (3A or above) [ZZ §4.1, PY §4.1] of every jurisdiction
 * where it runs a station (`@shegong/budget`'s profile of the station's region); a jurisdiction whose
 * documents set no such rule (Wuhan's) adds nothing.
 */
export function findingsForOperator(
  operator: OperatorData,
  stationRegions: readonly string[] = [],
): Finding[] {
  const found = new Map<string, Finding>();
  for (const region of new Set(stationRegions)) {
    const profile = profileOf(region);
    if (!profile?.importedOperator) continue;
    for (const finding of evaluateOperator(
      { id: operator.id, name: operator.name, origin: operator.origin, rating: operator.rating },
      profile,
    )) {
      found.set(`${finding.ruleId}|${finding.citation}`, finding);
    }
  }
  const findings = [...found.values()];
  if (operator.businessScopeIncludesSocialWork) return findings.sort(compareFindings);
  findings.push({
    ruleId: 'operator.business-scope',
    severity: 'error',
    subject: { kind: 'operator', id: operator.id },
    message: {
      zh: `承接主体“${operator.name}”的业务范围未含有社会工作内容`,
      en: `the business scope of operator "${operator.name}" does not include social work`,
    },
    citation: 'ZZ §4.1, PY §4.1',
    facts: { businessScopeIncludesSocialWork: false },
  });
  return findings.sort(compareFindings);
}

/** The budget profile of a station's region, or none where no profile covers it (outside the provinces). */
function profileOf(regionCode: string): BudgetProfile | undefined {
  try {
    return budgetProfileFor(regionCode);
  } catch (error) {
    if (error instanceof BudgetProfileNotFoundError) return undefined;
    throw error;
  }
}

/** The regions of the stations each operator runs, for the rules that depend on where it works. */
async function stationRegionsOf(
  db: Kysely<RegistryDatabase> | Transaction<RegistryDatabase>,
  operatorIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (operatorIds.length === 0) return out;
  const rows = await db
    .selectFrom('stations')
    .select(['operator_id', 'region_code'])
    .distinct()
    .where('operator_id', 'in', [...operatorIds])
    .execute();
  for (const r of rows) {
    if (r.operator_id === null) continue;
    out.set(r.operator_id, [...(out.get(r.operator_id) ?? []), r.region_code]);
  }
  return out;
}

/**
 * Registers or updates an operator (承接主体). The unified social credit code identifies the organization:
 * a second operator with the same code is refused.
 * @example await upsertOperator(db, { id: 'op-1', name: '郑州市金水区和谐社会工作服务中心', unifiedSocialCreditCode: '52410105MJ0000001P', businessScopeIncludesSocialWork: true, origin: 'local' })
 * @throws DomainError `REGISTRY_INPUT_INVALID` naming the field (a bad code names `unifiedSocialCreditCode`);
 *   `OPERATOR_DUPLICATE` (409) when another operator has the code
 */
export async function upsertOperator(db: Kysely<RegistryDatabase>, input: unknown): Promise<Operator> {
  const operator = parseInput(OperatorInputSchema, input);
  return db.transaction().execute((trx) => upsertOperatorIn(trx, operator, []));
}

/**
 * Upserts many operators, all or nothing: the first bad row rolls every row back, and the error names it
 * (`items[2].unifiedSocialCreditCode`).
 */
export async function upsertOperators(db: Kysely<RegistryDatabase>, input: unknown): Promise<Operator[]> {
  const { items } = parseInput(batchOf(OperatorInputSchema), input);
  return db.transaction().execute(async (trx) => {
    const saved: Operator[] = [];
    for (const [i, item] of items.entries()) saved.push(await upsertOperatorIn(trx, item, ['items', i]));
    return saved;
  });
}

async function upsertOperatorIn(
  trx: Transaction<RegistryDatabase>,
  operator: OperatorData,
  at: Array<string | number>,
): Promise<Operator> {
  const other = await trx
    .selectFrom('operators')
    .select('id')
    .where('unified_social_credit_code', '=', operator.unifiedSocialCreditCode)
    .where('id', '<>', operator.id)
    .executeTakeFirst();
  if (other) {
    throw fieldError(
      'OPERATOR_DUPLICATE',
      [...at, 'unifiedSocialCreditCode'],
      `operator ${other.id} is already registered with this unified social credit code`,
      { existingOperatorId: other.id },
    );
  }
  const row = {
    id: operator.id,
    name: operator.name,
    unified_social_credit_code: operator.unifiedSocialCreditCode,
    registration_authority: operator.registrationAuthority ?? null,
    registered_on: operator.registeredOn ?? null,
    business_scope_includes_social_work: operator.businessScopeIncludesSocialWork,
    rating: operator.rating,
    origin: operator.origin,
  };
  const saved = await trx
    .insertInto('operators')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: sql`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOperator(saved, (await stationRegionsOf(trx, [saved.id])).get(saved.id));
}

/** @throws DomainError `OPERATOR_NOT_FOUND` (404) */
export async function getOperator(db: Kysely<RegistryDatabase>, id: string): Promise<Operator> {
  const row = await db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('OPERATOR_NOT_FOUND', `no operator has the id "${id}"`, { path: ['id'] });
  return toOperator(row, (await stationRegionsOf(db, [id])).get(id));
}

/** Operators in id order, a page at a time. */
export async function listOperators(
  db: Kysely<RegistryDatabase>,
  input: unknown = {},
): Promise<Page<Operator>> {
  const query = parseInput(PageQuerySchema, input ?? {});
  let select = db
    .selectFrom('operators')
    .selectAll()
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.cursor !== undefined) select = select.where('id', '>', decodeCursor(query.cursor));
  const rows = await select.execute();
  const regions = await stationRegionsOf(
    db,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(rows, query.limit, (row) => toOperator(row, regions.get(row.id)));
}

function toOperator(row: Selectable<OperatorsTable>, stationRegions: readonly string[] = []): Operator {
  const operator: OperatorData = {
    id: row.id,
    name: row.name,
    unifiedSocialCreditCode: row.unified_social_credit_code,
    ...(row.registration_authority !== null && { registrationAuthority: row.registration_authority }),
    ...(row.registered_on !== null && { registeredOn: row.registered_on }),
    businessScopeIncludesSocialWork: row.business_scope_includes_social_work,
    rating: row.rating as OperatorData['rating'],
    origin: row.origin as OperatorData['origin'],
  };
  return { ...operator, findings: findingsForOperator(operator, stationRegions) };
}
