import { z } from 'zod';

/** The services that publish events. */
export const EventSourceSchema = z.enum(['registry', 'funding', 'reporting']);
export type EventSource = z.infer<typeof EventSourceSchema>;

/**
 * What every event carries besides its payload. `key` decides the Kafka partition, so all events of one
 * aggregate (one station, one contract) stay in order; `id` is what a consumer's inbox remembers so a
 * redelivered event is applied once.
 */
export const EnvelopeSchema = z.object({
  id: z.uuid(),
  /** When the change happened in the producing service (ISO timestamp). */
  occurredAt: z.iso.datetime({ offset: true }),
  source: EventSourceSchema,
  /** Partition key: the aggregate's id (`station:<id>`, `contract:<id>`). */
  key: z.string().min(1),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;
