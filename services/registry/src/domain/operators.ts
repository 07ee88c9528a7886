/** An operator as the registry returns it, with what the registry noticed about it. */
import type { OperatorRecord as Operator } from '@shegong/contracts';
import { batchOf, type OperatorData, OperatorInputSchema, PageQuerySchema } from '@shegong/contracts';
import { DomainError, type Finding } from '@shegong/kernel';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { OperatorsTable, RegistryDatabase } from '../db/schema.ts';
import { fieldError, parseInput } from './input.ts';
import { decodeCursor, type Page, toPage } from './page.ts';

export type { Operator };

/**
 * What the registry notices about an operator. Its business scope must include social work
 * ("其业务范围应含有社会工作内容") [ZZ §4.1, PY §4.1]. An operator without it is **recorded, with an `error`
 * finding**, not refused: the registry keeps what city systems report so the province sees the breach;
 * refusing it would hide an operator that already runs stations. The imported-operator rating rule
 * (3A or above) needs a jurisdiction's profile and is checked with the purchase contract (funding).
 */
export function findingsForOperator(operator: OperatorData): Finding[] {
  if (operator.businessScopeIncludesSocialWork) return [];
  return [
    {
      ruleId: 'operator.business-scope',
      severity: 'error',
      subject: { kind: 'operator', id: operator.id },
      message: {
        zh: `承接主体“${operator.name}”的业务范围未含有社会工作内容`,
        en: `the business scope of operator "${operator.name}" does not include social work`,
      },
      citation: 'ZZ §4.1, PY §4.1',
      facts: { businessScopeIncludesSocialWork: false },
    },
  ];
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
  return toOperator(saved);
}

/** @throws DomainError `OPERATOR_NOT_FOUND` (404) */
export async function getOperator(db: Kysely<RegistryDatabase>, id: string): Promise<Operator> {
  const row = await db.selectFrom('operators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('OPERATOR_NOT_FOUND', `no operator has the id "${id}"`, { path: ['id'] });
  return toOperator(row);
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
  return toPage(await select.execute(), query.limit, toOperator);
}

function toOperator(row: Selectable<OperatorsTable>): Operator {
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
  return { ...operator, findings: findingsForOperator(operator) };
}
