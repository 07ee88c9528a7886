import { describe, expect, it } from 'vitest';
import type { ApplyForPaymentInput } from './domain/schemas.ts';
import { contractInput, rejection, startFunding } from './testing/harness.ts';

function application(overrides: Partial<ApplyForPaymentInput> = {}): ApplyForPaymentInput {
  return {
    id: 'P-1',
    contractId: 'C-1',
    amountFen: 20_000_000,
    appliedOn: '2024-07-01',
    vouchers: [
      { kind: 'service-agreement', ref: 'C-1/2024' },
      { kind: 'invoice', ref: 'INV-0001' },
    ],
    ...overrides,
  };
}

describe('payment requests', () => {
  it('go applied → approved → paid and the payment emits payment.paid.v1', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));
    const applied = await h.caller.payments.applyFor(application());
    expect(applied).toMatchObject({ status: 'applied', countyCode: '410105', appliedOn: '2024-07-01' });
    expect(applied.vouchers).toEqual(application().vouchers);

    const approved = await h.caller.payments.approve({ id: 'P-1', approvedOn: '2024-07-05' });
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2024-07-05' });
    const eventsBeforePaying = await h.db
      .selectFrom('outbox')
      .select('type')
      .where('type', '=', 'payment.paid.v1')
      .execute();
    expect(eventsBeforePaying).toEqual([]);

    const paid = await h.caller.payments.pay({ id: 'P-1', paidOn: '2024-07-10' });
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2024-07-10' });

    const row = await h.db
      .selectFrom('outbox')
      .select(['key', 'created_at'])
      .where('type', '=', 'payment.paid.v1')
      .executeTakeFirstOrThrow();
    const payment = await h.db
      .selectFrom('payment_requests')
      .select('updated_at')
      .where('id', '=', 'P-1')
      .executeTakeFirstOrThrow();
    expect(row.key).toBe('contract:C-1');
    expect(row.created_at.getTime()).toBe(payment.updated_at.getTime()); // same transaction

    await h.service.drain();
    expect(h.published.map((e) => e.type)).toEqual(['contract.signed.v1', 'payment.paid.v1']);
    expect(h.published[1]).toMatchObject({
      key: 'contract:C-1',
      source: 'funding',
      data: {
        paymentId: 'P-1',
        contractId: 'C-1',
        countyCode: '410105',
        amountFen: 20_000_000,
        paidOn: '2024-07-10',
      },
    });

    const list = await h.caller.payments.list({ contractId: 'C-1' });
    expect(list).toMatchObject({
      contractAmountFen: 60_000_000,
      committedFen: 20_000_000,
      paidFen: 20_000_000,
      remainingFen: 40_000_000,
    });
    expect(list.items.map((p) => [p.id, p.status])).toEqual([['P-1', 'paid']]);
  });

  it('refuse a transition out of order with a 409 naming the current and requested state', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));
    await h.caller.payments.applyFor(application());

    const early = await rejection(h.caller.payments.pay({ id: 'P-1', paidOn: '2024-07-10' }));
    expect([early.status, early.code]).toEqual([409, 'PAYMENT_STATE_CONFLICT']);
    expect(early.error.message).toContain('is applied and cannot become paid');

    await h.caller.payments.reject({ id: 'P-1', rejectedOn: '2024-07-03', reason: '缺少服务报告' });
    // One call at a time: started together, the second rejects before the first is awaited (unhandled).
    for (const call of [
      () => h.caller.payments.approve({ id: 'P-1', approvedOn: '2024-07-05' }),
      () => h.caller.payments.reject({ id: 'P-1', rejectedOn: '2024-07-05', reason: 'again' }),
    ]) {
      const r = await rejection(call());
      expect([r.status, r.code]).toEqual([409, 'PAYMENT_STATE_CONFLICT']);
      expect(r.error.message).toMatch(/is rejected and cannot become (approved|rejected)/);
    }
    const stored = await h.caller.payments.get({ id: 'P-1' });
    expect(stored).toMatchObject({
      status: 'rejected',
      rejectedOn: '2024-07-03',
      rejectionReason: '缺少服务报告',
    });

    await h.caller.payments.applyFor(application({ id: 'P-2' }));
    await h.caller.payments.approve({ id: 'P-2', approvedOn: '2024-07-02' });
    const twice = await rejection(h.caller.payments.approve({ id: 'P-2', approvedOn: '2024-07-03' }));
    expect(twice.error.message).toContain('is approved and cannot become approved');
    const backwards = await rejection(h.caller.payments.pay({ id: 'P-2', paidOn: '2024-07-01' }));
    expect([backwards.status, backwards.fields]).toEqual([400, ['paidOn']]);
    expect(
      await h.db.selectFrom('outbox').select('type').where('type', '=', 'payment.paid.v1').execute(),
    ).toEqual([]);
  });

  it('refuse requests whose total would exceed the contract amount (409, in yuan); rejected ones free their amount', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1', amountFen: 10_000_000 })); // ¥100,000.00
    await h.caller.payments.applyFor(application({ id: 'P-1', amountFen: 6_000_000 }));
    await h.caller.payments.approve({ id: 'P-1', approvedOn: '2024-07-02' });
    await h.caller.payments.applyFor(application({ id: 'P-2', amountFen: 3_000_000 }));

    const over = await rejection(
      h.caller.payments.applyFor(application({ id: 'P-3', amountFen: 1_000_001 })),
    );
    expect([over.status, over.code, over.fields]).toEqual([409, 'PAYMENT_TOTAL_CONFLICT', ['amountFen']]);
    expect(over.error.message).toContain('¥100,000.00'); // the contract amount
    expect(over.error.message).toContain('¥100,000.01'); // what the requests would reach
    expect(over.error.message).toContain('¥10,000.00 left');
    expect(await h.db.selectFrom('payment_requests').select('id').where('id', '=', 'P-3').execute()).toEqual(
      [],
    );

    // Exactly the rest fits.
    await h.caller.payments.applyFor(application({ id: 'P-3', amountFen: 1_000_000 }));
    const full = await rejection(h.caller.payments.applyFor(application({ id: 'P-4', amountFen: 1 })));
    expect(full.code).toBe('PAYMENT_TOTAL_CONFLICT');
    await h.caller.payments.reject({ id: 'P-2', rejectedOn: '2024-07-03', reason: '凭证不全' });
    await h.caller.payments.applyFor(application({ id: 'P-4', amountFen: 3_000_000 }));
    expect(await h.caller.payments.list({ contractId: 'C-1' })).toMatchObject({
      committedFen: 10_000_000,
      remainingFen: 0,
    });
  });

  it('refuse an application without vouchers, before signing, or for an unknown contract', async () => {
    await using h = await startFunding();
    await h.caller.contracts.sign(contractInput({ id: 'C-1' }));
    const cases: Array<[Partial<ApplyForPaymentInput>, number, string]> = [
      [{ vouchers: [] }, 400, 'vouchers'],
      [{ vouchers: [{ kind: 'receipt' as 'invoice', ref: 'x' }] }, 400, 'vouchers[0].kind'],
      [{ amountFen: 0 }, 400, 'amountFen'],
      [{ appliedOn: '2024-03-01' }, 400, 'appliedOn'], // before the contract was signed [ZZ §5.5]
      [{ contractId: 'C-404' }, 404, 'contractId'],
    ];
    for (const [overrides, status, field] of cases) {
      const r = await rejection(h.caller.payments.applyFor(application(overrides)));
      expect([r.status, r.fields], field).toEqual([status, [field]]);
    }
    expect(await h.db.selectFrom('payment_requests').select('id').execute()).toEqual([]);
    await h.caller.payments.applyFor(application());
    const dup = await rejection(h.caller.payments.applyFor(application()));
    expect([dup.status, dup.code]).toEqual([409, 'PAYMENT_DUPLICATE']);
    const missing = await rejection(h.caller.payments.approve({ id: 'P-404', approvedOn: '2024-07-02' }));
    expect([missing.status, missing.code]).toEqual([404, 'PAYMENT_NOT_FOUND']);
  });
});
