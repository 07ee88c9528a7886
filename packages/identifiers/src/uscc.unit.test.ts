import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, UnifiedSocialCreditCodeSchema, USCC_ALPHABET, usccCheckCharacter } from './uscc.ts';

describe('unified social credit code [GB 32100-2015]', () => {
  it('accepts a published code and codes whose check character was computed here', () => {
    // Published as the standard's worked example (Wikipedia, python-stdnum): 9 = market regulation.
    expect(checkUscc('91110000600037341L')).toMatchObject({ ok: true, code: '91110000600037341L' });
    // 52 = a private non-enterprise unit registered by civil affairs (民政·民办非企业单位), like most operators.
    expect(usccCheckCharacter('52410105MJ0000001')).toBe('P');
    expect(checkUscc('52410105MJ0000001P')).toMatchObject({
      ok: true,
      parts: {
        registrationAuthority: '5',
        entityKind: '2',
        divisionCode: '410105',
        organizationCode: 'MJ0000001',
        checkCharacter: 'P',
      },
    });
    // A check value of 10 is written as the letter A…Y of the alphabet, here X (value 29).
    expect(checkUscc('51410000MJ0123450X').ok).toBe(true);
  });

  it('normalises spaces and lower case', () => {
    expect(checkUscc(' 52410105mj0000001p ')).toMatchObject({ ok: true, code: '52410105MJ0000001P' });
    expect(UnifiedSocialCreditCodeSchema.parse('9111 0000 6000 3734 1l')).toBe('91110000600037341L');
  });

  it('refuses a wrong check character, naming the right one', () => {
    const result = checkUscc('91110000600037341M');
    expect(result).toMatchObject({ ok: false, reason: 'check' });
    expect(!result.ok && result.message).toContain('should be L');
  });

  it('refuses a wrong length, a letter outside the alphabet and a non-numeric division code', () => {
    expect(checkUscc('91110000600037341')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkUscc('91110000600037341LL')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkUscc('9111000060003734IL')).toMatchObject({ ok: false, reason: 'charset' });
    expect(checkUscc('91A10000600037341L')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('as a zod schema, reports the problem as an issue', () => {
    const parsed = UnifiedSocialCreditCodeSchema.safeParse('91110000600037341M');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('check character should be L');
  });

  it('detects every single-character substitution (property)', () => {
    const char = fc.constantFrom(...USCC_ALPHABET);
    const body = fc
      .tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/))
      .chain(([head, division]) =>
        fc
          .array(char, { minLength: 9, maxLength: 9 })
          .map((tail) => `${head.join('')}${division}${tail.join('')}`),
      );
    fc.assert(
      fc.property(body, fc.nat(16), char, (first17, at, replacement) => {
        const code = first17 + usccCheckCharacter(first17);
        expect(checkUscc(code).ok).toBe(true);
        const changed = code.slice(0, at) + replacement + code.slice(at + 1);
        if (changed !== code && /^\d{6}$/.test(changed.slice(2, 8)))
          expect(checkUscc(changed).ok).toBe(false);
      }),
    );
  });
});
