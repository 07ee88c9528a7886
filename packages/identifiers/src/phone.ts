import { z } from 'zod';

/**
 * A mainland mobile number, normalised to its 11 digits: spaces and hyphens dropped, a `+86` / `0086`
 * country prefix removed. Returns `undefined` when what is left is not `1[3-9]` and 9 more digits.
 * @example normalizeMobilePhone('+86 138-0013-8000') // '13800138000'
 */
export function normalizeMobilePhone(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** A mainland mobile number (11 digits starting 13–19), normalised by `normalizeMobilePhone`. */
export const MobilePhoneSchema = z
  .string()
  .overwrite((value) => normalizeMobilePhone(value) ?? value)
  .regex(/^1[3-9]\d{9}$/, { message: 'a mobile number has 11 digits and starts with 13–19' });
