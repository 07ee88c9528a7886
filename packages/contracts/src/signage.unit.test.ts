import { getRegion } from '@shegong/regions';
import { describe, expect, it } from 'vitest';
import { placeOf, signageNameFor } from './signage.ts';

describe('signage names [ZZ §4.5]', () => {
  it('names a township station after its township', () => {
    expect(signageNameFor('township-station', getRegion('410105001'))).toBe('经八路街道社会工作服务站');
    // a town (镇) reads the same way: 中牟县 韩寺镇
    expect(signageNameFor('township-station', getRegion('410122101'))).toBe('韩寺镇社会工作服务站');
  });

  it('names a community room after its village or community', () => {
    expect(signageNameFor('community-room', getRegion('410105001'), '纬五路社区')).toBe(
      '纬五路社区社会工作服务室',
    );
    expect(() => signageNameFor('community-room', getRegion('410105001'))).toThrow(/communityName/);
  });

  it('names a county centre after its county or district', () => {
    expect(signageNameFor('county-centre', getRegion('410105'))).toBe('金水区社会工作服务中心');
  });
});

describe('where a station sits', () => {
  it('wants a township for a station or room and a county for a centre', () => {
    expect(placeOf('township-station', '410105001')).toMatchObject({
      ok: true,
      region: { name: '经八路街道' },
    });
    expect(placeOf('county-centre', '410105')).toMatchObject({ ok: true, region: { name: '金水区' } });
    expect(placeOf('township-station', '410105')).toEqual({
      ok: false,
      message: 'a township station (社会工作服务站) sits in a township (9 digits); 410105 金水区 is a county',
    });
    expect(placeOf('county-centre', '410105001')).toMatchObject({ ok: false });
  });

  it('refuses unknown and malformed codes', () => {
    expect(placeOf('township-station', '410105999')).toEqual({
      ok: false,
      message: 'no region has the code "410105999"',
    });
    expect(placeOf('township-station', '41010')).toMatchObject({ ok: false, message: /5 digits/ });
  });
});
