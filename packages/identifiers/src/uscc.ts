import { z } from 'zod';
import type { Invalid } from './result.ts';

/**
 * The 31 characters a unified social credit code (统一社会信用代码) may use, in value order: digits, then
 * the capital letters without I, O, S, V and Z (too easily misread) [GB 32100-2015 §4.2].
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (1…17) is 3^(i-1) mod 31 [GB 32100-2015 §4.3]. */
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/** The parts of a valid code, as GB 32100-2015 §4.1 lays them out. */
export interface UsccParts {
  /** Position 1: the registration authority (登记管理部门代码); `5` is civil affairs (民政). */
  registrationAuthority: string;
  /** Position 2: the kind of entity (机构类别代码); under civil affairs `1` 社会团体, `2` 民办非企业单位, `3` 基金会. */
  entityKind: string;
  /** Positions 3–8: the registering authority's division code (登记管理机关行政区划码). */
  divisionCode: string;
  /** Positions 9–17: the entity's organization code (主体标识码, GB 11714). */
  organizationCode: string;
  /** Position 18. */
  checkCharacter: string;
}

export type UsccCheck = { ok: true; code: string; parts: UsccParts } | Invalid;

/**
 * The check character for the first 17 characters of a code: C18 = 31 − (Σ Ci·Wi mod 31), where a result
 * of 31 is written `0` [GB 32100-2015 §4.3].
 * @example usccCheckCharacter('91110000600037341') // 'L'
 * @throws RangeError when `first17` is not 17 characters of the code alphabet
 */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i] as string);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the code alphabet`);
    sum += value * (WEIGHTS[i] as number);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/**
 * Checks a unified social credit code: 18 characters of the code alphabet, positions 3–8 digits, and the
 * check character. Spaces are ignored and letters may be lower case; `code` is the canonical spelling.
 * @example
 * checkUscc('91110000600037341L').ok // true
 * checkUscc('91110000600037341M')    // { ok: false, reason: 'check', message: '… check character should be L …' }
 */
export function checkUscc(input: string): UsccCheck {
  const code = normalizeUscc(input);
  if (code.length !== 18) {
    return {
      ok: false,
      reason: 'length',
      message: `a unified social credit code has 18 characters, "${input}" has ${code.length}`,
      zh: `统一社会信用代码应为 18 位，“${input}”为 ${code.length} 位`,
    };
  }
  const bad = [...code].findIndex((c) => !USCC_ALPHABET.includes(c));
  if (bad >= 0) {
    return {
      ok: false,
      reason: 'charset',
      message: `character ${bad + 1} ("${code[bad]}") is not allowed: a unified social credit code uses digits and the letters ${USCC_ALPHABET.slice(10)}`,
      zh: `第 ${bad + 1} 位“${code[bad]}”不允许：统一社会信用代码只用数字和字母 ${USCC_ALPHABET.slice(10)}`,
    };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return {
      ok: false,
      reason: 'format',
      message: `characters 3–8 ("${code.slice(2, 8)}") should be the registering authority's 6-digit division code`,
      zh: `第 3–8 位“${code.slice(2, 8)}”应为登记管理机关的 6 位行政区划代码`,
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      reason: 'check',
      message: `"${code}" fails its check: the check character should be ${expected}, not ${code[17]} (GB 32100-2015)`,
      zh: `“${code}”校验码错误：最后一位应为 ${expected}，而不是 ${code[17]}（GB 32100-2015）`,
    };
  }
  return {
    ok: true,
    code,
    parts: {
      registrationAuthority: code.slice(0, 1),
      entityKind: code.slice(1, 2),
      divisionCode: code.slice(2, 8),
      organizationCode: code.slice(8, 17),
      checkCharacter: code.slice(17),
    },
  };
}

/** Whether `input` is a valid unified social credit code. */
export function isValidUscc(input: string): boolean {
  return checkUscc(input).ok;
}

function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * A unified social credit code as a zod schema: normalises (no spaces, upper case) and rejects a code that
 * fails `checkUscc`, with its message.
 * @example UnifiedSocialCreditCodeSchema.parse('91110000600037341l') // '91110000600037341L'
 */
export const UnifiedSocialCreditCodeSchema = z
  .string()
  .overwrite(normalizeUscc)
  .superRefine((code, ctx) => {
    const result = checkUscc(code);
    if (!result.ok)
      ctx.addIssue({
        code: 'custom',
        message: result.message,
        params: { reason: result.reason, zh: result.zh },
      });
  });
