import { describe, expect, it } from 'vitest';
import { counts, OPERATOR, rejectionOf, residentId, startRegistry, station, worker } from './test-harness.ts';

describe('what the gateway asks the registry', () => {
  it('stations.places gives region and operator of the stations that exist, in one call', async () => {
    await using registry = await startRegistry();
    const { caller } = registry;
    await caller.operators.upsert(OPERATOR);
    await caller.stations.upsert(station('st-a', { operatorId: OPERATOR.id }));
    await caller.stations.upsert(station('st-b', { regionCode: '410103001' }));
    expect(await caller.stations.places({ ids: ['st-b', 'st-a', 'st-missing', 'st-a'] })).toEqual([
      { id: 'st-a', regionCode: '410105001', operatorId: OPERATOR.id },
      { id: 'st-b', regionCode: '410103001', operatorId: null },
    ]);
    expect(await caller.stations.places({ ids: [] })).toEqual([]);
  });

  it('workers.reveal returns the full ID number and phone that every other read masks', async () => {
    await using registry = await startRegistry();
    const { caller } = registry;
    await caller.stations.upsert(station('st-a'));
    const idNumber = residentId('19900101', '017');
    const masked = await caller.workers.upsert(worker('w-1', 'st-a', { idNumber, phone: '13912345678' }));
    expect(masked).not.toHaveProperty('idNumber');
    expect(JSON.stringify(masked)).not.toContain(idNumber);
    expect(await caller.workers.reveal({ id: 'w-1' })).toEqual({
      id: 'w-1',
      stationId: 'st-a',
      idNumber,
      phone: '13912345678',
    });
    const missing = await rejectionOf(caller.workers.reveal({ id: 'w-none' }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('operators.upsertMany writes all or nothing and names the row that fails', async () => {
    await using registry = await startRegistry();
    const { caller } = registry;
    const before = await counts(registry);
    const error = await rejectionOf(
      caller.operators.upsertMany({
        items: [
          OPERATOR,
          { ...OPERATOR, id: 'op-copy' }, // same unified social credit code as row 0
        ],
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('items[1].unifiedSocialCreditCode');
    expect(await counts(registry)).toEqual(before);

    const saved = await caller.operators.upsertMany({
      items: [OPERATOR, { ...OPERATOR, id: 'op-2', unifiedSocialCreditCode: '52410105MJ0000002T' }],
    });
    expect(saved.map((o) => o.id)).toEqual([OPERATOR.id, 'op-2']);
  });
});
