/**
 * @shegong/messaging: how services exchange events without losing or doubling any — a transactional
 * outbox written with the state change, a relay that publishes it (to Kafka, or in-process for the
 * embedded start), and an inbox that applies each event once per consumer.
 */

export { type Handler, InProcessBus } from './in-process.ts';
export {
  type ApplyOutcome,
  applyOnce,
  applyOrPark,
  logParked,
  permanentFailure,
  replayDeadLetter,
} from './inbox.ts';
export { consumeEvents, KafkaPublisher } from './kafka.ts';
export { appendToOutbox, type OutboxMessage, type Publisher, pendingCount, relayOnce } from './outbox.ts';
export {
  type ConsumerTables,
  createDeadLettersTableV1,
  createMessagingTablesV1,
  type DeadLettersTable,
  type InboxTable,
  type MessagingTables,
  type OutboxTable,
} from './schema.ts';
