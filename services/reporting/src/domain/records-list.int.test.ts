import { describe, expect, it } from 'vitest';
import { rejection, serviceRecord, startReporting, stationOpened } from '../test-harness.ts';

describe('serviceRecords.list', () => {
  it('pages a station’s records by date then id, within a month, and names a bad cursor', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(
      ...stationOpened('st-jbl', { regionCode: '410105001' }),
      ...stationOpened('st-hhl', { regionCode: '410103001' }),
    );
    await reporting.caller.serviceRecords.ingest({
      idempotencyKey: 'list-1',
      records: [
        serviceRecord('r-b', { date: '2023-03-14', hours: 1.5 }),
        serviceRecord('r-a', { date: '2023-03-14' }),
        serviceRecord('r-c', { date: '2023-02-28' }),
        serviceRecord('r-d', { date: '2023-04-01', beneficiaries: 4, volunteers: 2 }),
        serviceRecord('r-x', { stationId: 'st-hhl', date: '2023-03-01' }),
      ],
    });

    const first = await reporting.caller.serviceRecords.list({ stationId: 'st-jbl', limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['r-c', 'r-a']);
    expect(first.nextCursor).not.toBeNull();
    const second = await reporting.caller.serviceRecords.list({
      stationId: 'st-jbl',
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second.items.map((r) => r.id)).toEqual(['r-b', 'r-d']);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]).toMatchObject({
      stationId: 'st-jbl',
      catalogId: 'zz-2021',
      itemRef: '1.3',
      kind: 'case',
      date: '2023-03-14',
      populations: ['dibao'],
      hours: 1.5,
    });
    expect(second.items[1]).toMatchObject({ beneficiaries: 4, volunteers: 2, date: '2023-04-01' });

    const march = await reporting.caller.serviceRecords.list({ stationId: 'st-jbl', month: '2023-03' });
    expect(march.items.map((r) => r.id)).toEqual(['r-a', 'r-b']);
    const december = await reporting.caller.serviceRecords.list({ stationId: 'st-jbl', month: '2022-12' });
    expect(december).toEqual({ items: [], nextCursor: null });

    const badCursor = await rejection(
      reporting.caller.serviceRecords.list({ stationId: 'st-jbl', cursor: 'bm90LWEtY3Vyc29y' }),
    );
    expect(badCursor.fields).toEqual(['cursor']);
    const badMonth = await rejection(
      reporting.caller.serviceRecords.list({ stationId: 'st-jbl', month: '2023-13' }),
    );
    expect(badMonth.fields).toEqual(['month']);
  });
});
