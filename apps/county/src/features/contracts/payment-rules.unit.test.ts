import { describe, expect, it } from 'vitest';
import {
  chinaToday,
  mayDecidePayments,
  nextPaymentId,
  PAYMENT_ACTIONS,
  paymentActions,
  yuanToFen,
} from './payment-rules.ts';

describe('paymentActions', () => {
  it('offers approve and reject on an application, pay on an approved request, nothing once final', () => {
    expect(paymentActions('applied')).toEqual(['approve', 'reject']);
    expect(paymentActions('approved')).toEqual(['pay']);
    expect(paymentActions('paid')).toEqual([]);
    expect(paymentActions('rejected')).toEqual([]);
  });

  it('never offers paying an application nobody approved', () => {
    for (const [status, actions] of Object.entries(PAYMENT_ACTIONS)) {
      if (status !== 'approved') expect(actions).not.toContain('pay');
    }
  });

  it('leaves the decisions to the county', () => {
    expect(mayDecidePayments('county')).toBe(true);
    for (const role of ['province', 'city', 'operator', undefined])
      expect(mayDecidePayments(role)).toBe(false);
  });
});

describe('yuanToFen', () => {
  it('reads 元 as exact integer fen', () => {
    expect(yuanToFen('1,234.56')).toEqual({ fen: 123_456 });
    expect(yuanToFen(' 100 ')).toEqual({ fen: 10_000 });
    expect(yuanToFen('0.07')).toEqual({ fen: 7 });
    expect(yuanToFen('0.1')).toEqual({ fen: 10 });
    expect(yuanToFen('１２３．４')).toEqual({ fen: 12_340 });
    expect(yuanToFen('90071992547409.91')).toEqual({ fen: 9_007_199_254_740_991 });
  });

  it('names what is wrong with an amount that is not one', () => {
    expect(yuanToFen('1.234')).toEqual({ problem: 'amount.format' });
    expect(yuanToFen('-5')).toEqual({ problem: 'amount.format' });
    expect(yuanToFen('abc')).toEqual({ problem: 'amount.format' });
    expect(yuanToFen('')).toEqual({ problem: 'amount.format' });
    expect(yuanToFen('0.00')).toEqual({ problem: 'amount.positive' });
    expect(yuanToFen('90071992547409.92')).toEqual({ problem: 'amount.tooLarge' });
  });
});

describe('nextPaymentId', () => {
  it('numbers after the highest request of the contract', () => {
    expect(nextPaymentId('c-410105-2025', ['p-c-410105-2025-1', 'p-c-410105-2025-3', 'x-9'])).toBe(
      'p-c-410105-2025-4',
    );
    expect(nextPaymentId('c-1', [])).toBe('p-c-1-1');
  });
});

describe('chinaToday', () => {
  it('is the day in UTC+8', () => {
    expect(chinaToday(Date.parse('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(chinaToday(Date.parse('2026-03-31T15:59:00Z'))).toBe('2026-03-31');
  });
});
