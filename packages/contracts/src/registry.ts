import { OperatorSchema } from '@shegong/budget';
import { StationStatusSchema, StationTypeSchema } from '@shegong/events';
import {
  checkResidentId,
  MobilePhoneSchema,
  ResidentIdNumberSchema,
  UnifiedSocialCreditCodeSchema,
} from '@shegong/identifiers';
import { FindingSchema, IsoDateSchema } from '@shegong/kernel';
import { normalizeRegionCode } from '@shegong/regions';
import {
  ResidentWorkerSchema,
  StaffChangeSchema,
  SupervisorSchema,
  TrainingRecordSchema,
} from '@shegong/staffing';
import { z } from 'zod';
import { InstitutionIdSchema } from './institutions.ts';
import { placeOf } from './signage.ts';

/**
 * The registry's input schemas: the single source of validation for the router (`.input(…)`) and for the
 * domain functions, which parse again so a direct caller (the demo loader, a test) gets the same checks.
 * Everything that can be checked without the database is checked here, so an issue names its field
 * (`items[2].regionCode` in a batch).
 */

const EntityIdSchema = z.string().trim().min(1).max(128);

/** Any common spelling of a region code (`410105001000` → `410105001`); checked against the division below. */
const RegionCodeInputSchema = z.string().overwrite((code) => {
  try {
    return normalizeRegionCode(code).code;
  } catch {
    return code; // left as given: the station check reports why it is not a code
  }
});

// ── operators ───────────────────────────────────────────────────────────────────────────────────────

/**
 * An operator (承接主体): the budget package's operator (id, name, origin, rating) plus its registration.
 * `businessScopeIncludesSocialWork: false` is accepted and reported as a finding [ZZ §4.1, PY §4.1].
 */
export const OperatorInputSchema = OperatorSchema.extend({
  id: EntityIdSchema,
  /** 统一社会信用代码 [GB 32100-2015], checked by its check character. */
  unifiedSocialCreditCode: UnifiedSocialCreditCodeSchema,
  /** 登记管理机关, e.g. 郑州市金水区民政局. */
  registrationAuthority: z.string().trim().min(1).optional(),
  registeredOn: IsoDateSchema.optional(),
  /** Whether the registered business scope (业务范围) includes social work. */
  businessScopeIncludesSocialWork: z.boolean(),
});
export type OperatorInput = z.input<typeof OperatorInputSchema>;
export type OperatorData = z.infer<typeof OperatorInputSchema>;

// ── stations ────────────────────────────────────────────────────────────────────────────────────────

/** Rooms a station may have: office, casework/counselling, group activity, multi-function, archive [ZZ §4.2, WH §2.4]. */
export const RoomKindSchema = z.enum(['office', 'casework', 'group-activity', 'multi-function', 'archive']);

export const FacilitiesSchema = z.object({
  officeM2: z.number().nonnegative().optional(),
  activityM2: z.number().nonnegative().optional(),
  rooms: z.array(RoomKindSchema).default([]),
  /** Desks, computer, printer, archive cabinet … [ZZ §4.2, PY §4.3]. */
  equipment: z.array(z.string().trim().min(1)).default([]),
});
export type Facilities = z.infer<typeof FacilitiesSchema>;

/**
 * A station as a city system registers it. Upserting replaces the registered data; `status`, `facilities`
 * and `institutions` are kept when omitted (a new station starts `planned` with none), and a changed
 * `status` must be an allowed transition, dated `statusChangedOn` (default today).
 */
export const StationInputSchema = z
  .object({
    id: EntityIdSchema,
    name: z.string().trim().min(1),
    /** County (6 digits) for a county centre; township (9 digits) for a township station or community room. */
    regionCode: RegionCodeInputSchema,
    type: StationTypeSchema,
    status: StationStatusSchema.optional(),
    statusChangedOn: IsoDateSchema.optional(),
    /** The day the purchased project started (项目实施). */
    projectStartOn: IsoDateSchema.optional(),
    operatorId: EntityIdSchema.optional(),
    /** The village or community (村/社区) a community room serves; its sign carries this name [ZZ §4.5]. */
    communityName: z.string().trim().min(1).optional(),
    facilities: FacilitiesSchema.optional(),
    /** The institutions in place, from the ZZ §4.3 checklist. */
    institutions: z.array(InstitutionIdSchema).optional(),
  })
  .superRefine((station, ctx) => {
    const place = placeOf(station.type, station.regionCode);
    if (!place.ok) ctx.addIssue({ code: 'custom', path: ['regionCode'], message: place.message });
    if (station.type === 'community-room' && station.communityName === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['communityName'],
        message: 'a community room is signed with its village or community name (××村（社区）社会工作服务室)',
      });
    }
  });
export type StationInput = z.input<typeof StationInputSchema>;
export type StationData = z.infer<typeof StationInputSchema>;

export const ChangeStationStatusSchema = z.object({
  stationId: EntityIdSchema,
  to: StationStatusSchema,
  /** The day the new status takes effect; `to: 'operating'` is the station opening. */
  on: IsoDateSchema,
});
export type ChangeStationStatusInput = z.input<typeof ChangeStationStatusSchema>;

export const ListStationsSchema = z
  .object({
    /** Only stations inside this region (any level, any common spelling: `41`, `4101`, `410105`, `410105001`). */
    regionCode: RegionCodeInputSchema.optional(),
    status: StationStatusSchema.optional(),
    cursor: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .superRefine((query, ctx) => {
    if (query.regionCode === undefined) return;
    try {
      normalizeRegionCode(query.regionCode);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: (error as Error).message });
    }
  });
export type ListStationsInput = z.input<typeof ListStationsSchema>;

export const PageQuerySchema = z.object({
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

// ── workers ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * A resident worker: every field of the staffing package's `ResidentWorker`, plus the resident ID number
 * (required: it is how the registry knows one person from another) and a mobile phone. `birthDate` may be
 * left out and is then read from the ID number; when given, it must agree with it.
 */
export const WorkerInputSchema = ResidentWorkerSchema.extend({
  id: EntityIdSchema,
  stationId: EntityIdSchema,
  birthDate: IsoDateSchema.optional(),
  /** 居民身份证号码 [GB 11643-1999]; stored encrypted, returned masked. */
  idNumber: ResidentIdNumberSchema,
  /** Mobile number; stored encrypted, returned masked. */
  phone: MobilePhoneSchema.optional(),
}).superRefine((worker, ctx) => {
  const id = checkResidentId(worker.idNumber);
  if (id.ok && worker.birthDate !== undefined && worker.birthDate !== id.parts.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      // The ID number is not echoed; its birth date is what the caller needs to see.
      message: `birthDate ${worker.birthDate} does not match the birth date in idNumber (${id.parts.birthDate})`,
      params: { fields: ['birthDate', 'idNumber'] },
    });
  }
});
export type WorkerInput = z.input<typeof WorkerInputSchema>;
export type WorkerData = z.infer<typeof WorkerInputSchema>;

export const AddTrainingSchema = z.object({ workerId: EntityIdSchema, training: TrainingRecordSchema });
export type AddTrainingInput = z.input<typeof AddTrainingSchema>;

export const SupervisorInputSchema = SupervisorSchema.extend({
  id: EntityIdSchema,
  stationId: EntityIdSchema,
});
export type SupervisorInput = z.input<typeof SupervisorInputSchema>;

/**
 * A change of resident workers filed with the purchaser [ZZ §4.4]. `filedOn` after `effectiveOn` (not in
 * advance) is recorded as it is: the staffing rules downstream flag it.
 */
export const StaffChangeInputSchema = StaffChangeSchema.extend({
  stationId: EntityIdSchema,
  workerId: EntityIdSchema,
});
export type StaffChangeInput = z.input<typeof StaffChangeInputSchema>;

/** A batch of up to 1,000 rows; written all or nothing. */
export function batchOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item).min(1).max(1_000) });
}

export const ByIdSchema = z.object({ id: EntityIdSchema });
/** Up to 10,000 station ids (a batch of service records names at most that many). */
export const StationIdsSchema = z.object({ ids: z.array(EntityIdSchema).max(10_000) });
export const ByStationSchema = z.object({ stationId: EntityIdSchema });

// ── what the registry returns ───────────────────────────────────────────────────────────────────────

/** A station as the registry returns it. */
export const StationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    regionCode: z.string(),
    type: StationTypeSchema,
    status: StationStatusSchema,
    /** The day the current status took effect. */
    statusSince: IsoDateSchema,
    projectStartOn: IsoDateSchema.optional(),
    operatorId: z.string().optional(),
    communityName: z.string().optional(),
    /** The text of the sign, after the China social work logo [ZZ §4.5]. */
    signageName: z.string(),
    facilities: FacilitiesSchema,
    institutions: z.array(InstitutionIdSchema),
  })
  .meta({ id: 'Station' });
export type Station = z.infer<typeof StationSchema>;

/** An operator as the registry returns it, with what the registry noticed about it [ZZ §4.1]. */
export const OperatorRecordSchema = OperatorInputSchema.extend({ findings: z.array(FindingSchema) }).meta({
  id: 'Operator',
});
export type OperatorRecord = z.infer<typeof OperatorRecordSchema>;

/** A resident worker as every read returns it: ID number and phone masked (`410105********1233`). */
export const MaskedWorkerSchema = ResidentWorkerSchema.extend({
  idNumberMasked: z.string(),
  phoneMasked: z.string().optional(),
}).meta({ id: 'Worker' });
export type MaskedWorker = z.infer<typeof MaskedWorkerSchema>;

/** One page of a list in id order, and the cursor of the next (`null` on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
