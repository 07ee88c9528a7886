import { keepPreviousData } from '@tanstack/react-query';
import { type HubClient, useHubQuery } from '../hub.tsx';

export type StationPage = Awaited<ReturnType<HubClient['registry']['stations']['list']['query']>>;
export type Station = StationPage['items'][number];
export type StationStatus = Station['status'];
export type StationWorker = Awaited<ReturnType<HubClient['registry']['workers']['list']['query']>>[number];
export type StationCompliance = Awaited<ReturnType<HubClient['reporting']['compliance']['station']['query']>>;
export type Finding = StationCompliance['findings'][number];

export const STATION_STATUSES: readonly StationStatus[] = [
  'planned',
  'building',
  'operating',
  'suspended',
  'closed',
];

/**
 * One page of stations (`registry.stations.list`, in id order): the gateway filters the list to the
 * signed-in jurisdiction, `regionCode` narrows it to a region inside it (a principal with a cross-province
 * grant must name one); `cursor` is the page's start, `nextCursor` the next page's.
 * @example useStations({ regionCode: '410103', limit: 20 })
 */
export function useStations(
  query: {
    regionCode?: string;
    status?: StationStatus;
    cursor?: string;
    limit?: number;
  },
  /** `enabled: false` holds the call, e.g. a page asking ahead only when the region looks like a county. */
  options: { enabled?: boolean } = {},
) {
  const input = { limit: 20, ...query };
  return useHubQuery(['registry.stations.list', input], (hub) => hub.registry.stations.list.query(input), {
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** One station (`registry.stations.get`); a station outside the jurisdiction answers 404, as a missing one. */
export function useStation(stationId: string) {
  return useHubQuery(['registry.stations.get', { id: stationId }], (hub) =>
    hub.registry.stations.get.query({ id: stationId }),
  );
}

/** The station's resident workers, ID numbers and phones masked by the server. */
export function useStationWorkers(stationId: string) {
  return useHubQuery(['registry.workers.list', { stationId }], (hub) =>
    hub.registry.workers.list.query({ stationId }),
  );
}

/** The station's current staffing findings, each with its rule and clause (`ZZ §4.4`). */
export function useStationCompliance(stationId: string) {
  return useHubQuery(['reporting.compliance.station', { stationId }], (hub) =>
    hub.reporting.compliance.station.query({ stationId }),
  );
}
