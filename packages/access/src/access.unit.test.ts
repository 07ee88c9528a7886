import { townshipsOf } from '@shegong/regions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  assertCanReachStation,
  can,
  canReachStation,
  defaultRegion,
  PERMISSIONS,
  principalOf,
  withinJurisdiction,
} from './index.ts';

const henan = principalOf({ kind: 'user', id: 'p', role: 'province', regionCode: '410000' });
const zhengzhou = principalOf({ kind: 'user', id: 'c', role: 'city', regionCode: '410100' });
const jinshui = principalOf({ kind: 'user', id: 'k', role: 'county', regionCode: '410105' });
const jingbalu = principalOf({ kind: 'user', id: 't', role: 'township', regionCode: '410105001' });
const operator = principalOf({
  kind: 'user',
  id: 'o',
  role: 'operator',
  regionCode: '410105',
  operatorId: 'op-hexie',
});
const ministry = principalOf({
  kind: 'user',
  id: 'm',
  role: 'province',
  regionCode: '410000',
  grants: { crossProvince: ['420000', '130000'] },
});

describe('principals', () => {
  it('binds each role to its region level and names the field that is wrong', () => {
    expect(() => principalOf({ kind: 'user', id: 'x', role: 'county', regionCode: '410100' })).toThrow(
      /bound to a county, but 410100 郑州市 is a city/,
    );
    expect(() => principalOf({ kind: 'client', id: 'x', role: 'city-system', regionCode: '410105' })).toThrow(
      /bound to a city/,
    );
    expect(() => principalOf({ kind: 'user', id: 'x', role: 'operator', regionCode: '410105' })).toThrow(
      expect.objectContaining({ code: 'PRINCIPAL_INVALID', path: ['operatorId'] }),
    );
    expect(() => principalOf({ kind: 'user', id: 'x', role: 'city', regionCode: '4101' })).toThrow(
      expect.objectContaining({ path: ['regionCode'] }),
    );
    expect(() =>
      principalOf({
        kind: 'user',
        id: 'x',
        role: 'province',
        regionCode: '410000',
        grants: { crossProvince: ['990000'] },
      }),
    ).toThrow(expect.objectContaining({ path: ['grants', 'crossProvince', 0] }));
  });
});

describe('jurisdiction', () => {
  it('a county sees its own, a city its counties, a province its cities, and nobody crosses a province', () => {
    const cases: Array<[string, string, boolean]> = [
      ['county', '410105001', true],
      ['county', '410105', true],
      ['county', '410103', false], // 二七区, a sibling county
      ['county', '410100', false], // its own city is above it
      ['city', '410103001', true],
      ['city', '410902', false], // 濮阳 华龙区
      ['province', '410902001', true],
      ['province', '420102', false], // 武汉 江岸区
      ['township', '410105001', true],
      ['township', '410105002', false],
    ];
    const of = { county: jinshui, city: zhengzhou, province: henan, township: jingbalu };
    for (const [role, code, expected] of cases)
      expect(withinJurisdiction(of[role as keyof typeof of], code), `${role} ${code}`).toBe(expected);
  });

  it('a cross-province grant adds provinces for reading only, and a list must then name its region', () => {
    expect(withinJurisdiction(ministry, '420102002')).toBe(true);
    expect(withinJurisdiction(ministry, '130102')).toBe(true);
    expect(withinJurisdiction(ministry, '440100')).toBe(false);
    expect(withinJurisdiction(ministry, '420102002', 'write')).toBe(false);
    expect(() => defaultRegion(ministry)).toThrow(expect.objectContaining({ code: 'REGION_REQUIRED' }));
    expect(defaultRegion(zhengzhou)).toBe('410100');
  });

  it('an operator reaches only the stations it runs, inside its region', () => {
    expect(canReachStation(operator, { id: 's1', regionCode: '410105001', operatorId: 'op-hexie' })).toBe(
      true,
    );
    expect(canReachStation(operator, { id: 's2', regionCode: '410105002', operatorId: 'op-other' })).toBe(
      false,
    );
    expect(canReachStation(operator, { id: 's3', regionCode: '410103001', operatorId: 'op-hexie' })).toBe(
      false,
    );
    expect(() =>
      assertCanReachStation(operator, { id: 's2', regionCode: '410105002', operatorId: 'op-other' }),
    ).toThrow(expect.objectContaining({ code: 'OUT_OF_JURISDICTION', path: ['stationId'] }));
  });

  it('treats malformed and unknown codes as outside', () => {
    for (const code of ['', 'abc', '410199', '41010500', '999999'])
      expect(withinJurisdiction(henan, code), code).toBe(false);
  });

  it('property: no township of another province is visible to a province without a grant', () => {
    const others = ['420102', '420117', '130102', '440103'].flatMap((c) => townshipsOf(c).map((t) => t.code));
    fc.assert(
      fc.property(fc.constantFrom(...others), (code) => {
        expect(withinJurisdiction(henan, code)).toBe(false);
        expect(withinJurisdiction(zhengzhou, code)).toBe(false);
      }),
    );
  });
});

describe('permissions', () => {
  it('are data: every action names at least one role, and every role can read stations', () => {
    for (const action of ACTIONS) expect(PERMISSIONS[action].length, action).toBeGreaterThan(0);
    for (const p of [henan, zhengzhou, jinshui, jingbalu, operator])
      expect(can(p, 'stations.read')).toBe(true);
  });

  it('keeps decisions with the purchaser: only a county approves and pays, an operator applies', () => {
    expect(can(jinshui, 'payments.decide')).toBe(true);
    expect(can(operator, 'payments.decide')).toBe(false);
    expect(can(operator, 'payments.apply')).toBe(true);
    expect(can(henan, 'stations.write')).toBe(false);
  });

  it('sends reports up one level: operators, counties and cities write them; counties, cities and the province approve', () => {
    expect([henan, zhengzhou, jinshui, jingbalu, operator].map((p) => can(p, 'reports.write'))).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect([henan, zhengzhou, jinshui, jingbalu, operator].map((p) => can(p, 'reports.approve'))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
