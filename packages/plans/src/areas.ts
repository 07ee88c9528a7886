import {
  childrenOf,
  getRegion,
  listFunctionalZones,
  normalizeRegionCode,
  type Region,
  townshipsOf,
} from '@shegong/regions';
import { PlanNotFoundError } from './errors.ts';
import type { PlanZone, Territory } from './schema.ts';

/**
 * A set of townships a target or a coverage figure is about: a division unit (`key` is its code) or a
 * functional zone (`key` is its id). `anchor` is the division unit the area lies in: the unit itself, or
 * for a zone its statistical county (or city), so a zone whose townships are not yet known can still be
 * placed. `pending` says why the township list is incomplete.
 */
export interface Area {
  key: string;
  name: string;
  kind: 'division' | 'zone';
  townships: readonly Region[];
  anchor: string;
  pending?: string;
}

const under = new Map<string, readonly Region[]>();

/**
 * Every township of a division unit, in code order: a township is its own; a county's are `townshipsOf`;
 * a city's or province's are its counties' (or, for a city without counties, its own). Memoised.
 * @example townshipsUnder('410927').length // 9: 台前县
 */
export function townshipsUnder(code: string): readonly Region[] {
  const region = getRegion(code);
  let list = under.get(region.code);
  if (!list) {
    if (region.level === 'township') list = [region];
    else if (region.level === 'county') list = townshipsOf(region.code);
    else list = childrenOf(region.code).flatMap((child) => townshipsUnder(child.code));
    under.set(region.code, list);
  }
  return list;
}

/** The area of a division unit. */
export function divisionArea(code: string): Area {
  const region = getRegion(code);
  return {
    key: region.code,
    name: region.name,
    kind: 'division',
    townships: townshipsUnder(region.code),
    anchor: region.code,
  };
}

function countyByName(cityCode: string, name: string): Region | undefined {
  return childrenOf(cityCode).find((r) => r.name === name && r.level === 'county');
}

/**
 * Resolves a plan-file zone the way `@shegong/regions` resolves its own: townships by name under their
 * statistical county. Unknown names throw, so a renamed unit fails loudly in the data tests.
 */
export function resolvePlanZone(zone: PlanZone): Area {
  const county = countyByName(zone.cityCode, zone.county);
  if (!county)
    throw new PlanNotFoundError(`${zone.id}: no county named "${zone.county}" in ${zone.cityCode}`);
  const townships = zone.townships.flatMap(({ county: countyName, names }) => {
    const unit = countyByName(zone.cityCode, countyName);
    if (!unit) throw new PlanNotFoundError(`${zone.id}: no county named "${countyName}" in ${zone.cityCode}`);
    const inCounty = townshipsOf(unit.code);
    return names.map((name) => {
      const township = inCounty.find((t) => t.name === name);
      if (!township) throw new PlanNotFoundError(`${zone.id}: no township "${name}" in ${countyName}`);
      return township;
    });
  });
  return {
    key: zone.id,
    name: zone.name,
    kind: 'zone',
    townships,
    anchor: county.code,
    ...(zone.pending ? { pending: zone.pending } : {}),
  };
}

/** Zones known to `@shegong/regions` (郑东新区 …) as areas. */
export function regionZoneAreas(): Area[] {
  return listFunctionalZones().map((zone) => ({
    key: zone.id,
    name: zone.name,
    kind: 'zone' as const,
    townships: zone.townships,
    // A zone spanning several counties is anchored at its city.
    anchor:
      new Set(zone.townships.map((t) => t.parentCode)).size === 1
        ? (zone.townships[0]?.parentCode ?? zone.cityCode)
        : zone.cityCode,
  }));
}

/**
 * The areas a territory names, in the context of a plan (its region and the zones it can see). Every
 * territory is one area except `eachCountyOf`, which is one per county-level unit (plus named zones).
 * @throws PlanNotFoundError for a name or zone that does not resolve
 */
export function resolveTerritory(
  territory: Territory,
  planRegion: string,
  zones: ReadonlyMap<string, Area>,
): Area[] {
  const zoneArea = (id: string): Area => {
    const zone = zones.get(id);
    if (!zone) throw new PlanNotFoundError(`unknown functional zone "${id}"`, { id });
    return zone;
  };
  if ('region' in territory) return [divisionArea(territory.region)];
  if ('zone' in territory) return [zoneArea(territory.zone)];
  if ('county' in territory) {
    const county = countyByName(planRegion, territory.county);
    if (!county) throw new PlanNotFoundError(`no county named "${territory.county}" in ${planRegion}`);
    const area = divisionArea(county.code);
    const excluded = (territory.except ?? []).map(zoneArea);
    if (excluded.length === 0) return [area];
    const out = new Set(excluded.flatMap((z) => z.townships.map((t) => t.code)));
    const pending = excluded.filter((z) => z.pending).map((z) => `${z.name}: ${z.pending}`);
    return [
      {
        key: `${county.code}-${excluded.map((z) => z.key).join('-')}`,
        name: `${county.name}（不含${excluded.map((z) => z.name).join('、')}）`,
        kind: 'division',
        townships: area.townships.filter((t) => !out.has(t.code)),
        anchor: county.code,
        ...(pending.length > 0 ? { pending: pending.join('; ') } : {}),
      },
    ];
  }
  const skip = new Set(territory.except);
  const counties = childrenOf(territory.eachCountyOf)
    .filter((r) => r.level === 'county' && !skip.has(r.name))
    .filter((r) => territory.functionalZones || !r.functionalZone)
    .map((r) => divisionArea(r.code));
  return [...counties, ...territory.zones.map(zoneArea)];
}

/** Normalises a region code (any common spelling) or passes a zone id through. */
export function areaKey(codeOrZone: string): string {
  return codeOrZone.includes('.') ? codeOrZone : normalizeRegionCode(codeOrZone).code;
}
