import { blockingPeriods, type IneligibilityPeriod } from '@shegong/evaluation';
import type { EventOf, HubEvent } from '@shegong/events';
import { DomainError, type IsoDate, IsoDateSchema } from '@shegong/kernel';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { FundingDatabase } from '../db/schema.ts';

type Db = Kysely<FundingDatabase> | Transaction<FundingDatabase>;

export const OperatorEligibilityInputSchema = z.object({
  operatorId: z.string().trim().min(1),
  /** The day to judge eligibility on (an award notice's day); every period is listed either way. */
  asOf: IsoDateSchema.optional(),
});
export type OperatorEligibilityInput = z.infer<typeof OperatorEligibilityInputSchema>;

/** An operator's eligibility to be awarded purchased social work services, as funding knows it. */
export interface OperatorEligibility {
  operatorId: string;
  asOf: IsoDate | null;
  /** No ineligibility period covers `asOf` (true without `asOf` when no period is on record at all). */
  eligible: boolean;
  /** The periods covering `asOf`. */
  blocking: IneligibilityPeriod[];
  /** Every period on record, oldest first. */
  periods: IneligibilityPeriod[];
  /** The renewal decisions received, by day. */
  decisions: Array<{
    renewalId: string;
    contractId: string;
    year: number;
    decision: 'renew' | 're-procure' | 'undetermined';
    decidedOn: IsoDate;
    citation: string;
  }>;
}

/**
 * An award to an operator inside a period without eligibility (取消一定时期内承接政府购买社会工作服务资格
 * [ZZ §6.4]). 400 naming `operatorId`, with the period and its citation.
 */
export class OperatorIneligibleError extends DomainError {
  constructor(operatorId: string, date: IsoDate, period: IneligibilityPeriod) {
    super(
      'OPERATOR_INELIGIBLE',
      `operator "${operatorId}" may not be awarded a contract on ${date}: it has no eligibility to undertake purchased social work services from ${period.from} to ${period.to} [${period.citation}], after the failing evaluation of ${period.decidedOn}${period.basis === 'default' ? ' (the period’s length is the hub’s default)' : ''}`,
      { path: ['operatorId'], details: { operatorId, date, period } },
    );
  }
}

/**
 * Applies `renewal.decided.v1` in the caller's (inbox) transaction: the decision is recorded, with its
 * ineligibility period when it carries one. Other events are not funding's concern.
 */
export async function applyEvent(trx: Db, event: HubEvent): Promise<void> {
  if (event.type !== 'renewal.decided.v1') return;
  await recordRenewal(trx, event);
}

async function recordRenewal(trx: Db, event: EventOf<'renewal.decided.v1'>): Promise<void> {
  const d = event.data;
  const period = d.ineligibility;
  await trx
    .insertInto('operator_eligibility')
    .values({
      renewal_id: d.renewalId,
      operator_id: d.operatorId,
      contract_id: d.contractId,
      year: d.year,
      decision: d.decision,
      decided_on: d.decidedOn,
      citation: d.citation,
      ineligible_from: period?.from ?? null,
      ineligible_to: period?.to ?? null,
      ineligibility: period ? JSON.stringify(period) : null,
      event_id: event.id,
    })
    // A contract year is decided once; a second event for the same decision changes nothing.
    .onConflict((oc) => oc.column('renewal_id').doNothing())
    .execute();
}

async function periodsOf(db: Db, operatorId: string): Promise<IneligibilityPeriod[]> {
  const rows = await db
    .selectFrom('operator_eligibility')
    .select('ineligibility')
    .where('operator_id', '=', operatorId)
    .where('ineligible_from', 'is not', null)
    .orderBy('ineligible_from')
    .orderBy('renewal_id')
    .execute();
  return rows.map((r) => r.ineligibility as IneligibilityPeriod);
}

/**
 * Refuses an award to an operator inside an ineligibility period (both days included [民法典 art. 201,
 * 202]), in the caller's transaction, before anything is written.
 * @throws OperatorIneligibleError `OPERATOR_INELIGIBLE` naming `operatorId`, the period and its citation
 */
export async function assertEligible(db: Db, operatorId: string, date: IsoDate): Promise<void> {
  const [blocking] = blockingPeriods(await periodsOf(db, operatorId), date);
  if (blocking) throw new OperatorIneligibleError(operatorId, date, blocking);
}

/** An operator's ineligibility periods and renewal decisions, and whether it is eligible on `asOf`. */
export async function operatorEligibility(
  db: Db,
  input: OperatorEligibilityInput,
): Promise<OperatorEligibility> {
  const periods = await periodsOf(db, input.operatorId);
  const blocking = input.asOf === undefined ? [] : blockingPeriods(periods, input.asOf);
  const decisions = await db
    .selectFrom('operator_eligibility')
    .select(['renewal_id', 'contract_id', 'year', 'decision', 'decided_on', 'citation'])
    .where('operator_id', '=', input.operatorId)
    .orderBy('decided_on')
    .orderBy('renewal_id')
    .execute();
  return {
    operatorId: input.operatorId,
    asOf: input.asOf ?? null,
    eligible: input.asOf === undefined ? periods.length === 0 : blocking.length === 0,
    blocking,
    periods,
    decisions: decisions.map((r) => ({
      renewalId: r.renewal_id,
      contractId: r.contract_id,
      year: r.year,
      decision: r.decision,
      decidedOn: r.decided_on,
      citation: r.citation,
    })),
  };
}
