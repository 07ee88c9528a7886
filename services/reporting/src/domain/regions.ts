import { childrenOf, getRegion, getRegionAt, parentChain, type Region } from '@shegong/regions';

const paths = new Map<string, readonly string[]>();
const townships = new Map<string, number>();

/**
 * The codes of a region and its ancestors, province first: the regions a station's numbers roll up into.
 * Memoised: ingest asks once per record.
 * @example regionPath('410105001') // ['410000', '410100', '410105', '410105001']
 */
export function regionPath(code: string): readonly string[] {
  let path = paths.get(code);
  if (!path) {
    path = parentChain(code)
      .map((r) => r.code)
      .reverse();
    paths.set(code, path);
  }
  return path;
}

/**
 * How many townships (乡、镇、街道) a region has: the denominator of "one station per township"
 * [ZZ §1.3, PY §1.2]. A township counts itself.
 */
export function townshipCount(code: string): number {
  const region = getRegion(code);
  let n = townships.get(region.code);
  if (n === undefined) {
    n =
      region.level === 'township'
        ? 1
        : childrenOf(region.code).reduce((sum, child) => sum + townshipCount(child.code), 0);
    townships.set(region.code, n);
  }
  return n;
}

/**
 * The region a code names (any common spelling: `41`, `4101`, `410105001000`).
 * @throws DomainError `REGION_NOT_FOUND` / `REGION_CODE_INVALID` … naming the input field
 */
export function regionOf(code: string, path: ReadonlyArray<string | number> = ['regionCode']): Region {
  return getRegionAt(code, path);
}
