import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  assertWithinContract,
  canTransition,
  committedFen,
  PaymentStateConflictError,
  type PaymentStatus,
  PaymentStatusSchema,
  PaymentTotalConflictError,
} from './payment-state.ts';

const ALLOWED = new Set(['applied>approved', 'applied>rejected', 'approved>paid']);

describe('payment request state machine', () => {
  it('allows exactly applied → approved → paid and applied → rejected', () => {
    for (const from of PaymentStatusSchema.options) {
      for (const to of PaymentStatusSchema.options) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(ALLOWED.has(`${from}>${to}`));
      }
    }
  });

  it('refuses a move out of order with a 409 code naming the current and the requested state', () => {
    const cases: Array<[PaymentStatus, PaymentStatus]> = [
      ['applied', 'paid'],
      ['approved', 'approved'],
      ['approved', 'rejected'],
      ['paid', 'approved'],
      ['rejected', 'approved'],
    ];
    for (const [from, to] of cases) {
      let error: unknown;
      try {
        assertTransition('P-1', from, to);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PaymentStateConflictError);
      const conflict = error as PaymentStateConflictError;
      expect(conflict.code).toBe('PAYMENT_STATE_CONFLICT');
      expect(conflict.code.endsWith('_CONFLICT')).toBe(true);
      expect(conflict.details).toMatchObject({ current: from, requested: to });
      expect(conflict.message).toContain(`is ${from} and cannot become ${to}`);
    }
    expect(() => assertTransition('P-1', 'applied', 'approved')).not.toThrow();
  });

  it('says which states are final', () => {
    expect(() => assertTransition('P-9', 'paid', 'rejected')).toThrow(/paid, which is final/);
    expect(() => assertTransition('P-9', 'applied', 'paid')).toThrow(/can only become approved or rejected/);
  });
});

describe('contract amount', () => {
  it('counts applied, approved and paid requests, not rejected ones', () => {
    expect(
      committedFen([
        { status: 'applied', amountFen: 100 },
        { status: 'approved', amountFen: 20 },
        { status: 'paid', amountFen: 3 },
        { status: 'rejected', amountFen: 1_000 },
      ]),
    ).toBe(123);
    expect(committedFen([])).toBe(0);
  });

  it('lets requests reach the contract amount exactly, and not one fen more', () => {
    const base = {
      paymentId: 'P-2',
      contractId: 'C-1',
      contractAmountFen: 10_000_000,
      committedFen: 6_000_000,
    };
    expect(() => assertWithinContract({ ...base, requestedFen: 4_000_000 })).not.toThrow();
    let error: unknown;
    try {
      assertWithinContract({ ...base, requestedFen: 4_000_001 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PaymentTotalConflictError);
    const conflict = error as PaymentTotalConflictError;
    expect(conflict.code).toBe('PAYMENT_TOTAL_CONFLICT');
    expect(conflict.path).toEqual(['amountFen']);
    expect(conflict.message).toContain('¥40,000.01');
    expect(conflict.message).toContain('¥100,000.00');
    expect(conflict.message).toContain('¥100,000.01');
    expect(conflict.details).toMatchObject({ remainingFen: 4_000_000 });
  });
});
