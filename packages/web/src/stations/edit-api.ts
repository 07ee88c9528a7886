import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type HubClient, useHub, useHubQuery } from '../hub.tsx';
import type { Station } from './api.ts';

type Registry = HubClient['registry'];
/** What `registry.stations.upsert` takes: the zod schema's input, as the gateway types it. */
export type StationInput = Parameters<Registry['stations']['upsert']['mutate']>[0];
/** What `registry.workers.upsert` takes (the ID number in full; it comes back masked). */
export type WorkerInput = Parameters<Registry['workers']['upsert']['mutate']>[0];
export type TrainingInput = Parameters<Registry['workers']['addTraining']['mutate']>[0]['training'];
export type StationStatusChange = Parameters<Registry['stations']['changeStatus']['mutate']>[0];
/** One row of a dry run: the station as it would be saved (signage generated) or every reason it would not. */
export type StationCheck = Extract<
  Awaited<ReturnType<Registry['stations']['upsertMany']['mutate']>>[number],
  { errors: unknown }
>;
export type InstitutionsGap = Awaited<ReturnType<Registry['stations']['institutionsGap']['query']>>;

/** Every cached read of a station or its workers: refetched after a write, which may change any of them. */
const STATION_KEYS = [
  'registry.stations.list',
  'registry.stations.get',
  'registry.stations.institutionsGap',
  'registry.workers.list',
  'reporting.compliance.station',
];

/**
 * The registry's station writes through the gateway: `upsert` (create or edit), `changeStatus` (one step
 * of the lifecycle) and `check`, a dry run of one station (`upsertMany` with `dryRun: true`) that writes
 * nothing and answers the station as it would be saved — its signage name generated [ZZ §4.5] — or every
 * reason it would be refused, each naming its field.
 */
export function useStationWrites() {
  const hub = useHub();
  const queryClient = useQueryClient();
  const onSuccess = () => {
    for (const key of STATION_KEYS) void queryClient.invalidateQueries({ queryKey: [key] });
  };
  return {
    upsert: useMutation<Station, Error, StationInput>({
      mutationFn: (input) => hub.registry.stations.upsert.mutate(input),
      onSuccess,
    }),
    changeStatus: useMutation<Station, Error, StationStatusChange>({
      mutationFn: (input) => hub.registry.stations.changeStatus.mutate(input),
      onSuccess,
    }),
    check: useMutation<StationCheck, Error, StationInput>({
      mutationFn: async (input) => {
        const [row] = (await hub.registry.stations.upsertMany.mutate({
          items: [input],
          dryRun: true,
        })) as StationCheck[];
        if (!row) throw new Error('the dry run answered no row');
        return row;
      },
    }),
  };
}

/** The registry's worker writes: `upsert` (answers the worker masked) and `addTraining`. */
export function useWorkerWrites() {
  const hub = useHub();
  const queryClient = useQueryClient();
  const onSuccess = () => {
    for (const key of STATION_KEYS) void queryClient.invalidateQueries({ queryKey: [key] });
    void queryClient.invalidateQueries({ queryKey: ['registry.workers.get'] });
  };
  return {
    upsert: useMutation({
      mutationFn: (input: WorkerInput) => hub.registry.workers.upsert.mutate(input),
      onSuccess,
    }),
    addTraining: useMutation({
      mutationFn: (input: { workerId: string; training: TrainingInput }) =>
        hub.registry.workers.addTraining.mutate(input),
      onSuccess,
    }),
  };
}

/** One resident worker, masked (`registry.workers.get`). */
export function useWorker(workerId: string | undefined) {
  return useHubQuery(
    ['registry.workers.get', { id: workerId }],
    (hub) => hub.registry.workers.get.query({ id: workerId ?? '' }),
    { enabled: workerId !== undefined },
  );
}

/**
 * The station's institutions against the ZZ §4.3 checklist (`registry.stations.institutionsGap`): in
 * place and missing, each with its Chinese and English name and clause — the checklist itself, from the
 * server, since `@shegong/contracts` cannot run in the browser.
 */
export function useInstitutions(stationId: string | undefined) {
  return useHubQuery(
    ['registry.stations.institutionsGap', { stationId }],
    (hub) => hub.registry.stations.institutionsGap.query({ stationId: stationId ?? '' }),
    { enabled: stationId !== undefined },
  );
}

/** The townships (and streets) of a county, in code order (`regions.children`): a station's place. */
export function useTownships(countyCode: string | undefined) {
  return useHubQuery(
    ['regions.children', { code: countyCode }],
    (hub) => hub.regions.children.query({ code: countyCode ?? '' }),
    { enabled: countyCode !== undefined, staleTime: Number.POSITIVE_INFINITY },
  );
}
