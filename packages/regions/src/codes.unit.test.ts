import { describe, expect, it } from 'vitest';
import { normalizeRegionCode } from './codes.ts';
import { RegionError } from './errors.ts';

describe('normalizeRegionCode', () => {
  it.each([
    ['41', '410000', 'province'],
    ['410000', '410000', 'province'],
    ['410000000000', '410000', 'province'],
    ['4101', '410100', 'city'],
    ['410100', '410100', 'city'],
    ['410105', '410105', 'county'],
    ['410105001', '410105001', 'township'],
    ['410105001000', '410105001', 'township'],
    [' 420102 ', '420102', 'county'],
  ])('%s → %s (%s)', (input, code, level) => {
    expect(normalizeRegionCode(input)).toEqual({ code, level });
  });

  it.each([
    ['abc', 'REGION_CODE_INVALID'],
    ['', 'REGION_CODE_INVALID'],
    ['41-01', 'REGION_CODE_INVALID'],
    ['41010', 'REGION_CODE_INVALID'],
    ['0012', 'REGION_CODE_INVALID'],
    ['410105001201', 'REGION_LEVEL_UNSUPPORTED'],
  ])('rejects %j with %s, naming the code', (input, code) => {
    const error = (() => {
      try {
        normalizeRegionCode(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RegionError);
    expect((error as RegionError).code).toBe(code);
    expect((error as RegionError).regionCode).toBe(input);
    expect((error as RegionError).message).toContain(`"${input}"`);
  });
});
