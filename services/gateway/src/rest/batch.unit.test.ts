import { DomainError } from '@shegong/kernel';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatchRejected, writeBatch } from './batch.ts';

const Item = z.object({ id: z.string(), n: z.number().int() });

/** A stand-in for an all-or-nothing service call: refuses the first row whose n is negative. */
function allOrNothing(calls: unknown[][]) {
  return async (rows: unknown[]) => {
    calls.push(rows);
    const bad = rows.findIndex((r) => (r as { n: number }).n < 0);
    if (bad >= 0) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `items[${bad}].n: negative`,
        cause: new DomainError('ITEM_CONFLICT', `items[${bad}].n: negative`, { path: ['items', bad, 'n'] }),
      });
    }
    return rows as Array<{ id: string }>;
  };
}

describe('writeBatch', () => {
  it('without partial, names every row that fails validation and sends nothing', async () => {
    const calls: unknown[][] = [];
    const error = await writeBatch({
      rows: [{ id: 'a', n: 1 }, { id: 'b', n: 'x' }, { n: 2 }],
      partial: false,
      item: Item,
      send: allOrNothing(calls),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchRejected);
    expect((error as BatchRejected).rows.map((r) => [r.index, r.id, r.errors[0]?.path])).toEqual([
      [1, 'b', 'items[1].n'],
      [2, null, 'items[2].id'],
    ]);
    expect(calls).toEqual([]);
  });

  it('with partial, sets bad rows aside, peels off the rows the service refuses, and keeps positions', async () => {
    const calls: unknown[][] = [];
    const result = await writeBatch({
      rows: [
        { id: 'a', n: 1 },
        { id: 'b', n: -1 },
        { id: 'c', n: 'x' },
        { id: 'd', n: -2 },
        { id: 'e', n: 5 },
      ],
      partial: true,
      item: Item,
      send: allOrNothing(calls),
    });
    expect(result.accepted).toBe(2);
    expect(result.items.map((i) => i.id)).toEqual(['a', 'e']);
    expect(result.rejected.map((r) => [r.index, r.errors[0]?.path, r.errors[0]?.code])).toEqual([
      [1, 'items[1].n', 'ITEM_CONFLICT'],
      [2, 'items[2].n', 'FIELD_INVALID'],
      [3, 'items[3].n', 'ITEM_CONFLICT'],
    ]);
    expect(calls).toHaveLength(3);
  });

  it('without partial, a row the service refuses is reported at its place in the caller’s batch', async () => {
    const error = await writeBatch({
      rows: [
        { id: 'a', n: 'x' },
        { id: 'b', n: 1 },
        { id: 'c', n: -1 },
      ],
      partial: false,
      item: z.object({ id: z.string() }),
      send: allOrNothing([]),
    }).catch((e: unknown) => e);
    expect((error as BatchRejected).rows.map((r) => r.index)).toEqual([2]);
  });

  it('passes on an error that names no row', async () => {
    await expect(
      writeBatch({
        rows: [{ id: 'a', n: 1 }],
        partial: true,
        item: Item,
        send: async () => {
          throw new TRPCError({ code: 'BAD_GATEWAY', message: 'registry down' });
        },
      }),
    ).rejects.toThrow('registry down');
  });
});
