import { DomainError } from '@shegong/kernel';
import { type HubEvent, type HubEventInput, HubEventSchema } from './contracts.ts';

/**
 * Turns a stored or received message back into a typed event.
 * @throws DomainError `EVENT_INVALID` naming the event id and the first bad field; an unknown `type` is
 *   invalid too, so a consumer never acts on an event it does not understand
 */
export function decodeEvent(payload: string | Buffer | unknown): HubEvent {
  const data =
    typeof payload === 'string' || Buffer.isBuffer(payload) ? JSON.parse(String(payload)) : payload;
  const parsed = HubEventSchema.safeParse(data);
  if (!parsed.success) {
    const id = (data as { id?: unknown })?.id;
    const issue = parsed.error.issues[0];
    throw new DomainError(
      'EVENT_INVALID',
      `event ${String(id)} is not a known hub event: ${issue?.path.join('.')} ${issue?.message}`,
      {
        details: { id, issues: parsed.error.issues },
      },
    );
  }
  return parsed.data;
}

/** Validates and serialises an event for the outbox or Kafka. */
export function encodeEvent(event: HubEventInput): string {
  return JSON.stringify(HubEventSchema.parse(event));
}
