import { formatPath } from '@shegong/kernel';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { domainOf } from './problems.ts';
import type { RejectedRowSchema } from './schemas.ts';

type Row = z.infer<typeof RejectedRowSchema>;

/** A batch that failed: the rows to report, and the error that stopped it. */
export class BatchRejected extends Error {
  readonly rows: Row[];
  override readonly cause: unknown;
  constructor(rows: Row[], cause: unknown) {
    super(`${rows.length} rows refused`);
    this.rows = rows;
    this.cause = cause;
  }
}

/**
 * Writes a batch through a call that is all-or-nothing (the services' `upsertMany`), with the API's two
 * modes. Every row is first validated on its own against the item schema, so a refused batch names every
 * bad row, not just the first. Without `partial` any bad row refuses the batch. With `partial`, bad rows
 * are set aside; when the service refuses a row (a state it cannot accept, a station outside the
 * caller's jurisdiction) that row is set aside too and the rest is sent again, until the rest goes
 * through. Each retry removes one row, so it ends after at most as many calls as rows.
 */
export async function writeBatch<T>(options: {
  rows: readonly unknown[];
  partial: boolean;
  item: z.ZodType;
  send: (rows: unknown[]) => Promise<T[]>;
}): Promise<{ received: number; accepted: number; rejected: Row[]; items: T[] }> {
  const rejected: Row[] = [];
  let kept: Array<{ index: number; row: unknown }> = [];
  for (const [index, row] of options.rows.entries()) {
    const parsed = options.item.safeParse(row);
    if (parsed.success) kept.push({ index, row });
    else
      rejected.push({
        index,
        id: idOf(row),
        errors: parsed.error.issues.map((issue) => ({
          path: formatPath(['items', index, ...(issue.path as Array<string | number>)]),
          code: 'FIELD_INVALID',
          message: issue.message,
        })),
      });
  }
  if (rejected.length > 0 && !options.partial) throw new BatchRejected(rejected, undefined);

  while (kept.length > 0) {
    try {
      const items = await options.send(kept.map((k) => k.row));
      return { received: options.rows.length, accepted: items.length, rejected: sortRows(rejected), items };
    } catch (error) {
      const position = rowOf(error);
      const culprit = position === undefined ? undefined : kept[position];
      if (!culprit) throw error;
      const domain = domainOf(error);
      const row: Row = {
        index: culprit.index,
        id: idOf(culprit.row),
        errors: [
          {
            path: formatPath([
              'items',
              culprit.index,
              ...((domain?.path ?? []).slice(2) as Array<string | number>),
            ]),
            code: domain?.code ?? (error as TRPCError).code,
            message: stripPath((error as Error).message),
          },
        ],
      };
      if (!options.partial) throw new BatchRejected([row], error);
      rejected.push(row);
      kept = kept.filter((k) => k !== culprit);
    }
  }
  return { received: options.rows.length, accepted: 0, rejected: sortRows(rejected), items: [] };
}

/** Which row of the batch sent a refusal names (`items[3]…`), if any. */
function rowOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCError)) return undefined;
  const path = domainOf(error)?.path ?? [];
  if (path[0] === 'items' && typeof path[1] === 'number') return path[1];
  const cause = error.cause as { issues?: Array<{ path: string[] }> | null } | undefined;
  const issue = cause?.issues?.[0]?.path;
  if (issue?.[0] === 'items' && issue[1] !== undefined && /^\d+$/.test(issue[1])) return Number(issue[1]);
  return undefined;
}

/** "items[2].regionCode: no region …" → "no region …": the row's path is reported beside it. */
function stripPath(message: string): string {
  return message.replace(/^items\[\d+\][^:]*:\s*/, '');
}

function idOf(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => a.index - b.index);
}
