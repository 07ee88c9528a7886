import type { HubEvent } from '@shegong/events';
import { InProcessBus } from '@shegong/messaging';
import { describe, expect, it } from 'vitest';
import { residentId, startRegistry, station, worker } from './test-harness.ts';

describe('relay to an in-process bus', () => {
  it("delivers every committed event, each station's in the order they happened", async () => {
    const bus = new InProcessBus();
    const received: HubEvent[] = [];
    bus.subscribe('shegong.stations', async (event) => {
      received.push(event);
    });
    await using registry = await startRegistry({ publisher: bus });
    const { caller } = registry;

    // Three stations' writes, interleaved, plus one refused write that must never show up.
    await caller.stations.upsert(station('st-a'));
    await caller.stations.upsert(station('st-b', { regionCode: '410105002' }));
    await caller.workers.upsert(worker('w-a1', 'st-a', { idNumber: residentId('19900101', '011') }));
    await caller.stations.changeStatus({ stationId: 'st-b', to: 'building', on: '2021-03-01' });
    await caller.stations.upsert(station('st-c', { regionCode: '410105003' }));
    await caller.stations.changeStatus({ stationId: 'st-a', to: 'building', on: '2021-03-02' });
    await expect(
      caller.stations.changeStatus({ stationId: 'st-c', to: 'operating', on: '2021-03-02' }),
    ).rejects.toThrow();
    await caller.supervisors.upsert({ id: 'sv-b', stationId: 'st-b', assignedOn: '2021-04-01' });
    await caller.stations.changeStatus({ stationId: 'st-a', to: 'operating', on: '2021-06-01' });
    await caller.staffChanges.file({
      stationId: 'st-c',
      workerId: 'w-c1',
      kind: 'join',
      effectiveOn: '2021-05-01',
      filedOn: '2021-04-20',
    });
    await caller.stations.changeStatus({ stationId: 'st-b', to: 'operating', on: '2021-06-02' });
    await caller.workers.addTraining({
      workerId: 'w-a1',
      training: { date: '2021-07-01', hours: 8, kind: 'continuing', provider: { kind: 'operator' } },
    });
    await registry.service.drain();

    const trail = (stationId: string) =>
      received
        .filter((e) => e.key === `station:${stationId}`)
        .map((e) => (e.type === 'station.status-changed.v1' ? `${e.type}:${e.data.to}` : e.type));
    expect(trail('st-a')).toEqual([
      'station.registered.v1',
      'worker.upserted.v1',
      'station.status-changed.v1:building',
      'station.status-changed.v1:operating',
      'worker.upserted.v1',
    ]);
    expect(trail('st-b')).toEqual([
      'station.registered.v1',
      'station.status-changed.v1:building',
      'supervisor.upserted.v1',
      'station.status-changed.v1:operating',
    ]);
    expect(trail('st-c')).toEqual(['station.registered.v1', 'staff-change.filed.v1']);
    expect(received).toHaveLength(11);
    expect(new Set(received.map((e) => e.id)).size).toBe(11);
    expect(received.every((e) => e.source === 'registry')).toBe(true);
  });
});
