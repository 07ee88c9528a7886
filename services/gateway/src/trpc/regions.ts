import { DomainError } from '@shegong/kernel';
import { childrenOf, getRegionAt, parentChain, type Region } from '@shegong/regions';
import { z } from 'zod';
import { authedProcedure, router } from './init.ts';

/**
 * `regions.*`: names and the tree of China's divisions, for the consoles, which bundle no division data
 * (all of China's townships is megabytes). This is public reference data — the national statistical
 * division as published — so any signed-in principal may read any region, and no jurisdiction filter
 * applies: knowing that 420102 is 江岸区 reveals nothing a caller may not see. What is *in* a region
 * (stations, workers, money) stays behind the services' policies.
 */

/** A region as the consoles show it. */
export const ZRegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township']),
  parentCode: z.string().nullable(),
});
export type TRegion = z.infer<typeof ZRegionSchema>;

const RegionCodeInput = z.string().trim().min(2).max(12);

export const ZRegionGetRequestSchema = z.object({ code: RegionCodeInput });
export const ZRegionNamesRequestSchema = z.object({ codes: z.array(RegionCodeInput).min(1).max(2_000) });
export const ZRegionChildrenRequestSchema = z.object({ code: RegionCodeInput });
export const ZRegionChainRequestSchema = z.object({ code: RegionCodeInput });

function shown(region: Region): TRegion {
  return { code: region.code, name: region.name, level: region.level, parentCode: region.parentCode };
}

/**
 * One region per distinct code asked, in the order first asked. All or nothing, like every batch of the
 * hub: one unknown code refuses the call with a 404 naming every unknown code.
 * @example regionNames(['410105', '410105002']) // [{ code: '410105', name: '金水区', … }, { …, name: '花园路街道' }]
 */
export function regionNames(codes: readonly string[]): TRegion[] {
  const found = new Map<string, TRegion>();
  const unknown: Array<{ index: number; code: string }> = [];
  for (const [index, code] of codes.entries()) {
    try {
      const region = getRegionAt(code, ['codes', index]);
      if (!found.has(region.code)) found.set(region.code, shown(region));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'REGION_NOT_FOUND') unknown.push({ index, code });
      else throw error;
    }
  }
  const first = unknown[0];
  if (first) {
    throw new DomainError(
      'REGION_NOT_FOUND',
      `no region has the code${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.code}"`).join(', ')}`,
      { path: ['codes', first.index], details: { codes: unknown.map((u) => u.code) } },
    );
  }
  return [...found.values()];
}

export const regionsRouter = router({
  /** `regions.get`: one region. */
  get: authedProcedure
    .input(ZRegionGetRequestSchema)
    .query(({ input }) => shown(getRegionAt(input.code, ['code']))),
  /** `regions.names`: up to 2,000 regions at once (a page of stations' townships). */
  names: authedProcedure.input(ZRegionNamesRequestSchema).query(({ input }) => regionNames(input.codes)),
  /**
   * `regions.chain`: a region and its ancestors, province first, for a console's breadcrumbs and its
   * drill-down level: one round trip where `regions.get` up the parent codes takes one per level.
   */
  chain: authedProcedure.input(ZRegionChainRequestSchema).query(({ input }) =>
    parentChain(getRegionAt(input.code, ['code']).code)
      .reverse()
      .map(shown),
  ),
  /** `regions.children`: the regions one level below, in code order; a township has none. */
  children: authedProcedure
    .input(ZRegionChildrenRequestSchema)
    .query(({ input }) => childrenOf(getRegionAt(input.code, ['code']).code).map(shown)),
});
