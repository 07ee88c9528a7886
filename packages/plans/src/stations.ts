import { type IsoDate, IsoDateSchema } from '@shegong/kernel';
import { normalizeRegionCode } from '@shegong/regions';
import { z } from 'zod';

/**
 * An operating station as the reporting read model holds it: where it is, what it is and the day it
 * started operating. The types are those of `@shegong/events`' `StationTypeSchema`; only a
 * `township-station` on a township code covers a township [ZZ §1.3, PY §1.2: 一乡镇一站点].
 */
export const OperatingStationSchema = z.object({
  regionCode: z.string().min(1),
  type: z.enum(['county-centre', 'township-station', 'community-room']),
  openedOn: IsoDateSchema,
});
export type OperatingStation = z.infer<typeof OperatingStationSchema>;

/**
 * Operating stations reduced to what coverage needs: for each township, the first day it had an operating
 * township station. Build it once and pass it to every coverage call (the functions also take a plain
 * station list and index it themselves).
 */
export interface StationIndex {
  readonly kind: 'station-index';
  /** Township code → the earliest `openedOn` of its township stations. */
  readonly firstOpened: ReadonlyMap<string, IsoDate>;
}

/**
 * Indexes operating stations by township. Other station types and non-township codes are left out;
 * codes in another common spelling (12 digits) are normalised.
 * @example indexStations([{ regionCode: '410927001', type: 'township-station', openedOn: '2021-06-01' }])
 */
export function indexStations(stations: readonly OperatingStation[]): StationIndex {
  const firstOpened = new Map<string, IsoDate>();
  for (const station of stations) {
    if (station.type !== 'township-station') continue;
    const code =
      station.regionCode.length === 9 ? station.regionCode : normalizeRegionCode(station.regionCode).code;
    if (code.length !== 9) continue;
    const known = firstOpened.get(code);
    if (known === undefined || station.openedOn < known) firstOpened.set(code, station.openedOn);
  }
  return { kind: 'station-index', firstOpened };
}

/** The index of `stations`, or `stations` itself if it already is one. */
export function asIndex(stations: readonly OperatingStation[] | StationIndex): StationIndex {
  return 'kind' in stations && stations.kind === 'station-index'
    ? stations
    : indexStations(stations as readonly OperatingStation[]);
}

/** Whether a township had an operating township station on `date` (opened that day counts). */
export function isCovered(index: StationIndex, township: string, date: IsoDate): boolean {
  const opened = index.firstOpened.get(township);
  return opened !== undefined && opened <= date;
}
