import { IsoDateSchema } from '@shegong/kernel';
import { ResidentWorkerSchema, StaffChangeSchema, SupervisorSchema } from '@shegong/staffing';
import { z } from 'zod';
import { EnvelopeSchema } from './envelope.ts';

/**
 * The event contracts, one zod schema each, versioned in the type name (`station.registered.v1`). A
 * breaking change is a new version next to the old one, never an edit: consumers keep reading v1 until
 * every producer has moved.
 */

export const StationTypeSchema = z.enum(['county-centre', 'township-station', 'community-room']);
export const StationStatusSchema = z.enum(['planned', 'building', 'operating', 'suspended', 'closed']);

const event = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  EnvelopeSchema.extend({ type: z.literal(type), data });

export const StationRegisteredV1 = event(
  'station.registered.v1',
  z.object({
    stationId: z.string().min(1),
    regionCode: z.string().regex(/^\d{6}(\d{3})?$/),
    name: z.string().min(1),
    stationType: StationTypeSchema,
    status: StationStatusSchema,
    /** The project start (项目实施) if a purchased project runs the station. */
    projectStartOn: IsoDateSchema.optional(),
  }),
);

/** A station moved along its lifecycle; `to: 'operating'` is the station opening. */
export const StationStatusChangedV1 = event(
  'station.status-changed.v1',
  z.object({
    stationId: z.string().min(1),
    from: StationStatusSchema,
    to: StationStatusSchema,
    on: IsoDateSchema,
  }),
);

/**
 * The full current state of a resident worker as the staffing rules read it (a snapshot, not a diff), so a
 * consumer can re-evaluate a station from its own read model. Never carries the resident ID number.
 */
export const WorkerUpsertedV1 = event('worker.upserted.v1', z.object({ worker: ResidentWorkerSchema }));

export const SupervisorUpsertedV1 = event(
  'supervisor.upserted.v1',
  z.object({ supervisor: SupervisorSchema }),
);

/** A change of resident workers filed with the purchaser [ZZ §4.4]. */
export const StaffChangeFiledV1 = event('staff-change.filed.v1', z.object({ change: StaffChangeSchema }));

export const ContractSignedV1 = event(
  'contract.signed.v1',
  z.object({
    contractId: z.string().min(1),
    countyCode: z.string().regex(/^\d{6}$/),
    operatorId: z.string().min(1),
    stationIds: z.array(z.string().min(1)),
    signedOn: IsoDateSchema,
    termStart: IsoDateSchema,
    termEnd: IsoDateSchema,
    amountFen: z.number().int().nonnegative(),
  }),
);

export const PaymentPaidV1 = event(
  'payment.paid.v1',
  z.object({
    paymentId: z.string().min(1),
    contractId: z.string().min(1),
    countyCode: z.string().regex(/^\d{6}$/),
    amountFen: z.number().int().positive(),
    paidOn: IsoDateSchema,
  }),
);

/** Where a periodic report stands and which unit × period it covers: what every report event carries. */
const ReportRef = z.object({
  reportId: z.string().min(1),
  /** The report definition (`@shegong/plans`) and its version: `county-quarterly-report`, `1`. */
  definitionId: z.string().min(1),
  definitionVersion: z.string().min(1),
  /** The reporting unit: a county (6 digits) or a city. */
  unitRegionCode: z.string().regex(/^\d{6}$/),
  periodKey: z.string().min(1),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
});

/** A unit submitted its report to the level above [ZZ §2, §5.6]; `on` is the day that counts for timeliness. */
export const ReportSubmittedV1 = event(
  'report.submitted.v1',
  ReportRef.extend({
    submittedOn: IsoDateSchema,
    dueOn: IsoDateSchema,
    timeliness: z.enum(['on-time', 'late']),
    daysLate: z.number().int().nonnegative(),
  }),
);

/** The level above approved a report: its unit × period is locked. */
export const ReportApprovedV1 = event('report.approved.v1', ReportRef.extend({ approvedOn: IsoDateSchema }));

/** The level above sent a report back to its unit, saying why; it is a draft again. */
export const ReportReturnedV1 = event(
  'report.returned.v1',
  ReportRef.extend({ returnedOn: IsoDateSchema, reason: z.string().min(1) }),
);

/** Every event the hub exchanges, discriminated on `type`. */
export const HubEventSchema = z.discriminatedUnion('type', [
  StationRegisteredV1,
  StationStatusChangedV1,
  WorkerUpsertedV1,
  SupervisorUpsertedV1,
  StaffChangeFiledV1,
  ContractSignedV1,
  PaymentPaidV1,
  ReportSubmittedV1,
  ReportApprovedV1,
  ReportReturnedV1,
]);
export type HubEvent = z.infer<typeof HubEventSchema>;
export type HubEventInput = z.input<typeof HubEventSchema>;
export type HubEventType = HubEvent['type'];
export type EventOf<T extends HubEventType> = Extract<HubEvent, { type: T }>;

/** The Kafka topic of each event type: one topic per aggregate, so per-key order holds across its types. */
export const TOPIC_OF: Record<HubEventType, string> = {
  'station.registered.v1': 'shegong.stations',
  'station.status-changed.v1': 'shegong.stations',
  'worker.upserted.v1': 'shegong.stations',
  'supervisor.upserted.v1': 'shegong.stations',
  'staff-change.filed.v1': 'shegong.stations',
  'contract.signed.v1': 'shegong.funding',
  'payment.paid.v1': 'shegong.funding',
  'report.submitted.v1': 'shegong.reports',
  'report.approved.v1': 'shegong.reports',
  'report.returned.v1': 'shegong.reports',
};

export const TOPICS = [...new Set(Object.values(TOPIC_OF))];
