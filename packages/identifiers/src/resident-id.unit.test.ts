import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResidentId, ResidentIdNumberSchema, residentIdCheckCharacter } from './resident-id.ts';

describe('resident ID number [GB 11643-1999]', () => {
  it("accepts the standard's examples, including an X check character", () => {
    expect(checkResidentId('11010519491231002X')).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      parts: {
        areaCode: '110105',
        birthDate: '1949-12-31',
        sequence: '002',
        sex: 'female',
        checkCharacter: 'X',
      },
    });
    expect(checkResidentId('440524188001010014')).toMatchObject({
      ok: true,
      parts: { birthDate: '1880-01-01', sex: 'male' },
    });
  });

  it('accepts numbers whose check digit was computed here (ISO 7064 MOD 11-2)', () => {
    expect(residentIdCheckCharacter('41010519910510123')).toBe('3');
    expect(checkResidentId('410105199105101233').ok).toBe(true);
    expect(checkResidentId('410102198501010022').ok).toBe(true);
    // a lower-case x is the same number
    expect(ResidentIdNumberSchema.parse('11010519491231002x')).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit without echoing the number', () => {
    const result = checkResidentId('410105199105101234');
    expect(result).toMatchObject({ ok: false, reason: 'check' });
    expect(!result.ok && result.message).toContain('should be 3');
    expect(!result.ok && result.message).not.toContain('410105199105101234');
  });

  it('refuses a wrong length, a letter other than a final X, and an impossible birth date', () => {
    expect(checkResidentId('41010519910510123')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkResidentId('4101051991051012333')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkResidentId('41010519910510X233')).toMatchObject({ ok: false, reason: 'charset' });
    const feb30 = `41010519910230123`;
    expect(checkResidentId(feb30 + residentIdCheckCharacter(feb30))).toMatchObject({
      ok: false,
      reason: 'date',
    });
    const month13 = `41010519911301123`;
    expect(checkResidentId(month13 + residentIdCheckCharacter(month13))).toMatchObject({
      ok: false,
      reason: 'date',
    });
    const leapDay = '41010520000229123';
    expect(checkResidentId(leapDay + residentIdCheckCharacter(leapDay)).ok).toBe(true);
  });

  it('detects every single-digit error and every adjacent transposition (property)', () => {
    const date = fc
      .date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
    const first17 = fc
      .tuple(fc.stringMatching(/^[1-8]\d{5}$/), date, fc.stringMatching(/^\d{3}$/))
      .map(([area, birth, seq]) => area + birth + seq);
    fc.assert(
      fc.property(first17, fc.nat(16), fc.nat(9), (body, at, digit) => {
        const id = body + residentIdCheckCharacter(body);
        expect(checkResidentId(id).ok).toBe(true);
        const changed = body.slice(0, at) + String(digit) + body.slice(at + 1) + id[17];
        if (changed !== id) expect(checkResidentId(changed).ok).toBe(false);
        const swapped = body.slice(0, at) + body[at + 1] + body[at] + body.slice(at + 2) + id[17];
        if (at < 16 && swapped !== id) expect(checkResidentId(swapped).ok).toBe(false);
      }),
    );
  });
});
