import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MaskedWorker, WorkerCheck } from './domain/workers.ts';
import { counts, outbox, residentId, startRegistry, station, worker } from './test-harness.ts';

/** Every worker row as stored (ciphertexts included): a dry run must leave it byte for byte as it was. */
async function fingerprint(registry: Awaited<ReturnType<typeof startRegistry>>) {
  const rows = await sql<{ f: string | null }>`
    select md5(string_agg(w::text, '|' order by w.id)) as f from registry.workers w`.execute(registry.db);
  return rows.rows[0]?.f ?? null;
}

describe('workers.upsertMany with dryRun', () => {
  it('checks every row, says what each would be saved as (masked) or why not, and writes nothing', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    await registry.caller.workers.upsert(worker('w-old', 'st-1', { idNumber: residentId('19850101') }));
    const before = await counts(registry);
    const events = await outbox(registry);
    const rows = await fingerprint(registry);

    const badCheckDigit = `${residentId('19910510').slice(0, 17)}X`; // the right one is 3
    const items = [
      worker('w-new', 'st-1'),
      worker('w-id', 'st-1', { idNumber: badCheckDigit }),
      { ...worker('w-schema', 'st-1'), appointedOn: 'yesterday', education: 'none-such' },
      worker('w-nowhere', 'st-none', { idNumber: residentId('19920202') }),
      worker('w-dup', 'st-1', { idNumber: residentId('19850101') }), // already w-old
      worker('w-old', 'st-1', { idNumber: residentId('19850101'), name: '李四' }), // an update is fine
    ];
    const checks = (await registry.caller.workers.upsertMany({ dryRun: true, items })) as WorkerCheck[];

    expect(checks.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5]);
    const [fresh, id, schema, nowhere, dup, update] = checks;
    expect(fresh).toMatchObject({
      id: 'w-new',
      errors: [],
      worker: { idNumberMasked: '410105********1233' },
    });
    expect(fresh?.worker).not.toHaveProperty('idNumber');
    expect(id?.worker).toBeNull();
    expect(id?.errors).toEqual([
      {
        path: 'idNumber',
        code: 'REGISTRY_INPUT_INVALID',
        message: expect.stringMatching(/fails its check/),
        // What the refusal was, for a console to word it in Chinese.
        issue: {
          code: 'custom',
          params: { reason: 'check', zh: expect.stringMatching(/^身份证号码校验位错误/) },
        },
      },
    ]);
    // A schema refusal says what it was without its wording (and never the value sent).
    expect(
      schema?.errors.every((e) => typeof e.issue?.code === 'string' && !('input' in (e.issue ?? {}))),
    ).toBe(true);
    expect(schema?.errors.map((e) => e.path).sort()).toEqual(['appointedOn', 'education']);
    expect(nowhere?.errors).toEqual([
      expect.objectContaining({ path: 'stationId', code: 'STATION_UNKNOWN' }),
    ]);
    expect(dup?.errors).toEqual([expect.objectContaining({ path: 'idNumber', code: 'WORKER_DUPLICATE' })]);
    expect(update).toMatchObject({ errors: [], worker: { id: 'w-old', name: '李四' } });

    // Nothing written: no row changed, no event.
    expect(await counts(registry)).toEqual(before);
    expect(await outbox(registry)).toEqual(events);
    expect(await fingerprint(registry)).toBe(rows);

    // The dry run reports what the real call refuses: the ID number row, by the same path and code.
    const real = registry.caller.workers.upsertMany({ items: [items[0], items[1]] as never });
    await expect(real).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [{ path: ['items', 1, 'idNumber'], message: id?.errors[0]?.message }] },
    });
    expect(id?.errors[0]?.message).toContain('GB 11643');
    expect(await counts(registry)).toEqual(before);

    // A clean dry run writes nothing either; the real call then saves what it promised.
    const clean = [
      worker('w-new', 'st-1'),
      worker('w-old', 'st-1', { idNumber: residentId('19850101'), name: '李四' }),
    ];
    const dry = (await registry.caller.workers.upsertMany({ dryRun: true, items: clean })) as WorkerCheck[];
    expect(dry.every((c) => c.errors.length === 0)).toBe(true);
    expect(await fingerprint(registry)).toBe(rows);
    const saved = (await registry.caller.workers.upsertMany({ items: clean })) as MaskedWorker[];
    expect(saved).toEqual(dry.map((c) => c.worker));
    expect((await counts(registry)).workers).toBe((before.workers ?? 0) + 1);
  });

  it('catches the same person twice in one sheet, as the real write would', async () => {
    await using registry = await startRegistry();
    await registry.caller.stations.upsert(station('st-1'));
    const checks = (await registry.caller.workers.upsertMany({
      dryRun: true,
      items: [worker('w-a', 'st-1'), worker('w-b', 'st-1')], // same default ID number
    })) as WorkerCheck[];
    expect(checks[0]?.errors).toEqual([]);
    expect(checks[1]?.errors).toEqual([
      expect.objectContaining({ path: 'idNumber', code: 'WORKER_DUPLICATE' }),
    ]);
    expect((await counts(registry)).workers).toBe(0);
  });
});
