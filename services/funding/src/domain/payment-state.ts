import { formatYuan } from '@shegong/budget';
import { DomainError } from '@shegong/kernel';
import { z } from 'zod';

/**
 * Where a payment request is: `applied` (the operator's written application is in [ZZ §5.5]), `approved`
 * (the purchaser reviewed it), `paid` (the money went out), or `rejected` (review refused it). Paid and
 * rejected are final.
 */
export const PaymentStatusSchema = z.enum(['applied', 'approved', 'rejected', 'paid']);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

/** The moves a request may make: applied → approved → paid, or applied → rejected. */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  applied: ['approved', 'rejected'],
  approved: ['paid'],
  rejected: [],
  paid: [],
};

/**
 * The requests that hold part of the contract's amount: every one not rejected. Their sum may not exceed
 * the contract amount.
 */
export const COMMITTED_STATUSES: readonly PaymentStatus[] = ['applied', 'approved', 'paid'];

/** Whether a request in `from` may move to `to`. */
export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** A move out of order: paying an application nobody approved, approving a paid request … (409). */
export class PaymentStateConflictError extends DomainError {
  constructor(paymentId: string, current: PaymentStatus, requested: PaymentStatus) {
    const allowed = PAYMENT_TRANSITIONS[current];
    const next =
      allowed.length === 0
        ? `it is ${current}, which is final`
        : `from ${current} it can only become ${allowed.join(' or ')}`;
    super(
      'PAYMENT_STATE_CONFLICT',
      `payment request "${paymentId}" is ${current} and cannot become ${requested}: ${next}`,
      { path: ['id'], details: { paymentId, current, requested, allowed: [...allowed] } },
    );
  }
}

/**
 * Checks a move of the state machine.
 * @example assertTransition('P-1', 'applied', 'approved') // ok
 * @example assertTransition('P-1', 'applied', 'paid')     // throws PaymentStateConflictError
 * @throws PaymentStateConflictError naming the current and the requested state
 */
export function assertTransition(paymentId: string, from: PaymentStatus, to: PaymentStatus): void {
  if (!canTransition(from, to)) throw new PaymentStateConflictError(paymentId, from, to);
}

/** A request whose amount would take the contract's committed requests over its amount (409). */
export class PaymentTotalConflictError extends DomainError {
  constructor(details: {
    paymentId: string;
    contractId: string;
    contractAmountFen: number;
    committedFen: number;
    requestedFen: number;
  }) {
    const { paymentId, contractId, contractAmountFen, committedFen, requestedFen } = details;
    const remainingFen = Math.max(0, contractAmountFen - committedFen);
    super(
      'PAYMENT_TOTAL_CONFLICT',
      `payment request "${paymentId}" for ${formatYuan(requestedFen)} would bring contract "${contractId}"'s ` +
        `applied, approved and paid requests to ${formatYuan(committedFen + requestedFen)}, over the contract ` +
        `amount of ${formatYuan(contractAmountFen)} (${formatYuan(committedFen)} requested so far, ` +
        `${formatYuan(remainingFen)} left)`,
      { path: ['amountFen'], details: { ...details, remainingFen } },
    );
  }
}

/** The sum of the requests that hold part of the contract amount (all but rejected ones), in fen. */
export function committedFen(requests: ReadonlyArray<{ status: PaymentStatus; amountFen: number }>): number {
  let total = 0;
  for (const r of requests) if (COMMITTED_STATUSES.includes(r.status)) total += r.amountFen;
  if (!Number.isSafeInteger(total)) throw new RangeError('a sum of fen is beyond the safe integer range');
  return total;
}

/**
 * Checks that a new request fits in what the contract has left: committed + requested ≤ contract amount
 * (exactly the amount is fine).
 * @throws PaymentTotalConflictError naming the amounts in yuan
 */
export function assertWithinContract(details: {
  paymentId: string;
  contractId: string;
  contractAmountFen: number;
  committedFen: number;
  requestedFen: number;
}): void {
  if (details.committedFen + details.requestedFen > details.contractAmountFen) {
    throw new PaymentTotalConflictError(details);
  }
}
