import { HubEventSchema } from '@shegong/events';
import { describe, expect, it } from 'vitest';
import { eventDate } from './events.ts';

const at = (occurredAt: string) =>
  HubEventSchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    occurredAt,
    source: 'registry',
    key: 'station:st',
    type: 'station.status-changed.v1',
    data: { stationId: 'st', from: 'planned', to: 'operating', on: '2023-03-02' },
  });

describe('eventDate', () => {
  it('is the calendar day in China, whatever offset the producer wrote the time in', () => {
    // 07:30 in Beijing on 2 March, written in UTC as the registry does (new Date().toISOString())
    expect(eventDate(at('2023-03-01T23:30:00.000Z'))).toBe('2023-03-02');
    expect(eventDate(at('2023-03-02T07:30:00+08:00'))).toBe('2023-03-02');
    expect(eventDate(at('2023-03-02T15:59:59Z'))).toBe('2023-03-02');
    expect(eventDate(at('2023-03-02T16:00:00Z'))).toBe('2023-03-03');
  });
});
