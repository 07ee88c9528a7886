import { fieldError } from './input.ts';

/** One page of a list and the cursor of the next (`null` on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cursors are opaque to callers: the id of the last row returned, base64url-encoded. Lists are ordered by
 * id, so a row inserted while a caller pages through is seen once or not at all, never twice.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`id:${lastId}`, 'utf8').toString('base64url');
}

/** @throws DomainError `REGISTRY_CURSOR_INVALID` naming `cursor` when it was not made by `encodeCursor` */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('id:') || text.length === 3) {
    throw fieldError(
      'REGISTRY_CURSOR_INVALID',
      ['cursor'],
      'not a cursor this list returned; start without one',
    );
  }
  return text.slice(3);
}

/** Cuts the `limit + 1` rows a query fetched into a page. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor(last.id) : null };
}
