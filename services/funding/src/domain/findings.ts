import type { Finding } from '@shegong/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { FundingDatabase } from '../db/schema.ts';

type Db = Kysely<FundingDatabase> | Transaction<FundingDatabase>;
type SubjectKind = 'contract' | 'budget';

/** Replaces the stored findings of a contract or budget with those of its latest evaluation. */
export async function replaceFindings(
  trx: Db,
  subjectKind: SubjectKind,
  subjectId: string,
  findings: readonly Finding[],
): Promise<void> {
  await trx
    .deleteFrom('findings')
    .where('subject_kind', '=', subjectKind)
    .where('subject_id', '=', subjectId)
    .execute();
  if (findings.length === 0) return;
  await trx
    .insertInto('findings')
    .values(
      findings.map((finding, position) => ({
        subject_kind: subjectKind,
        subject_id: subjectId,
        position,
        rule_id: finding.ruleId,
        severity: finding.severity,
        citation: finding.citation,
        finding: JSON.stringify(finding),
      })),
    )
    .execute();
}

/** The stored findings of several contracts or budgets, by subject id, in their stored order. */
export async function findingsOf(
  db: Db,
  subjectKind: SubjectKind,
  subjectIds: readonly string[],
): Promise<Map<string, Finding[]>> {
  const byId = new Map<string, Finding[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return byId;
  const rows = await db
    .selectFrom('findings')
    .select(['subject_id', 'finding'])
    .where('subject_kind', '=', subjectKind)
    .where('subject_id', 'in', subjectIds)
    .orderBy('subject_id')
    .orderBy('position')
    .execute();
  // Written by `replaceFindings` from findings the budget rules validated against the kernel's schema.
  for (const row of rows) byId.get(row.subject_id)?.push(row.finding as Finding);
  return byId;
}
