import { randomUUID } from 'node:crypto';
import { type EventOf, HubEventSchema } from '@shegong/events';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CONSUMER } from './service.ts';
import { contractInput, rejection, startFunding } from './testing/harness.ts';

/**
 * Funding consumes reporting's renewal decisions through its inbox and refuses an award to an operator in
 * a period without eligibility [ZZ §6.4], on a real Postgres.
 */

/** `renewal.decided.v1` as reporting publishes it: a failed annual evaluation of 2025-03-20 under ZZ. */
function renewalDecided(
  operatorId = 'op-failed',
  overrides: Partial<EventOf<'renewal.decided.v1'>['data']> = {},
): EventOf<'renewal.decided.v1'> {
  return HubEventSchema.parse({
    id: randomUUID(),
    occurredAt: '2025-03-25T10:00:00+08:00',
    source: 'reporting',
    key: 'contract:C-old',
    type: 'renewal.decided.v1',
    data: {
      renewalId: 'C-old-y1',
      contractId: 'C-old',
      operatorId,
      countyCode: '410105',
      year: 1,
      decision: 're-procure',
      discretionary: false,
      citation: 'ZZ §5.3',
      decidedOn: '2025-03-25',
      evidence: ['ev-annual'],
      consequences: [
        { kind: 're-procurement', citation: 'ZZ §5.3' },
        { kind: 'rectification', citation: 'ZZ §6.4' },
        { kind: 'ineligibility', citation: 'ZZ §6.4' },
      ],
      ineligibility: {
        operatorId,
        decidedOn: '2025-03-20',
        from: '2025-03-21',
        to: '2026-03-20',
        citation: 'ZZ §6.4',
        basis: 'default',
        evaluationId: 'ev-annual',
        contractId: 'C-old',
      },
      ...overrides,
    },
  }) as EventOf<'renewal.decided.v1'>;
}

async function counts(h: Awaited<ReturnType<typeof startFunding>>) {
  const row = await sql<{ contracts: number; terms: number; findings: number; outbox: number }>`
    select (select count(*)::int from funding.contracts) as contracts,
           (select count(*)::int from funding.contract_yearly_terms) as terms,
           (select count(*)::int from funding.findings) as findings,
           (select count(*)::int from funding.outbox) as outbox`.execute(h.db);
  return row.rows[0];
}

describe('operator eligibility', () => {
  it('refuses a contract awarded inside the ineligibility period, naming operatorId, the period and its clause, and writes nothing', async () => {
    await using h = await startFunding();
    await h.service.handleEvent(renewalDecided());
    const before = await counts(h);

    for (const day of ['2025-03-21', '2025-09-01', '2026-03-20']) {
      const refused = await rejection(
        h.caller.contracts.sign(
          contractInput({ id: `C-${day}`, operatorId: 'op-failed', awardNoticeDate: day, signedOn: day }),
        ),
      );
      expect([refused.status, refused.code, refused.fields], day).toEqual([
        400,
        'OPERATOR_INELIGIBLE',
        ['operatorId'],
      ]);
      expect(refused.error.message).toMatch(/from 2025-03-21 to 2026-03-20 \[ZZ §6\.4\]/);
    }
    expect(await counts(h)).toEqual(before);
    await expect(h.caller.contracts.get({ id: 'C-2025-09-01' })).rejects.toThrow(/no contract/);

    // The day after the period, and the day before it, the operator may be awarded again; others always.
    const after = await h.caller.contracts.sign(
      contractInput({
        id: 'C-after',
        operatorId: 'op-failed',
        awardNoticeDate: '2026-03-21',
        signedOn: '2026-03-25',
        termStart: '2026-04-01',
        termEnd: '2029-03-31',
      }),
    );
    expect(after.id).toBe('C-after');
    await h.caller.contracts.sign(
      contractInput({
        id: 'C-before',
        operatorId: 'op-failed',
        awardNoticeDate: '2025-03-20',
        signedOn: '2025-03-20',
      }),
    );
    await h.caller.contracts.sign(
      contractInput({
        id: 'C-other',
        operatorId: 'op-fine',
        awardNoticeDate: '2025-09-01',
        signedOn: '2025-09-01',
      }),
    );

    const eligibility = await h.caller.eligibility.get({ operatorId: 'op-failed', asOf: '2025-09-01' });
    expect(eligibility).toMatchObject({
      eligible: false,
      blocking: [{ from: '2025-03-21', to: '2026-03-20', citation: 'ZZ §6.4', basis: 'default' }],
      decisions: [{ renewalId: 'C-old-y1', decision: 're-procure', citation: 'ZZ §5.3' }],
    });
    expect(await h.caller.eligibility.get({ operatorId: 'op-failed', asOf: '2026-03-21' })).toMatchObject({
      eligible: true,
      blocking: [],
    });
    expect(await h.caller.eligibility.get({ operatorId: 'op-fine', asOf: '2025-09-01' })).toMatchObject({
      eligible: true,
      periods: [],
    });
  });

  it('applies the same renewal event delivered twice once: one inbox row, one decision, still refused', async () => {
    await using h = await startFunding();
    const event = renewalDecided();
    await h.service.handleEvent(event);
    await h.service.handleEvent(event);
    const inbox = await h.db.selectFrom('inbox').select(['consumer', 'event_id', 'type']).execute();
    expect(inbox).toEqual([{ consumer: CONSUMER, event_id: event.id, type: 'renewal.decided.v1' }]);
    const rows = await h.db.selectFrom('operator_eligibility').select(['renewal_id', 'event_id']).execute();
    expect(rows).toEqual([{ renewal_id: 'C-old-y1', event_id: event.id }]);
    expect((await h.caller.eligibility.get({ operatorId: 'op-failed' })).periods).toHaveLength(1);
  });

  it('records a decision without ineligibility (renewed, or WH re-procurement) and leaves the operator eligible', async () => {
    await using h = await startFunding();
    await h.service.handleEvent(
      renewalDecided('op-wh', {
        renewalId: 'C-wh-y1',
        citation: 'WH §3.4',
        consequences: [],
        ineligibility: null,
      }),
    );
    expect(await h.caller.eligibility.get({ operatorId: 'op-wh', asOf: '2025-09-01' })).toMatchObject({
      eligible: true,
      periods: [],
      decisions: [{ renewalId: 'C-wh-y1', citation: 'WH §3.4' }],
    });
    const contract = await h.caller.contracts.sign(
      contractInput({ id: 'C-wh-2', countyCode: '420102', operatorId: 'op-wh', stationIds: ['420102002'] }),
    );
    expect(contract.operatorId).toBe('op-wh');
  });
});
