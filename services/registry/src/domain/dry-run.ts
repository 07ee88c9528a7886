import { DomainError, formatPath, issueFacts } from '@shegong/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { RegistryDatabase } from '../db/schema.ts';
import { parseInput } from './input.ts';

type Trx = Transaction<RegistryDatabase>;

/**
 * One reason a dry-run row would be refused; `path` is under the row (`regionCode`, `idNumber`). `issue`
 * says what the refusal was without its wording (`issueFacts`), for a console to word it in its locale.
 */
export interface RowError {
  path: string;
  code: string;
  message: string;
  issue?: Record<string, unknown>;
}

/** One row of a dry run: what the write would save, or every reason it would be refused. */
export interface RowCheck<Saved> {
  /** The row's position in the batch sent. */
  index: number;
  /** The row's `id`, when it has one. */
  id: string | null;
  /** What the write would return for the row; null when refused. */
  saved: Saved | null;
  errors: RowError[];
}

/** A dry run's batch: the rows are checked one by one, so they arrive unchecked. */
const DryRunSchema = z.object({ items: z.array(z.unknown()).max(1_000), dryRun: z.literal(true) });

/** Thrown to roll the dry run's transaction back once every row has been tried. */
class DryRunDone extends Error {
  constructor() {
    super('dry run: rolled back');
  }
}

/**
 * A DomainError as a row's error: its path, code, the message without the leading field name, and what it
 * was (`details.issue`) when the rule said so.
 */
export function rowError(error: DomainError): RowError {
  const issue = error.details.issue;
  return {
    path: formatPath(error.path),
    code: error.code,
    message: error.message.replace(/^[^:\s]*:\s*/, ''),
    ...(issue !== null && typeof issue === 'object' && { issue: issue as Record<string, unknown> }),
  };
}

/**
 * A dry run of a batch write: each row's schema on its own, then every valid row written in order by the
 * batch write's own per-row function in one transaction — a savepoint per row, so one refusal does not hide
 * the next row's, and a row that collides with an earlier one of the same batch is caught as the real write
 * would — and the transaction rolled back, outbox events and all. Because the checks are the write's own,
 * the dry run cannot disagree with the real (all-or-nothing) call. Only DomainErrors become row errors;
 * anything else (a lost connection) fails the call.
 * @example await dryRunRows(db, input, StationInputSchema, (trx, row) => upsertStationIn(trx, row, []))
 */
export async function dryRunRows<Row, Saved>(
  db: Kysely<RegistryDatabase>,
  input: unknown,
  schema: z.ZodType<Row>,
  write: (trx: Trx, row: Row) => Promise<Saved>,
): Promise<Array<RowCheck<Saved>>> {
  const { items } = parseInput(DryRunSchema, input);
  const checks = items.map(
    (row, index): RowCheck<Saved> => ({ index, id: idOf(row), saved: null, errors: [] }),
  );
  const parsed = items.map((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) {
      checks[index]?.errors.push(
        ...result.error.issues.map((issue) => ({
          path: formatPath(issue.path as Array<string | number>),
          code: 'REGISTRY_INPUT_INVALID',
          message: issue.message,
          issue: issueFacts(issue),
        })),
      );
    }
    return result.data;
  });
  try {
    await db.transaction().execute(async (trx) => {
      for (const [index, row] of parsed.entries()) {
        const check = checks[index];
        if (row === undefined || !check) continue;
        await sql`savepoint dry_run_row`.execute(trx);
        try {
          check.saved = await write(trx, row);
          await sql`release savepoint dry_run_row`.execute(trx);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await sql`rollback to savepoint dry_run_row`.execute(trx);
          check.errors.push(rowError(error));
        }
      }
      throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return checks;
}

function idOf(row: unknown): string | null {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
