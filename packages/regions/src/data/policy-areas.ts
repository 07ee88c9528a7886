/**
 * Policy region categories and functional zones, as data. Members are named, not coded: each name is
 * resolved against the national division data when first used, so no division code is typed by hand and a
 * renamed or removed unit fails loudly (see `policy-areas.unit.test.ts`).
 *
 * To add a category for another city, append an entry; nothing else changes.
 */
import type { Citation } from '@shegong/kernel';

export interface FunctionalZoneDefinition {
  /** Stable id: `<city code>.<slug>`. Never a division code, so it can't collide with one. */
  id: string;
  name: string;
  /** The city whose government set the zone up. */
  cityCode: string;
  /** The townships the zone administers, by the county they belong to in the statistical division. */
  townships: ReadonlyArray<{ county: string; names: readonly string[] }>;
  source: string;
}

export interface RegionCategoryDefinition {
  id: string;
  label: { zh: string; en: string };
  citation: Citation;
  /** The city the category's members are in. */
  cityCode: string;
  /** County-level members by name. */
  counties: readonly string[];
  /** Functional zones (ids above) that are members. */
  zones: readonly string[];
}

/**
 * Functional zones that are not units of the statistical division. A zone that the division does list
 * (a county-level 71–79 code, e.g. 410171 郑州经济技术开发区) is a `Region` with `functionalZone: true` and
 * needs no entry here.
 */
export const FUNCTIONAL_ZONES: readonly FunctionalZoneDefinition[] = [
  {
    id: '410100.zhengdong',
    name: '郑东新区',
    cityCode: '410100',
    townships: [
      {
        county: '金水区',
        names: ['如意湖街道', '龙子湖街道', '博学路街道', '祭城路街道', '金光路街道', '龙源路街道'],
      },
      { county: '管城回族区', names: ['商都路街道'] },
      { county: '中牟县', names: ['豫兴街道', '杨桥街道', '白沙镇'] },
    ],
    source:
      '郑东新区管委会 public listing of the subdistricts it administers; to be confirmed by 郑州市民政局 when the city onboards',
  },
];

export const REGION_CATEGORIES: readonly RegionCategoryDefinition[] = [
  {
    id: 'wh.central-urban',
    label: { zh: '中心城区', en: 'central urban district' },
    citation: 'WH §2.2',
    cityCode: '420100',
    counties: ['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '青山区', '洪山区'],
    zones: [],
  },
  {
    id: 'wh.new-urban',
    label: { zh: '新城区', en: 'new urban district' },
    citation: 'WH §2.2',
    cityCode: '420100',
    counties: ['东西湖区', '汉南区', '蔡甸区', '江夏区', '黄陂区', '新洲区'],
    zones: [],
  },
  {
    id: 'zz.advanced-area',
    label: { zh: '社会工作发展较为先进地区', en: 'advanced social work area' },
    citation: 'ZZ §4.4',
    cityCode: '410100',
    counties: ['金水区'],
    zones: ['410100.zhengdong'],
  },
];
