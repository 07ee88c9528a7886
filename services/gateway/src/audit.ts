import type { Principal } from '@shegong/access';
import { withinJurisdiction } from '@shegong/access';
import type { Kysely } from 'kysely';
import type { GatewayDatabase } from './db/schema.ts';

export type AuditCategory = 'write' | 'pii-read' | 'sign-in';
export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  /** Who: a principal, or for a failed sign-in the attempt (`(unknown)`). */
  principal: { kind: string; id: string; role: string; regionCode: string };
  action: string;
  category: AuditCategory;
  outcome: AuditOutcome;
  /** Ids and counts only: never resident ID numbers, phones or passwords. */
  target: Record<string, unknown>;
  from: { ip: string | null; userAgent: string | null };
  errorCode?: string | undefined;
}

/**
 * Who did what, when, from where: every write, every PII read, every sign-in. Only `record` writes it;
 * the table refuses UPDATE, DELETE and TRUNCATE, so nobody can edit it through the API or around it.
 */
export async function record(db: Kysely<GatewayDatabase>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.principal.kind,
      actor_id: entry.principal.id,
      actor_role: entry.principal.role,
      actor_region: entry.principal.regionCode,
      action: entry.action,
      category: entry.category,
      outcome: entry.outcome,
      target: JSON.stringify(entry.target),
      ip: entry.from.ip,
      user_agent: entry.from.userAgent,
      error_code: entry.errorCode ?? null,
    })
    .execute();
}

export interface AuditRow {
  id: number;
  at: string;
  actor: { kind: string; id: string; role: string; regionCode: string };
  action: string;
  category: string;
  outcome: string;
  target: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  errorCode: string | null;
}

/** The newest entries by actors inside the reader's jurisdiction, newest first; `before` pages back. */
export async function readAudit(
  db: Kysely<GatewayDatabase>,
  reader: Principal,
  query: { before?: number | undefined; limit: number },
): Promise<{ items: AuditRow[]; nextBefore: number | null }> {
  const items: AuditRow[] = [];
  let before = query.before;
  // Filter by jurisdiction in pages: actor regions are few per province, entries many.
  while (items.length < query.limit) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .$if(before !== undefined, (q) => q.where('id', '<', before as number))
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    if (rows.length === 0) return { items, nextBefore: null };
    for (const row of rows) {
      before = row.id;
      if (!withinJurisdiction(reader, row.actor_region)) continue;
      items.push({
        id: row.id,
        at: row.at.toISOString(),
        actor: { kind: row.actor_kind, id: row.actor_id, role: row.actor_role, regionCode: row.actor_region },
        action: row.action,
        category: row.category,
        outcome: row.outcome,
        target: row.target,
        ip: row.ip,
        userAgent: row.user_agent,
        errorCode: row.error_code,
      });
      if (items.length === query.limit) break;
    }
  }
  return { items, nextBefore: before ?? null };
}
