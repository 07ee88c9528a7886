import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyRangeError } from './errors.ts';
import {
  exactFraction,
  FenSchema,
  formatBp,
  formatYuan,
  mulDiv,
  parseYuan,
  shareBp,
  shareSatisfies,
  sumFen,
  times,
} from './money.ts';

describe('FenSchema', () => {
  it('accepts whole, non-negative, safe-integer fen only', () => {
    expect(FenSchema.safeParse(0).success).toBe(true);
    expect(FenSchema.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(true);
    expect(FenSchema.safeParse(12.5).success).toBe(false);
    expect(FenSchema.safeParse(-1).success).toBe(false);
    expect(FenSchema.safeParse(2 ** 53).success).toBe(false);
    expect(FenSchema.safeParse(Number.NaN).success).toBe(false);
  });
});

describe('mulDiv (the one rounding helper: half up)', () => {
  it('rounds a remainder of exactly one half up', () => {
    // 4,321,005 × 10% = 432,100.5 fen → 432,101 (banker's rounding would give 432,100)
    expect(mulDiv(4_321_005, 1_000, 10_000)).toBe(432_101);
    expect(mulDiv(1, 5_000, 10_000)).toBe(1);
    expect(mulDiv(3, 5_000, 10_000)).toBe(2);
  });
  it('rounds below one half down and above it up', () => {
    expect(mulDiv(1, 4_999, 10_000)).toBe(0);
    expect(mulDiv(1, 5_001, 10_000)).toBe(1);
    expect(mulDiv(1, 2, 3)).toBe(1);
    expect(mulDiv(1, 1, 3)).toBe(0);
  });
  it('keeps products beyond 2^53 exact (bigint inside)', () => {
    // 9e15 × 10,000 overflows a double's exact range; the quotient is back in range.
    expect(mulDiv(9_000_000_000_000_001, 10_000, 10_000)).toBe(9_000_000_000_000_001);
  });
  it('refuses negative, fractional, zero-divisor and out-of-range operands', () => {
    expect(() => mulDiv(-1, 1, 1)).toThrow(MoneyRangeError);
    expect(() => mulDiv(1.5, 1, 1)).toThrow(MoneyRangeError);
    expect(() => mulDiv(1, 1, 0)).toThrow(MoneyRangeError);
    expect(() => mulDiv(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(MoneyRangeError);
  });
  it('agrees with a bigint oracle (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (a, b, d) => {
          const exact = BigInt(a) * BigInt(b);
          const q = exact / BigInt(d);
          const r = exact % BigInt(d);
          const expected = 2n * r >= BigInt(d) ? q + 1n : q;
          // Past 2^53 the answer is refused, not rounded: fen must stay exact.
          if (expected > BigInt(Number.MAX_SAFE_INTEGER))
            expect(() => mulDiv(a, b, d)).toThrow(MoneyRangeError);
          else expect(mulDiv(a, b, d)).toBe(Number(expected));
        },
      ),
    );
  });
});

describe('exact arithmetic', () => {
  it('times and sumFen refuse to leave the safe range', () => {
    expect(times(8_268_000, 140)).toBe(1_157_520_000);
    expect(() => times(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyRangeError);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyRangeError);
  });
  it('compares shares exactly, the legal way', () => {
    expect(shareSatisfies(7_000, 10_000, '不低于', 7_000)).toBe(true);
    expect(shareSatisfies(6_999_999, 10_000_000, '不低于', 7_000)).toBe(false);
    expect(shareSatisfies(200, 10_000, '不高于', 200)).toBe(true);
    expect(shareSatisfies(200_001, 10_000_000, '不高于', 200)).toBe(false);
    expect(shareSatisfies(200, 10_000, '超过', 200)).toBe(false);
    expect(shareSatisfies(199, 10_000, '低于', 200)).toBe(true);
  });
  it('writes fractions in lowest terms', () => {
    expect(exactFraction(7, 10)).toBe('7/10');
    expect(exactFraction(165_360_000, 218_275_200)).toBe('25/33');
    expect(exactFraction(0, 5)).toBe('0/1');
  });
  it('rounds shares half up for display', () => {
    expect(shareBp(7, 10)).toBe(7_000);
    expect(shareBp(6_999_999, 10_000_000)).toBe(7_000); // 6,999.999 bp: why verdicts never use it
    expect(shareBp(2, 3)).toBe(6_667);
  });
});

describe('formatting', () => {
  it('writes fen as yuan with thousands separators', () => {
    expect(formatYuan(1_234_567)).toBe('¥12,345.67');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(100_000_000_000)).toBe('¥1,000,000,000.00');
    expect(formatYuan(-100_000)).toBe('-¥1,000.00');
    expect(formatYuan(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });
  it('writes basis points as percentages', () => {
    expect(formatBp(7_000)).toBe('70.00%');
    expect(formatBp(15)).toBe('0.15%');
    expect(formatBp(6_999)).toBe('69.99%');
  });
  it('reads yuan text into fen without floats', () => {
    expect(parseYuan('¥12,345.67')).toBe(1_234_567);
    expect(parseYuan('80000')).toBe(8_000_000);
    expect(parseYuan('0.1')).toBe(10);
    expect(() => parseYuan('1.005')).toThrow(MoneyRangeError);
    expect(() => parseYuan('12,34')).toThrow(MoneyRangeError);
    expect(() => parseYuan('-5')).toThrow(MoneyRangeError);
  });
  it('formatYuan and parseYuan round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});
