import { satisfies } from '@shegong/kernel';
import { z } from 'zod';

/**
 * Points are exact decimals with at most two places (7, 7.5, 2.25), written as a number or a string in
 * data and input. Every sum and every comparison is done on integer hundredths of a point, so a total
 * of 89.9 + 0.1 is exactly 90 and meets a threshold of 90以上; the numbers shown are those integers divided
 * by 100, which print as the decimals they stand for.
 */
const DECIMAL = /^\d{1,9}(\.\d{1,2})?$/;

export const PointsSchema = z.union([z.number(), z.string()]).transform((value, ctx): number => {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!DECIMAL.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${String(value)}" is not a number of points: use a non-negative number with at most 2 decimals, e.g. 7.5`,
    });
    return z.NEVER;
  }
  return Number(text);
});
/** A number of points, exact to two decimals (validated by `PointsSchema`). */
export type Points = z.infer<typeof PointsSchema>;

/**
 * Points as integer hundredths. Exact for any value `PointsSchema` accepted: `x × 100` of a decimal with
 * two places is within a rounding error of an integer, which `Math.round` recovers.
 * @example toHundredths(7.35) // 735 (7.35 * 100 is 734.9999999999999 in binary floating point)
 */
export function toHundredths(points: Points): number {
  return Math.round(points * 100);
}

/** Integer hundredths back to points, for output. */
export function fromHundredths(hundredths: number): Points {
  return hundredths / 100;
}

/** The lower-bound terms a threshold can use: 以上/不少于/不低于 include the limit, 超过 excludes it. */
export const LowerBoundTermSchema = z.enum(['以上', '不少于', '不低于', '超过']);
export type LowerBoundTerm = z.infer<typeof LowerBoundTermSchema>;

/**
 * Whether `part / whole`, as a percentage, satisfies "`percent` + `term`", with no rounding:
 * compares `part × 10,000` with `percent in hundredths × whole` in `bigint` [民法典 art. 1259 for the term].
 * @example ratioSatisfies(90, 100, '以上', 90) // true: exactly 90% is 90%以上
 */
export function ratioSatisfies(part: number, whole: number, term: LowerBoundTerm, percent: Points): boolean {
  return satisfies(BigInt(part) * 10_000n, term, BigInt(toHundredths(percent)) * BigInt(whole));
}

/**
 * `part / whole` as a percentage with two decimals, rounded down, for facts and messages only (verdicts
 * use `ratioSatisfies`): `percentText(2, 3)` is `'66.66%'`, never `'66.67%'`, so a shown figure never
 * looks as if it met a threshold it missed.
 */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return '—';
  const hundredths = (BigInt(part) * 10_000n) / BigInt(whole);
  const whole100 = hundredths / 100n;
  const rest = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole100}.${rest}%`;
}
