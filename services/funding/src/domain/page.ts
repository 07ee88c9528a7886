import { FundingInputError } from '../errors.ts';

/**
 * Keyset pagination by id: a cursor is the last id of the page before, opaque to callers (base64url), so
 * rows added meanwhile never shift a page and every row is listed exactly once.
 */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId }), 'utf8').toString('base64url');
}

/** @throws FundingInputError naming `cursor` for anything `encodeCursor` did not make */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'after' in value && typeof value.after === 'string') {
      return value.after;
    }
  } catch {
    // fall through to the error below
  }
  throw new FundingInputError('the cursor is not one a previous page returned', ['cursor']);
}

/** Cuts a `limit + 1` fetch into a page: the extra row only says that there is a next page. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
