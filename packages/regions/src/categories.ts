import { DomainError } from '@shegong/kernel';
import { FUNCTIONAL_ZONES, REGION_CATEGORIES } from './data/policy-areas.ts';
import { childrenOf, contains, getRegion, townshipsOf } from './directory.ts';
import type { Region } from './schema.ts';

/** A functional zone (开发区、新区、示范区 …) outside the statistical division, with resolved townships. */
export interface FunctionalZone {
  id: string;
  name: string;
  cityCode: string;
  townships: Region[];
  source: string;
}

/** A set of regions a policy rule treats alike, e.g. Wuhan's central urban districts [WH §2.2]. */
export interface RegionCategory {
  id: string;
  label: { zh: string; en: string };
  citation: string;
  counties: Region[];
  zones: FunctionalZone[];
}

let zones: Map<string, FunctionalZone> | undefined;
let categories: Map<string, RegionCategory> | undefined;

function resolveCounty(cityCode: string, name: string, where: string): Region {
  const county = childrenOf(cityCode).find((r) => r.name === name);
  if (!county) {
    throw new DomainError('POLICY_AREA_UNRESOLVED', `${where}: no county named "${name}" in ${cityCode}`);
  }
  return county;
}

function loadZones(): Map<string, FunctionalZone> {
  zones ??= new Map(
    FUNCTIONAL_ZONES.map((def) => {
      const townships = def.townships.flatMap(({ county, names }) => {
        const inCounty = townshipsOf(resolveCounty(def.cityCode, county, def.id).code);
        return names.map((name) => {
          const township = inCounty.find((t) => t.name === name);
          if (!township) {
            throw new DomainError('POLICY_AREA_UNRESOLVED', `${def.id}: no township "${name}" in ${county}`);
          }
          return township;
        });
      });
      return [
        def.id,
        { id: def.id, name: def.name, cityCode: getRegion(def.cityCode).code, townships, source: def.source },
      ];
    }),
  );
  return zones;
}

function loadCategories(): Map<string, RegionCategory> {
  if (categories) return categories;
  const zoneIndex = loadZones();
  categories = new Map(
    REGION_CATEGORIES.map((def) => [
      def.id,
      {
        id: def.id,
        label: def.label,
        citation: def.citation,
        counties: def.counties.map((name) => resolveCounty(def.cityCode, name, def.id)),
        zones: def.zones.map((id) => {
          const zone = zoneIndex.get(id);
          if (!zone)
            throw new DomainError('POLICY_AREA_UNRESOLVED', `${def.id}: unknown functional zone "${id}"`);
          return zone;
        }),
      },
    ]),
  );
  return categories;
}

/** Every functional zone defined as data. */
export function listFunctionalZones(): FunctionalZone[] {
  return [...loadZones().values()];
}

/** Every policy region category. */
export function listRegionCategories(): RegionCategory[] {
  return [...loadCategories().values()];
}

/** @throws DomainError `REGION_CATEGORY_NOT_FOUND` */
export function getRegionCategory(id: string): RegionCategory {
  const category = loadCategories().get(id);
  if (!category) {
    throw new DomainError('REGION_CATEGORY_NOT_FOUND', `no region category "${id}"`, { details: { id } });
  }
  return category;
}

/** Functional zones a township (or the zone's own county-level member) lies in. */
export function zonesOf(code: string): FunctionalZone[] {
  const region = getRegion(code);
  return listFunctionalZones().filter((zone) => zone.townships.some((t) => t.code === region.code));
}

/**
 * The policy categories a region lies in: through a member county that contains it, or through a member
 * functional zone that administers it.
 * @example categoriesOf('420102001').map((c) => c.id) // ['wh.central-urban']
 */
export function categoriesOf(code: string): RegionCategory[] {
  const region = getRegion(code);
  const inZones = new Set(zonesOf(region.code).map((z) => z.id));
  return listRegionCategories().filter(
    (category) =>
      category.counties.some((county) => contains(county.code, region.code)) ||
      category.zones.some((zone) => inZones.has(zone.id)),
  );
}
