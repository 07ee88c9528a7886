import { type LegalTerm, satisfies } from '@shegong/kernel';
import { z } from 'zod';
import { MoneyRangeError } from './errors.ts';

/**
 * Money is an integer number of fen (分, ¥0.01), never a binary floating-point amount of yuan: ¥0.10 + ¥0.20
 * must be ¥0.30 to the fen, and a budget's lines must add up to its total exactly. Amounts stay within
 * `Number.MAX_SAFE_INTEGER` fen (about ¥90 trillion), so plain `number` arithmetic on sums is exact;
 * products (fen × basis points) can leave that range and are computed with `bigint` inside `mulDiv`.
 */
export const FenSchema = z
  .number()
  .int({ message: 'an amount of money is a whole number of fen (分)' })
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER, { message: 'an amount of fen must be a safe integer' });
export type Fen = z.infer<typeof FenSchema>;

/** A rate in basis points: 1% = 100 bp, 70% = 7,000 bp, 100% = 10,000 bp. */
export const BasisPointsSchema = z
  .number()
  .int({ message: 'a rate is a whole number of basis points (1% = 100 bp)' })
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER);
export type BasisPoints = z.infer<typeof BasisPointsSchema>;

/** 100% in basis points. */
export const WHOLE_BP = 10_000;

/**
 * `a × b ÷ divisor`, rounded **half up** (a remainder of exactly one half goes to the larger integer): the
 * one place in the package where a fraction of a fen (or of a basis point) is rounded away. All operands are
 * non-negative integers, so "half up" and "half away from zero" agree; the product is taken in `bigint`, so
 * nothing is lost before the single rounding step.
 *
 * @example mulDiv(4_321_005, 1_000, 10_000) // 432_101: 432,100.5 fen rounds up
 * @example mulDiv(1, 2, 3)                  // 1: 0.666… rounds to 1
 * @throws MoneyRangeError when an operand is negative or not an integer, the divisor is 0, or the result
 *   is not a safe integer
 */
export function mulDiv(a: number, b: number, divisor: number): number {
  for (const [name, value] of [
    ['a', a],
    ['b', b],
    ['divisor', divisor],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new MoneyRangeError(`mulDiv: ${name} must be a non-negative safe integer, got ${value}`);
    }
  }
  if (divisor === 0) throw new MoneyRangeError('mulDiv: cannot divide by zero');
  const d = BigInt(divisor);
  // floor((2ab + d) / 2d) = floor(ab/d + 1/2): the half-up rounding of ab/d.
  const rounded = (2n * BigInt(a) * BigInt(b) + d) / (2n * d);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyRangeError(`mulDiv: ${a} × ${b} ÷ ${divisor} is beyond the safe integer range`);
  }
  return Number(rounded);
}

/**
 * A multiplication of integers that must stay exact: fen × a count (workers, stations).
 * @throws MoneyRangeError when the product is not a safe integer
 */
export function times(fen: number, count: number): number {
  const product = fen * count;
  if (!Number.isSafeInteger(product)) {
    throw new MoneyRangeError(`${fen} × ${count} is beyond the safe integer range`);
  }
  return product;
}

/**
 * The sum of amounts in fen, checked to stay a safe integer.
 * @throws MoneyRangeError on overflow
 */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total))
      throw new MoneyRangeError('a sum of fen is beyond the safe integer range');
  }
  return total;
}

/**
 * `part / whole` in basis points, rounded half up (via `mulDiv`). For display and for findings' facts only:
 * verdicts compare the exact fraction with `shareSatisfies`, so 69.995% never passes a 70% floor.
 * @example shareBp(7, 10) // 7_000
 */
export function shareBp(part: number, whole: number): number {
  return mulDiv(part, WHOLE_BP, whole);
}

/**
 * Whether the exact share `part / whole` satisfies "`limitBp` + `term`" counted the legal way (不低于 includes
 * the limit, 超过 excludes it …, by `satisfies` of `@shegong/kernel`). Compares `part × 10,000` with
 * `limitBp × whole` in `bigint`: no rounding at all.
 * @example shareSatisfies(7_000, 10_000, '不低于', 7_000) // true: exactly 70% is not below 70%
 * @example shareSatisfies(6_999, 10_000, '不低于', 7_000) // false
 */
export function shareSatisfies(part: number, whole: number, term: LegalTerm, limitBp: number): boolean {
  return satisfies(BigInt(part) * BigInt(WHOLE_BP), term, BigInt(limitBp) * BigInt(whole));
}

/**
 * A fraction as an exact string in lowest terms, for findings' facts: `'7/10'`, `'699999/1000000'`.
 * @example exactFraction(165_360_000, 218_275_200) // '25/33'
 */
export function exactFraction(part: number, whole: number): string {
  let a = BigInt(part);
  let b = BigInt(whole);
  while (b !== 0n) [a, b] = [b, a % b];
  const gcd = a === 0n ? 1n : a;
  return `${BigInt(part) / gcd}/${BigInt(whole) / gcd}`;
}

/**
 * An amount in fen as people write yuan: `¥12,345.67`; a negative amount (a saving in a what-if) as
 * `-¥1,000.00`.
 * @example formatYuan(1_234_567) // '¥12,345.67'
 * @example formatYuan(5)         // '¥0.05'
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen))
    throw new MoneyRangeError(`formatYuan: ${fen} is not a whole number of fen`);
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/**
 * Basis points as a percentage with two decimals (1 bp = 0.01%, so this is exact).
 * @example formatBp(7_000) // '70.00%'
 * @example formatBp(15)    // '0.15%'
 */
export function formatBp(bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new MoneyRangeError(`formatBp: ${bp} is not a whole number of bp`);
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  const cents = abs % 100;
  return `${sign}${(abs - cents) / 100}.${String(cents).padStart(2, '0')}%`;
}

/**
 * Reads a yuan amount written as text (`'12345.67'`, `'¥12,345.6'`, `'80000'`) into fen without going
 * through a float. More than two decimals is refused rather than rounded: it is not an amount of money.
 * @example parseYuan('¥12,345.67') // 1_234_567
 * @throws MoneyRangeError for anything else
 */
export function parseYuan(text: string): number {
  const match = /^¥?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new MoneyRangeError(`"${text}" is not an amount of yuan like 12345.67`);
  const fen = BigInt((match[1] ?? '').replaceAll(',', '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyRangeError(`"${text}" is too large`);
  return Number(fen);
}
