import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from './page.ts';
import { CountyCodeSchema, ReadRegionCodeSchema, regionCodesOf } from './region.ts';

describe('county codes', () => {
  it('accepts a county with a budget profile and normalises its spelling', () => {
    expect(CountyCodeSchema.parse('410105')).toBe('410105');
    expect(CountyCodeSchema.parse('410105000000')).toBe('410105');
    expect(CountyCodeSchema.parse('420102')).toBe('420102');
  });

  it('refuses a city, a township, an unknown code and a county no profile governs', () => {
    for (const code of ['410100', '410105001', '410199', 'abc', '110101']) {
      expect(CountyCodeSchema.safeParse(code).success, code).toBe(false);
    }
    expect(CountyCodeSchema.safeParse('410100').error?.issues[0]?.message).toMatch(/is a city/);
  });

  it('reads by province, city or county but not township', () => {
    expect(ReadRegionCodeSchema.parse('41')).toBe('410000');
    expect(ReadRegionCodeSchema.parse('4101')).toBe('410100');
    expect(ReadRegionCodeSchema.safeParse('410105001').success).toBe(false);
  });

  it('lists a county and the regions above it', () => {
    expect(regionCodesOf('410105')).toEqual(['410105', '410100', '410000']);
  });
});

describe('pages', () => {
  it('round-trips a cursor and refuses a forged one', () => {
    expect(decodeCursor(encodeCursor('C-07'))).toBe('C-07');
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
  });

  it('uses the extra row only to say there is a next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(toPage(rows, 2)).toEqual({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: encodeCursor('b') });
    expect(toPage(rows, 3)).toEqual({ items: rows, nextCursor: null });
  });
});
