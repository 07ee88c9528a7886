import { DomainError } from '@shegong/kernel';
import { normalizeRegionCode } from './codes.ts';
import { loadTownships, loadUpperLevels } from './division-data.ts';
import { RegionError } from './errors.ts';
import type { Region, RegionLevel } from './schema.ts';

interface Index {
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  all: Region[];
}

let upper: Index | undefined;
let full: Index | undefined;

function buildIndex(regions: Region[]): Index {
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  for (const region of regions) {
    byCode.set(region.code, region);
    if (region.parentCode !== null) {
      const siblings = children.get(region.parentCode);
      if (siblings) siblings.push(region);
      else children.set(region.parentCode, [region]);
    }
  }
  return { byCode, children, all: regions };
}

function indexFor(level: RegionLevel): Index {
  if (level === 'township') {
    full ??= buildIndex([...loadUpperLevels(), ...loadTownships()]);
    return full;
  }
  if (full) return full;
  upper ??= buildIndex(loadUpperLevels());
  return upper;
}

/**
 * The region with this code, or `undefined` when the code is well-formed but unknown.
 *
 * @example
 * findRegion('4101')      // { code: '410100', name: '郑州市', level: 'city', parentCode: '410000', … }
 * findRegion('410105001') // { code: '410105001', name: '经八路街道', level: 'township', townshipKind: 'jiedao', … }
 * @throws RegionError `REGION_CODE_INVALID` for a malformed code
 */
export function findRegion(code: string): Region | undefined {
  const normalized = normalizeRegionCode(code);
  return indexFor(normalized.level).byCode.get(normalized.code);
}

/**
 * Like `findRegion`, but an unknown code is an error.
 * @throws RegionError `REGION_NOT_FOUND` naming the code
 */
export function getRegion(code: string): Region {
  const region = findRegion(code);
  if (!region) {
    throw new RegionError('REGION_NOT_FOUND', code, `no region has the code "${code}"`);
  }
  return region;
}

/**
 * `getRegion` for a code that came in an input field: the same errors, carrying the field's `path`, so an
 * API answer names the field (`items[2].regionCode`).
 * @example getRegionAt('410199', ['regionCode']) // throws REGION_NOT_FOUND with path ['regionCode']
 */
export function getRegionAt(code: string, path: ReadonlyArray<string | number>): Region {
  try {
    return getRegion(code);
  } catch (error) {
    if (error instanceof RegionError)
      throw new DomainError(error.code, error.message, { path, details: error.details, cause: error });
    throw error;
  }
}

/** The level of an existing region. */
export function levelOf(code: string): RegionLevel {
  return getRegion(code).level;
}

/**
 * The region and its ancestors, from the region up to its province.
 * @example parentChain('410105001').map((r) => r.name) // ['经八路街道', '金水区', '郑州市', '河南省']
 */
export function parentChain(code: string): Region[] {
  const chain: Region[] = [];
  let current: Region | undefined = getRegion(code);
  while (current) {
    chain.push(current);
    current = current.parentCode === null ? undefined : findRegion(current.parentCode);
  }
  return chain;
}

/**
 * The regions one level below, in code order. A township has none. A city without a county level
 * (东莞市, 中山市, 儋州市) has townships as its children.
 */
export function childrenOf(code: string): Region[] {
  const region = getRegion(code);
  if (region.level === 'township') return [];
  const below = indexFor('county').children.get(region.code);
  if (below?.length || region.level === 'province') return [...(below ?? [])];
  return [...(indexFor('township').children.get(region.code) ?? [])];
}

/**
 * The townships (乡、镇、街道 and other township-level units) of a county-level region, or of a city that
 * has no county level.
 */
export function townshipsOf(countyCode: string): Region[] {
  const county = getRegion(countyCode);
  const children = county.level === 'city' ? childrenOf(county.code) : [];
  if (county.level === 'city' && children[0]?.level === 'township') return children;
  if (county.level !== 'county') {
    throw new RegionError(
      'REGION_LEVEL_UNSUPPORTED',
      countyCode,
      `"${countyCode}" (${county.name}) is a ${county.level}; townshipsOf needs a county-level code`,
    );
  }
  return childrenOf(county.code);
}

/**
 * Whether `code` lies inside `ancestor` (a region contains itself).
 * @example contains('410000', '410105001') // true: 经八路街道 is in Henan
 */
export function contains(ancestor: string, code: string): boolean {
  const outer = getRegion(ancestor);
  return parentChain(code).some((region) => region.code === outer.code);
}

export interface SearchOptions {
  /** Only regions of this level. */
  level?: RegionLevel;
  /** Only regions inside this one. */
  within?: string;
  /** At most this many results (default 50). */
  limit?: number;
}

/**
 * Regions whose Chinese name contains `name`, best first: exact name, then names starting with it, then
 * the rest; ties by level (province first) and code. Townships are searched too unless `level` excludes them.
 * @example searchRegions('金水')[0].name // '金水区'
 */
export function searchRegions(name: string, options: SearchOptions = {}): Region[] {
  const query = name.trim();
  if (query === '') return [];
  const within = options.within === undefined ? undefined : getRegion(options.within);
  const index = indexFor(options.level ?? 'township');
  const rank = (r: Region) => (r.name === query ? 0 : r.name.startsWith(query) ? 1 : 2);
  const levelOrder: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, township: 3 };
  return index.all
    .filter((r) => r.name.includes(query))
    .filter((r) => options.level === undefined || r.level === options.level)
    .filter((r) => within === undefined || contains(within.code, r.code))
    .sort(
      (a, b) =>
        rank(a) - rank(b) || levelOrder[a.level] - levelOrder[b.level] || a.code.localeCompare(b.code),
    )
    .slice(0, options.limit ?? 50);
}
