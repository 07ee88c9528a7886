import { describe, expect, it } from 'vitest';
import {
  categoriesOf,
  getRegionCategory,
  listFunctionalZones,
  listRegionCategories,
  zonesOf,
} from './categories.ts';
import { searchRegions } from './directory.ts';

describe('Wuhan central and new urban districts [WH §2.2]', () => {
  it('has the seven central urban districts', () => {
    const central = getRegionCategory('wh.central-urban');
    expect(central.citation).toBe('WH §2.2');
    expect(central.counties.map((c) => c.name)).toEqual([
      '江岸区',
      '江汉区',
      '硚口区',
      '汉阳区',
      '武昌区',
      '青山区',
      '洪山区',
    ]);
  });
  it('has the other six as new urban districts, so together they are all 13 districts of Wuhan', () => {
    const central = getRegionCategory('wh.central-urban').counties.map((c) => c.code);
    const fresh = getRegionCategory('wh.new-urban').counties.map((c) => c.code);
    expect(fresh).toHaveLength(6);
    const wuhan = searchRegions('区', { within: '420100', level: 'county', limit: 100 }).map((c) => c.code);
    expect(new Set([...central, ...fresh])).toEqual(new Set(wuhan));
  });
  it('puts a township in its district category', () => {
    const township = searchRegions('积玉桥街道')[0];
    expect(township).toBeDefined();
    expect(categoriesOf(township?.code ?? '').map((c) => c.id)).toEqual(['wh.central-urban']);
    const xinzhou = searchRegions('邾城街道', { within: '420117' })[0];
    expect(categoriesOf(xinzhou?.code ?? '').map((c) => c.id)).toEqual(['wh.new-urban']);
  });
});

describe("Zhengzhou's advanced areas [ZZ §4.4]", () => {
  it('are 金水区 and the functional zone 郑东新区', () => {
    const advanced = getRegionCategory('zz.advanced-area');
    expect(advanced.counties.map((c) => c.name)).toEqual(['金水区']);
    expect(advanced.zones.map((z) => z.name)).toEqual(['郑东新区']);
  });
  it('include a 郑东新区 township that statistically belongs to another county', () => {
    const zhengdong = listFunctionalZones().find((z) => z.name === '郑东新区');
    const shangdu = zhengdong?.townships.find((t) => t.name === '商都路街道');
    expect(shangdu?.parentCode).toBe('410104'); // 管城回族区 in the statistical division
    expect(zonesOf(shangdu?.code ?? '').map((z) => z.id)).toEqual(['410100.zhengdong']);
    expect(categoriesOf(shangdu?.code ?? '').map((c) => c.id)).toEqual(['zz.advanced-area']);
  });
  it('do not include other Zhengzhou townships', () => {
    const erqi = searchRegions('马寨镇', { within: '410103' })[0];
    expect(categoriesOf(erqi?.code ?? '')).toEqual([]);
  });
});

describe('category data', () => {
  it('resolves every named member against the division data', () => {
    for (const category of listRegionCategories()) {
      expect(category.counties.length + category.zones.length).toBeGreaterThan(0);
    }
    for (const zone of listFunctionalZones()) {
      expect(zone.townships.every((t) => t.level === 'township')).toBe(true);
    }
  });
  it('names an unknown category in its error', () => {
    expect(() => getRegionCategory('xx.none')).toThrow(/xx\.none/);
  });
});
