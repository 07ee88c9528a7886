import { EvaluatorLevelSchema, GradeSchema, IneligibilityPeriodSchema } from '@shegong/evaluation';
import { CitationSchema, EvaluationKindSchema, IsoDateSchema } from '@shegong/kernel';
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
  /**
   * The reporting unit: a city or county (6 digits), or the township (9 digits) of an operator's station
   * brief [ZZ §5.4]. Widening within v1 is safe: every unit code v1 carried before still decodes.
   */
  unitRegionCode: z.string().regex(/^\d{6}(\d{3})?$/),
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

/**
 * A report approved by the level above its unit was accepted (签收) further up the chain: the province
 * accepts a county's quarterly report the city approved [ZZ §2: 每季度向省、市民政部门报告], a city an
 * operator's brief its county approved [ZZ §5.4: 向市、县民政部门提交月度工作简报].
 */
export const ReportAcceptedV1 = event('report.accepted.v1', ReportRef.extend({ acceptedOn: IsoDateSchema }));

/**
 * An evaluation of a station was recorded in reporting [ZZ §5.3, PY §5.3, WH §3.4]: by which level, of
 * what kind, its grade (null while incomplete) and whether a veto item (一票否决) failed it. The full
 * breakdown stays in reporting (`reporting.evaluations.get`).
 */
export const EvaluationRecordedV1 = event(
  'evaluation.recorded.v1',
  z.object({
    evaluationId: z.string().min(1),
    stationId: z.string().min(1),
    /** The station's township (or county) code. */
    regionCode: z.string().regex(/^\d{6}(\d{3})?$/),
    operatorId: z.string().min(1).nullable(),
    contractId: z.string().min(1).nullable(),
    kind: EvaluationKindSchema,
    conductedBy: EvaluatorLevelSchema,
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    decidedOn: IsoDateSchema,
    schemeId: z.string().min(1),
    schemeVersion: z.string().min(1),
    outcome: z.enum(['graded', 'vetoed', 'incomplete']),
    grade: GradeSchema.nullable(),
    /** Points, exact to 0.01. */
    total: z.number().nonnegative(),
  }),
);

/**
 * Whether a contract year's agreement is renewed, on the evidence of its evaluations: ZZ/PY renew only
 * after a passed annual evaluation, else re-procure [ZZ §5.3, PY §5.3]; WH when every evaluation is
 * excellent [WH §3.4]. A failing evaluation carries the period without eligibility [ZZ §6.4], which
 * funding stores and enforces on every new award.
 */
export const RenewalDecidedV1 = event(
  'renewal.decided.v1',
  z.object({
    renewalId: z.string().min(1),
    contractId: z.string().min(1),
    operatorId: z.string().min(1),
    countyCode: z.string().regex(/^\d{6}$/),
    year: z.number().int().positive(),
    decision: z.enum(['renew', 're-procure', 'undetermined']),
    discretionary: z.boolean(),
    citation: CitationSchema,
    decidedOn: IsoDateSchema,
    /** The evaluations the decision rests on, by id. */
    evidence: z.array(z.string().min(1)),
    consequences: z.array(
      z.object({
        kind: z.enum(['re-procurement', 'exit', 'temporary-takeover', 'rectification', 'ineligibility']),
        citation: CitationSchema,
      }),
    ),
    ineligibility: IneligibilityPeriodSchema.nullable(),
  }),
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
  ReportAcceptedV1,
  EvaluationRecordedV1,
  RenewalDecidedV1,
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
  'report.accepted.v1': 'shegong.reports',
  'evaluation.recorded.v1': 'shegong.evaluations',
  'renewal.decided.v1': 'shegong.evaluations',
};

export const TOPICS = [...new Set(Object.values(TOPIC_OF))];
