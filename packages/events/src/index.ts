/**
 * @shegong/events: the event contracts the services exchange over Kafka — versioned zod schemas, a
 * discriminated union on `type`, partition keys and topics.
 */
export { decodeEvent, encodeEvent } from './codec.ts';
export {
  ContractSignedV1,
  EvaluationRecordedV1,
  type EventOf,
  type HubEvent,
  type HubEventInput,
  HubEventSchema,
  type HubEventType,
  PaymentPaidV1,
  RenewalDecidedV1,
  ReportAcceptedV1,
  ReportApprovedV1,
  ReportReturnedV1,
  ReportSubmittedV1,
  StaffChangeFiledV1,
  StationRegisteredV1,
  StationStatusChangedV1,
  StationStatusSchema,
  StationTypeSchema,
  SupervisorUpsertedV1,
  TOPIC_OF,
  TOPICS,
  WorkerUpsertedV1,
} from './contracts.ts';
export { type Envelope, EnvelopeSchema, type EventSource, EventSourceSchema } from './envelope.ts';
