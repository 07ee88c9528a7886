import { randomUUID } from 'node:crypto';
import type { EventOf, HubEventInput } from '@shegong/events';

/** The envelope of an event this service produces about a contract (key `contract:<id>`). */
function envelope(contractId: string) {
  return {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'funding' as const,
    key: `contract:${contractId}`,
  };
}

export function contractSigned(data: EventOf<'contract.signed.v1'>['data']): HubEventInput {
  return { ...envelope(data.contractId), type: 'contract.signed.v1', data };
}

export function paymentPaid(data: EventOf<'payment.paid.v1'>['data']): HubEventInput {
  return { ...envelope(data.contractId), type: 'payment.paid.v1', data };
}
