import { randomUUID } from 'node:crypto';
import type { EventOf, HubEventInput, HubEventType } from '@shegong/events';

type DataOf<T extends HubEventType> = EventOf<T>['data'];

/**
 * A registry event. Every event about a station, its workers, supervisors and staff changes is keyed
 * `station:<id>`, so all of one station's events land on one partition and stay in order.
 */
export function stationEvent<T extends HubEventType>(
  type: T,
  stationId: string,
  data: DataOf<T>,
): HubEventInput {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'registry',
    key: `station:${stationId}`,
    type,
    data,
  } as HubEventInput;
}

/** Today as an ISO calendar day (UTC), for changes a caller did not date. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
