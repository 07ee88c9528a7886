import type { StationStatus } from './api.ts';

/**
 * The statuses a station may move to from each status, as the registry's lifecycle allows them:
 * planned → building → operating, operating ⇄ suspended, and any status → closed (final). The registry
 * is the authority (`services/registry/src/domain/lifecycle.ts` refuses anything else with
 * `STATION_TRANSITION_CONFLICT`, shown on the field); this copy only keeps the screen from offering a
 * step the server would refuse, since no gateway procedure answers it and the registry's table cannot be
 * imported in the browser.
 */
export const NEXT_STATUSES: Readonly<Record<StationStatus, readonly StationStatus[]>> = {
  planned: ['building', 'closed'],
  building: ['operating', 'closed'],
  operating: ['suspended', 'closed'],
  suspended: ['operating', 'closed'],
  closed: [],
};

/**
 * The statuses offered from `from`, in lifecycle order.
 * @example nextStatuses('operating') // ['suspended', 'closed']
 */
export function nextStatuses(from: StationStatus): readonly StationStatus[] {
  return NEXT_STATUSES[from];
}
