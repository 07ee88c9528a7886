import {
  ByIdSchema,
  ByStationSchema,
  batchOf,
  ChangeStationStatusSchema,
  ListStationsSchema,
  StationIdsSchema,
  StationInputSchema,
} from '@shegong/contracts';
import { z } from 'zod';
import {
  changeStationStatus,
  checkStations,
  getStation,
  listStations,
  type Station,
  type StationCheck,
  stationInstitutionsGap,
  stationPlaces,
  upsertStation,
  upsertStations,
} from '../domain/stations.ts';
import { procedure, router } from './trpc.ts';

export const stationsRouter = router({
  /** Registers or updates a station; emits station.registered.v1 / station.status-changed.v1. */
  upsert: procedure.input(StationInputSchema).mutation(({ ctx, input }) => upsertStation(ctx.db, input)),
  /**
   * All or nothing; an error names `items[i].field`. With `dryRun: true` nothing is written: the rows
   * arrive unchecked and each comes back as it would be saved or with every reason it would be refused.
   */
  upsertMany: procedure
    .input(
      z.discriminatedUnion('dryRun', [
        batchOf(StationInputSchema).extend({ dryRun: z.literal(false).optional() }),
        z.object({ items: z.array(z.unknown()).max(1_000), dryRun: z.literal(true) }),
      ]),
    )
    .mutation(
      ({ ctx, input }): Promise<Station[] | StationCheck[]> =>
        input.dryRun === true ? checkStations(ctx.db, input) : upsertStations(ctx.db, input),
    ),
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
