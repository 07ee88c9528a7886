import { appendToOutbox } from '@shegong/messaging';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { FundingDatabase, PaymentRequestsTable } from '../db/schema.ts';
import { FundingDuplicateError, FundingInputError, FundingNotFoundError } from '../errors.ts';
import { paymentPaid } from './events.ts';
import {
  assertTransition,
  assertWithinContract,
  COMMITTED_STATUSES,
  committedFen,
  type PaymentStatus,
} from './payment-state.ts';
import type {
  ApplyForPaymentInput,
  ApprovePaymentInput,
  PayPaymentInput,
  RejectPaymentInput,
  Voucher,
} from './schemas.ts';

type Db = Kysely<FundingDatabase>;
type Trx = Transaction<FundingDatabase>;

/** A payment request under a contract and where it is in its lifecycle. */
export interface PaymentRequest {
  id: string;
  contractId: string;
  countyCode: string;
  amountFen: number;
  status: PaymentStatus;
  appliedOn: string;
  approvedOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  paidOn: string | null;
  vouchers: Voucher[];
}

/** A contract's payment requests and what they add up to, in fen. */
export interface ContractPayments {
  items: PaymentRequest[];
  contractAmountFen: number;
  /** Applied + approved + paid: the part of the contract amount the requests hold. */
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

/**
 * Files the operator's written payment application with its vouchers, after the contract is signed
 * [ZZ §5.5]. The contract row is locked while the total is checked, so two applications racing for the
 * last yuan cannot both fit.
 * @throws FundingNotFoundError (contract), FundingInputError (applied before signing),
 *   PaymentTotalConflictError (over the contract amount), FundingDuplicateError
 */
export async function applyForPayment(db: Db, input: ApplyForPaymentInput): Promise<PaymentRequest> {
  return db.transaction().execute(async (trx) => {
    const contract = await trx
      .selectFrom('contracts')
      .select(['id', 'county_code', 'amount_fen', 'signed_on'])
      .where('id', '=', input.contractId)
      .forUpdate()
      .executeTakeFirst();
    if (!contract) throw new FundingNotFoundError('contract', input.contractId, ['contractId']);
    if (input.appliedOn < contract.signed_on) {
      throw new FundingInputError(
        `contract "${contract.id}" was signed on ${contract.signed_on}; funds are applied for after signing [ZZ §5.5]`,
        ['appliedOn'],
      );
    }
    const existing = await trx
      .selectFrom('payment_requests')
      .select(['status', 'amount_fen as amountFen'])
      .where('contract_id', '=', contract.id)
      .where('status', 'in', COMMITTED_STATUSES)
      .execute();
    assertWithinContract({
      paymentId: input.id,
      contractId: contract.id,
      contractAmountFen: contract.amount_fen,
      committedFen: committedFen(existing),
      requestedFen: input.amountFen,
    });
    const inserted = await trx
      .insertInto('payment_requests')
      .values({
        id: input.id,
        contract_id: contract.id,
        amount_fen: input.amountFen,
        status: 'applied',
        applied_on: input.appliedOn,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new FundingDuplicateError('payment', input.id);
    await trx
      .insertInto('payment_vouchers')
      .values(
        input.vouchers.map((v, position) => ({ payment_id: input.id, position, kind: v.kind, ref: v.ref })),
      )
      .execute();
    return getPaymentIn(trx, input.id);
  });
}

/**
 * The purchaser approves an application after review [ZZ §5.5].
 * @throws FundingNotFoundError, PaymentStateConflictError unless it is `applied`, FundingInputError for a
 *   day before the application
 */
export async function approvePayment(db: Db, input: ApprovePaymentInput): Promise<PaymentRequest> {
  return db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.id);
    assertTransition(payment.id, payment.status, 'approved');
    assertNotBefore(input.approvedOn, 'approvedOn', payment.appliedOn, 'applied for');
    await setStatus(trx, payment.id, { status: 'approved', approved_on: input.approvedOn });
    return getPaymentIn(trx, payment.id);
  });
}

/**
 * The purchaser refuses an application, with the reason. Its amount no longer counts against the contract.
 * @throws FundingNotFoundError, PaymentStateConflictError unless it is `applied`, FundingInputError
 */
export async function rejectPayment(db: Db, input: RejectPaymentInput): Promise<PaymentRequest> {
  return db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.id);
    assertTransition(payment.id, payment.status, 'rejected');
    assertNotBefore(input.rejectedOn, 'rejectedOn', payment.appliedOn, 'applied for');
    await setStatus(trx, payment.id, {
      status: 'rejected',
      rejected_on: input.rejectedOn,
      rejection_reason: input.reason,
    });
    return getPaymentIn(trx, payment.id);
  });
}

/**
 * Records that an approved request was paid, and appends `payment.paid.v1` in the same transaction.
 * @throws FundingNotFoundError, PaymentStateConflictError unless it is `approved`, FundingInputError
 */
export async function payPayment(db: Db, input: PayPaymentInput): Promise<PaymentRequest> {
  return db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.id);
    assertTransition(payment.id, payment.status, 'paid');
    assertNotBefore(input.paidOn, 'paidOn', payment.approvedOn ?? payment.appliedOn, 'approved');
    await setStatus(trx, payment.id, { status: 'paid', paid_on: input.paidOn });
    await appendToOutbox(trx, [
      paymentPaid({
        paymentId: payment.id,
        contractId: payment.contractId,
        countyCode: payment.countyCode,
        amountFen: payment.amountFen,
        paidOn: input.paidOn,
      }),
    ]);
    return getPaymentIn(trx, payment.id);
  });
}

/**
 * A contract's payment requests, in the order they were applied for, with their totals.
 * @throws FundingNotFoundError
 */
export async function listPayments(db: Db, contractId: string): Promise<ContractPayments> {
  const contract = await db
    .selectFrom('contracts')
    .select(['amount_fen'])
    .where('id', '=', contractId)
    .executeTakeFirst();
  if (!contract) throw new FundingNotFoundError('contract', contractId, ['contractId']);
  const items = await hydrate(
    db,
    await paymentRows(db)
      .where('p.contract_id', '=', contractId)
      .orderBy('p.applied_on')
      .orderBy('p.id')
      .execute(),
  );
  const committed = committedFen(items);
  const paid = committedFen(items.filter((p) => p.status === 'paid'));
  return {
    items,
    contractAmountFen: contract.amount_fen,
    committedFen: committed,
    paidFen: paid,
    remainingFen: contract.amount_fen - committed,
  };
}

/**
 * A payment request by id.
 * @throws FundingNotFoundError
 */
export async function getPayment(db: Db, id: string): Promise<PaymentRequest> {
  return getPaymentIn(db, id);
}

function assertNotBefore(day: string, field: string, earlier: string, what: string): void {
  if (day < earlier) {
    throw new FundingInputError(`${field} ${day} is before the day the request was ${what} (${earlier})`, [
      field,
    ]);
  }
}

async function setStatus(
  trx: Trx,
  id: string,
  values: Partial<
    Pick<
      Selectable<PaymentRequestsTable>,
      'status' | 'approved_on' | 'rejected_on' | 'rejection_reason' | 'paid_on'
    >
  >,
): Promise<void> {
  await trx
    .updateTable('payment_requests')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

function paymentRows(db: Db | Trx) {
  return db
    .selectFrom('payment_requests as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .selectAll('p')
    .select('c.county_code');
}

async function lockPayment(trx: Trx, id: string): Promise<PaymentRequest> {
  const row = await paymentRows(trx).where('p.id', '=', id).forUpdate('p').executeTakeFirst();
  const [payment] = row ? await hydrate(trx, [row]) : [];
  if (!payment) throw new FundingNotFoundError('payment', id);
  return payment;
}

async function getPaymentIn(db: Db | Trx, id: string): Promise<PaymentRequest> {
  const row = await paymentRows(db).where('p.id', '=', id).executeTakeFirst();
  const [payment] = row ? await hydrate(db, [row]) : [];
  if (!payment) throw new FundingNotFoundError('payment', id);
  return payment;
}

async function hydrate(
  db: Db | Trx,
  rows: ReadonlyArray<Selectable<PaymentRequestsTable> & { county_code: string }>,
): Promise<PaymentRequest[]> {
  if (rows.length === 0) return [];
  const vouchers = await db
    .selectFrom('payment_vouchers')
    .selectAll()
    .where(
      'payment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('payment_id')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    contractId: r.contract_id,
    countyCode: r.county_code,
    amountFen: r.amount_fen,
    status: r.status,
    appliedOn: r.applied_on,
    approvedOn: r.approved_on,
    rejectedOn: r.rejected_on,
    rejectionReason: r.rejection_reason,
    paidOn: r.paid_on,
    vouchers: vouchers
      .filter((v) => v.payment_id === r.id)
      .map((v) => ({ kind: v.kind as Voucher['kind'], ref: v.ref })),
  }));
}
