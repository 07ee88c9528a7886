import {
  ByIdSchema,
  ByStationSchema,
  batchOf,
  ChangeStationStatusSchema,
  ListStationsSchema,
  StationIdsSchema,
  StationInputSchema,
} from '@shegong/contracts';
import {
  changeStationStatus,
  getStation,
  listStations,
  stationInstitutionsGap,
  stationPlaces,
  upsertStation,
  upsertStations,
} from '../domain/stations.ts';
import { procedure, router } from './trpc.ts';

export const stationsRouter = router({
  /** Registers or updates a station; emits station.registered.v1 / station.status-changed.v1. */
  upsert: procedure.input(StationInputSchema).mutation(({ ctx, input }) => upsertStation(ctx.db, input)),
  /** All or nothing; an error names `items[i].field`. */
  upsertMany: procedure
    .input(batchOf(StationInputSchema))
    .mutation(({ ctx, input }) => upsertStations(ctx.db, input)),
  changeStatus: procedure
    .input(ChangeStationStatusSchema)
    .mutation(({ ctx, input }) => changeStationStatus(ctx.db, input)),
  get: procedure.input(ByIdSchema).query(({ ctx, input }) => getStation(ctx.db, input.id)),
  /** `{ items, nextCursor }`, in id order, filtered to a region and a status. */
  list: procedure
    .input(ListStationsSchema.optional())
    .query(({ ctx, input }) => listStations(ctx.db, input ?? {})),
  /** Region and operator of each named station that exists: the gateway's jurisdiction check. */
  places: procedure.input(StationIdsSchema).query(({ ctx, input }) => stationPlaces(ctx.db, input)),
  /** The ZZ §4.3 institutions the station does not have yet, with citations. */
  institutionsGap: procedure
    .input(ByStationSchema)
    .query(({ ctx, input }) => stationInstitutionsGap(ctx.db, input.stationId)),
});
