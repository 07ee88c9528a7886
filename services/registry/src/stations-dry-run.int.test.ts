import { describe, expect, it } from 'vitest';
import type { Station, StationCheck } from './domain/stations.ts';
import { counts, OPERATOR, outbox, startRegistry, station } from './test-harness.ts';

describe('stations.upsertMany with dryRun', () => {
  it('checks every row, says what each would be saved as or why not, and writes nothing', async () => {
    await using registry = await startRegistry();
    await registry.caller.operators.upsert(OPERATOR);
    await registry.caller.stations.upsert(station('st-open', { status: 'operating' }));
    const before = await counts(registry);
    const events = await outbox(registry);

    const checks = await registry.caller.stations.upsertMany({
      dryRun: true,
      items: [
        station('st-new', { operatorId: OPERATOR.id }),
        { ...station('st-bad'), name: '', type: 'no-such-type' },
        station('st-orphan', { operatorId: 'op-none' }),
        station('st-open', { status: 'planned' }), // operating → planned is not a transition
        station('st-new-2'),
      ],
    });

    expect(checks).toHaveLength(5);
    const [fresh, schema, operator, transition, clean] = checks as StationCheck[];
    expect(fresh).toMatchObject({ index: 0, id: 'st-new', errors: [] });
    expect(fresh?.station?.signageName).toBe('经八路街道社会工作服务站');
    // Schema problems: every bad field of the row, under the row.
    expect(schema?.station).toBeNull();
    expect(schema?.errors.map((e) => e.path).sort()).toEqual(['name', 'type']);
    // Database-side problems are found too, each on its own row (a savepoint per row).
    expect(operator?.errors).toEqual([
      {
        path: 'operatorId',
        code: 'OPERATOR_UNKNOWN',
        message: 'no operator has the id "op-none": register it first (operators.upsert)',
      },
    ]);
    expect(transition?.errors[0]).toMatchObject({ path: 'status', code: 'STATION_TRANSITION_CONFLICT' });
    expect(clean).toMatchObject({ index: 4, id: 'st-new-2', errors: [] });

    // Nothing written: no row, no status change, no event.
    expect(await counts(registry)).toEqual(before);
    expect(await outbox(registry)).toEqual(events);
    expect((await registry.caller.stations.get({ id: 'st-open' })).status).toBe('operating');

    // A clean dry run writes nothing either; the real call then writes what it promised.
    const items = [station('st-new', { operatorId: OPERATOR.id }), station('st-new-2')];
    const dry = (await registry.caller.stations.upsertMany({ dryRun: true, items })) as StationCheck[];
    expect(dry.every((c) => c.errors.length === 0)).toBe(true);
    expect(await counts(registry)).toEqual(before);
    const saved = (await registry.caller.stations.upsertMany({ items })) as Station[];
    expect(saved.map((s) => s.signageName)).toEqual(dry.map((c) => c.station?.signageName));
    expect((await counts(registry)).stations).toBe((before.stations ?? 0) + 2);
  });

  it('keeps the all-or-nothing write as it was: a bad row refuses the batch with zod issues', async () => {
    await using registry = await startRegistry();
    const bad = [station('b-0'), { ...station('b-1'), regionCode: '410105999' }];
    await expect(registry.caller.stations.upsertMany({ items: bad })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [{ path: ['items', 1, 'regionCode'] }] },
    });
    expect((await counts(registry)).stations).toBe(0);
  });
});
