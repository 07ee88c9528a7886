import type { StationStatusSchema } from '@shegong/events';
import { DomainError } from '@shegong/kernel';
import type { z } from 'zod';

export type StationStatus = z.infer<typeof StationStatusSchema>;

/**
 * A station's lifecycle: planned → building → operating, operating ⇄ suspended, and any status → closed.
 * `closed` is final: a station that reopens is registered again under a new id.
 */
export const NEXT_STATUSES: Readonly<Record<StationStatus, readonly StationStatus[]>> = {
  planned: ['building', 'closed'],
  building: ['operating', 'closed'],
  operating: ['suspended', 'closed'],
  suspended: ['operating', 'closed'],
  closed: [],
};

/**
 * Whether a station may move from `from` to `to` in one step. Staying put is not a transition.
 * @example canTransition('operating', 'suspended') // true
 * @example canTransition('planned', 'operating')   // false: it is built first
 */
export function canTransition(from: StationStatus, to: StationStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/**
 * @throws DomainError `STATION_TRANSITION_CONFLICT` (409) naming `from` and `to` and what `from` allows
 */
export function assertTransition(
  stationId: string,
  from: StationStatus,
  to: StationStatus,
  path: ReadonlyArray<string | number>,
): void {
  if (canTransition(from, to)) return;
  const allowed = NEXT_STATUSES[from];
  const next =
    allowed.length === 0 ? `${from} is final` : `from ${from} it can go to ${allowed.join(' or ')}`;
  throw new DomainError(
    'STATION_TRANSITION_CONFLICT',
    `station ${stationId} cannot go from ${from} to ${to}: ${next}`,
    { path, details: { stationId, from, to, allowed: [...allowed] } },
  );
}
