import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, formatPercent } from './format.ts';

describe('formatMoney', () => {
  it('writes integer fen as yuan, exactly', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(-100)).toBe('-¥1.00');
    expect(formatMoney(900719925474099)).toBe('¥9,007,199,254,740.99');
    expect(formatMoney(123456, 'zh-CN', 'unit')).toBe('1,234.56 元');
    expect(formatMoney(123456, 'en', 'unit')).toBe('CNY 1,234.56');
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatMoney(1.5)).toThrow(/whole fen/);
  });
});

describe('formatDate and formatNumber', () => {
  it('write a calendar day without shifting it', () => {
    expect(formatDate('2026-10-01')).toBe('2026年10月1日');
    expect(formatDate('2026-10-01', 'en')).toBe('Oct 1, 2026');
    expect(formatDate('not a day')).toBe('not a day');
  });

  it('group digits', () => {
    expect(formatNumber(12345.5)).toBe('12,345.5');
  });

  it('write a share as a percentage', () => {
    expect(formatPercent(0.0244)).toBe('2.44%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0.12345, 'zh-CN', 1)).toBe('12.3%');
  });
});
