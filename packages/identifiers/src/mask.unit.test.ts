import { describe, expect, it } from 'vitest';
import { maskPhone, maskResidentId } from './mask.ts';
import { MobilePhoneSchema, normalizeMobilePhone } from './phone.ts';

describe('masking', () => {
  it('keeps the first 6 and last 4 characters of a resident ID number', () => {
    expect(maskResidentId('410105199105101233')).toBe('410105********1233');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a value too short to keep anything', () => {
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('mobile numbers', () => {
  it('normalises spaces, hyphens and the country prefix', () => {
    expect(normalizeMobilePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobilePhone('008613812345678')).toBe('13812345678');
    expect(MobilePhoneSchema.parse('138 1234 5678')).toBe('13812345678');
  });

  it('refuses what is not a mainland mobile number', () => {
    expect(normalizeMobilePhone('0371-12345678')).toBeUndefined();
    expect(normalizeMobilePhone('12812345678')).toBeUndefined();
    expect(MobilePhoneSchema.safeParse('1381234567').success).toBe(false);
  });
});
