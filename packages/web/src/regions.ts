import { type HubClient, useHubQuery } from './hub.tsx';

/** A region as the gateway's `regions.*` names it: code, name, level, parent. */
export type RegionInfo = Awaited<ReturnType<HubClient['regions']['get']['query']>>;

/** The published division does not change while a console is open: ask once per session. */
const REFERENCE = { staleTime: Number.POSITIVE_INFINITY, gcTime: 60 * 60_000 } as const;

/**
 * Names of the regions a screen shows, from the gateway's `regions.names` (the consoles bundle no division
 * data: all of China's townships is megabytes). One call for the distinct codes, cached; until it answers,
 * or for a code the division does not have, the map has no name and the screen shows the code alone.
 * @example const names = useRegionNames(stations.map((s) => s.regionCode)); names.get('410105002') // '花园路街道'
 */
export function useRegionNames(codes: ReadonlyArray<string | undefined>): Map<string, string> {
  const distinct = [...new Set(codes.filter((c): c is string => !!c))].sort();
  const names = useHubQuery(
    ['regions.names', { codes: distinct }],
    (hub) => hub.regions.names.query({ codes: distinct }),
    { ...REFERENCE, enabled: distinct.length > 0 },
  );
  return new Map((names.data ?? []).map((r) => [r.code, r.name]));
}

/**
 * A region and its ancestors, province first (`regions.chain`: one call, where walking `regions.get` up
 * the parent codes made a drill-down page wait for one round trip per level), for breadcrumbs.
 * @example useRegionChain('410103').data?.map((r) => r.name) // ['河南省', '郑州市', '二七区']
 */
export function useRegionChain(code: string | undefined) {
  return useHubQuery(
    ['regions.chain', { code }],
    (hub): Promise<RegionInfo[]> => hub.regions.chain.query({ code: code ?? '' }),
    { ...REFERENCE, enabled: code !== undefined },
  );
}
