import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  contains,
  findRegion,
  getRegion,
  getRegionAt,
  levelOf,
  parentChain,
  searchRegions,
  townshipsOf,
} from './directory.ts';
import { RegionError } from './errors.ts';

describe('the national division data', () => {
  it('has every province-level unit of the mainland (31)', () => {
    const provinces = searchRegions('', { level: 'province' });
    expect(provinces).toEqual([]); // an empty query finds nothing rather than everything
    const all = ['北京市', '河北省', '河南省', '湖北省', '西藏自治区', '新疆维吾尔自治区'].map(
      (name) => searchRegions(name, { level: 'province' })[0]?.name,
    );
    expect(all).toEqual(['北京市', '河北省', '河南省', '湖北省', '西藏自治区', '新疆维吾尔自治区']);
  });

  it.each([
    ['410000', '河南省', 18],
    ['420000', '湖北省', 14],
    ['130000', '河北省', 11],
  ])('%s %s has %i city-level children', (code, name, cities) => {
    expect(getRegion(code).name).toBe(name);
    expect(childrenOf(code)).toHaveLength(cities);
    expect(childrenOf(code).every((c) => c.level === 'city' && c.parentCode === code)).toBe(true);
  });

  it('is not specific to the first three provinces', () => {
    expect(getRegion('620100').name).toBe('兰州市');
    expect(getRegion('540100').name).toBe('拉萨市');
    expect(townshipsOf('620102').length).toBeGreaterThan(5);
  });
});

describe('lookups', () => {
  it('finds a region by any spelling of its code', () => {
    expect(getRegion('4101')).toMatchObject({
      code: '410100',
      name: '郑州市',
      level: 'city',
      parentCode: '410000',
    });
    expect(getRegion('410105001000')).toMatchObject({
      code: '410105001',
      name: '经八路街道',
      townshipKind: 'jiedao',
    });
    expect(levelOf('420102')).toBe('county');
  });

  it('returns undefined for an unknown but well-formed code, and getRegion names it', () => {
    expect(findRegion('419999')).toBeUndefined();
    expect(() => getRegion('419999')).toThrow(RegionError);
    expect(() => getRegion('419999')).toThrow(
      expect.objectContaining({ code: 'REGION_NOT_FOUND', regionCode: '419999' }),
    );
    expect(() => getRegion('419999')).toThrow(/419999/);
  });

  it('walks the parent chain up to the province', () => {
    expect(parentChain('410105001').map((r) => r.name)).toEqual(['经八路街道', '金水区', '郑州市', '河南省']);
    expect(parentChain('410000').map((r) => r.code)).toEqual(['410000']);
  });

  it('lists children one level down, townships included', () => {
    const jinshui = childrenOf('410105');
    expect(jinshui.length).toBeGreaterThan(15);
    expect(jinshui.every((t) => t.level === 'township' && t.parentCode === '410105')).toBe(true);
    expect(childrenOf('410105001')).toEqual([]);
  });

  it('lists the townships of a county with their kinds, and refuses a non-county', () => {
    const puyangCounty = townshipsOf('410928');
    expect(puyangCounty.length).toBeGreaterThan(10);
    const kinds = new Set(puyangCounty.map((t) => t.townshipKind));
    expect(kinds.has('zhen') && kinds.has('xiang')).toBe(true);
    expect(() => townshipsOf('410900')).toThrow(/410900.*city/);
  });

  it('hangs the townships of a city without counties directly under the city', () => {
    const dongguan = getRegion('441900');
    expect(dongguan).toMatchObject({ name: '东莞市', level: 'city', parentCode: '440000' });
    const towns = townshipsOf('441900');
    expect(towns.length).toBeGreaterThan(20);
    expect(towns.every((t) => t.level === 'township' && t.parentCode === '441900')).toBe(true);
    expect(parentChain(towns[0]?.code ?? '').map((r) => r.level)).toEqual(['township', 'city', 'province']);
  });

  it('marks county-level functional zones the division lists with a 7x code', () => {
    expect(getRegion('410171')).toMatchObject({ name: '郑州经济技术开发区', functionalZone: true });
    expect(getRegion('410972')).toMatchObject({ name: '濮阳经济技术开发区', functionalZone: true });
    expect(getRegion('410105').functionalZone).toBe(false);
  });
});

describe('contains', () => {
  it('is true for descendants and for the region itself', () => {
    expect(contains('410000', '410105001')).toBe(true);
    expect(contains('410100', '410105')).toBe(true);
    expect(contains('410105', '410105')).toBe(true);
  });
  it('is false across branches and upwards', () => {
    expect(contains('420000', '410105001')).toBe(false);
    expect(contains('410105', '410100')).toBe(false);
    expect(contains('410900', '410105001')).toBe(false);
  });
  it('rejects unknown codes on either side', () => {
    expect(() => contains('999900', '410105')).toThrow(RegionError);
    expect(() => contains('410000', '410199')).toThrow(/410199/);
  });
});

describe('searchRegions', () => {
  it('ranks the exact name first, then prefixes, then other matches', () => {
    const found = searchRegions('金水');
    expect(found[0]?.name).toBe('金水区');
    expect(found.map((r) => r.name)).toContain('金水街道');
    expect(found.every((r) => r.name.includes('金水'))).toBe(true);
  });
  it('filters by level and by an enclosing region', () => {
    const inWuhan = searchRegions('街道', { within: '420100', limit: 500 });
    expect(inWuhan.length).toBeGreaterThan(100);
    expect(inWuhan.every((r) => r.code.startsWith('4201'))).toBe(true);
    expect(searchRegions('金水', { level: 'county' }).map((r) => r.code)).toEqual(['410105']);
  });
  it('honours the limit', () => {
    expect(searchRegions('镇', { limit: 3 })).toHaveLength(3);
  });
});

describe('getRegionAt', () => {
  it('answers like getRegion, and a bad code names the input field it came in', () => {
    expect(getRegionAt('4101', ['items', 2, 'regionCode']).code).toBe('410100');
    expect(() => getRegionAt('410199', ['items', 2, 'regionCode'])).toThrow(
      expect.objectContaining({ code: 'REGION_NOT_FOUND', path: ['items', 2, 'regionCode'] }),
    );
    expect(() => getRegionAt('41x', ['regionCode'])).toThrow(
      expect.objectContaining({ code: 'REGION_CODE_INVALID', path: ['regionCode'] }),
    );
  });
});
