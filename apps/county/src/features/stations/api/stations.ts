import { type HubClient, useHubQuery } from '@shegong/web';
import { keepPreviousData } from '@tanstack/react-query';

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
export const PAGE_SIZE = 20;

/**
 * One page of the county's stations (`registry.stations.list`, in id order): the gateway filters the list
 * to the signed-in jurisdiction; `cursor` is the page's start, `nextCursor` the next page's.
 */
export function useStations(query: { status?: StationStatus; cursor?: string }) {
  const input = { limit: PAGE_SIZE, ...query };
  return useHubQuery(['registry.stations.list', input], (hub) => hub.registry.stations.list.query(input), {
    placeholderData: keepPreviousData,
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
