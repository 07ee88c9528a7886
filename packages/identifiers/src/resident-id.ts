import { z } from 'zod';
import type { Invalid } from './result.ts';

/** Weight of position i (1…17) is 2^(18-i) mod 11: ISO 7064 MOD 11-2 [GB 11643-1999 §5.1]. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder 0…10 of the weighted sum. */
const CHECK_CHARACTERS = '10X98765432';

/** What a valid resident ID number says about its holder [GB 11643-1999 §4]. */
export interface ResidentIdParts {
  /** Positions 1–6: the division where the number was first issued (may have been renamed since). */
  areaCode: string;
  /** Positions 7–14, as an ISO date. */
  birthDate: string;
  /** Positions 15–17; odd for men, even for women. */
  sequence: string;
  sex: 'male' | 'female';
  checkCharacter: string;
}

export type ResidentIdCheck = { ok: true; idNumber: string; parts: ResidentIdParts } | Invalid;

/**
 * The check character for the first 17 digits of a resident ID number (ISO 7064 MOD 11-2).
 * @example residentIdCheckCharacter('11010519491231002') // 'X'
 * @throws RangeError when `first17` is not 17 digits
 */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/**
 * Checks an 18-character resident ID number (居民身份证号码): 17 digits and a check digit or `X`, a
 * real birth date in positions 7–14, and the check character. Spaces are ignored, a lower-case `x` is
 * accepted; `idNumber` is the canonical spelling. (The 15-digit numbers of before 1999 are not accepted.)
 * @example
 * checkResidentId('11010519491231002X').ok // true: the example of GB 11643-1999
 * checkResidentId('110105194912310021')    // { ok: false, reason: 'check', … }
 */
export function checkResidentId(input: string): ResidentIdCheck {
  const id = normalizeResidentId(input);
  if (id.length !== 18) {
    return {
      ok: false,
      reason: 'length',
      message: `a resident ID number has 18 characters, this one has ${id.length}`,
      zh: `身份证号码应为 18 位，此号码为 ${id.length} 位`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      reason: 'charset',
      message: 'a resident ID number is 17 digits followed by a digit or X',
      zh: '身份证号码应为 17 位数字加 1 位数字或 X',
    };
  }
  if (id.startsWith('0')) {
    return {
      ok: false,
      reason: 'format',
      message: 'the first 6 digits should be a division code',
      zh: '身份证号码前 6 位应为行政区划代码',
    };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1800-01-01') {
    return {
      ok: false,
      reason: 'date',
      message: `digits 7–14 should be the birth date, but ${id.slice(6, 14)} is not a real date`,
      zh: `身份证号码第 7–14 位应为出生日期，${id.slice(6, 14)} 不是有效日期`,
    };
  }
  const expected = residentIdCheckCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    // The number itself is never echoed: it is personal information and error messages get logged.
    return {
      ok: false,
      reason: 'check',
      message: `the resident ID number fails its check: the last character should be ${expected}, not ${id[17]} (GB 11643-1999)`,
      zh: `身份证号码校验位错误：最后一位应为 ${expected}，而不是 ${id[17]}（GB 11643-1999）`,
    };
  }
  const sequence = id.slice(14, 17);
  return {
    ok: true,
    idNumber: id,
    parts: {
      areaCode: id.slice(0, 6),
      birthDate,
      sequence,
      sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
      checkCharacter: id.slice(17),
    },
  };
}

/** Whether `input` is a valid 18-character resident ID number. */
export function isValidResidentId(input: string): boolean {
  return checkResidentId(input).ok;
}

function normalizeResidentId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/**
 * A resident ID number as a zod schema: normalises (no spaces, upper-case X) and rejects a number that fails
 * `checkResidentId`, with its message (which never repeats the number).
 */
export const ResidentIdNumberSchema = z
  .string()
  .overwrite(normalizeResidentId)
  .superRefine((id, ctx) => {
    const result = checkResidentId(id);
    if (!result.ok)
      ctx.addIssue({
        code: 'custom',
        message: result.message,
        params: { reason: result.reason, zh: result.zh },
      });
  });
