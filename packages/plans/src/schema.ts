import { CitationSchema, IsoDateSchema, LegalTermSchema } from '@shegong/kernel';
import { TownshipKindSchema } from '@shegong/regions';
import { z } from 'zod';

/** A division code of the issuing jurisdiction or of a target's region: 6 digits (or 9 for a township). */
const CodeSchema = z.string().regex(/^(\d{6}|\d{9})$/, { message: 'a region code has 6 or 9 digits' });
/** A functional zone id: `<city code>.<slug>`, never a division code (see @shegong/regions). */
export const ZoneIdSchema = z
  .string()
  .regex(/^\d{6}\.[a-z0-9-]+$/, { message: 'a zone id looks like "410100.zhengdong"' });
const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'an id is lower-case a-z, 0-9, . and -' });
const DocumentSchema = z.object({ ref: z.string().min(1), issued: IsoDateSchema.optional() });

/**
 * A functional zone the statistical division does not list (示范区、新区 …), defined by a plan file the way
 * `@shegong/regions` defines 郑东新区: the townships it administers, named under their statistical county.
 * `pending` says why the list is empty or incomplete (the seed names the zone but not its townships).
 */
export const PlanZoneSchema = z.object({
  id: ZoneIdSchema,
  name: z.string().min(1),
  cityCode: z.string().regex(/^\d{6}$/),
  townships: z.array(z.object({ county: z.string().min(1), names: z.array(z.string().min(1)).min(1) })),
  /** The statistical county-level unit the zone lies in, for placing it while its townships are unknown. */
  county: z.string().min(1),
  pending: z.string().min(1).optional(),
  source: z.string().min(1),
});
export type PlanZone = z.infer<typeof PlanZoneSchema>;

/**
 * Where a target applies:
 * - `{ region: '420100' }`: a division unit by code (province, city, county or township);
 * - `{ county: '濮阳县' }`: a county-level unit of the plan's own region, by its name in the division;
 *   `except` removes the townships of zones that the plan counts separately (PY's 示范区 inside 开发区);
 * - `{ zone: '410100.zhengdong' }`: a functional zone of `@shegong/regions` or of the plan file;
 * - `{ eachCountyOf: '410100' }`: one target per county-level unit of a city (expanded on load);
 *   `functionalZones: false` leaves out the division's 71–79 zones, `except` names units to leave out,
 *   `zones` adds functional zones that count as units of their own.
 */
export const TerritorySchema = z.union([
  z.strictObject({ region: CodeSchema }),
  z.strictObject({ county: z.string().min(1), except: z.array(ZoneIdSchema).optional() }),
  z.strictObject({ zone: ZoneIdSchema }),
  z.strictObject({
    eachCountyOf: z.string().regex(/^\d{6}$/),
    functionalZones: z.boolean().default(true),
    except: z.array(z.string().min(1)).default([]),
    zones: z.array(ZoneIdSchema).default([]),
  }),
]);
export type Territory = z.infer<typeof TerritorySchema>;

/**
 * What a target asks of a territory's townships (乡、镇、街道), counted as townships with an operating
 * township station (a township with two stations counts once [ZZ §1.3, PY §1.2: 一乡镇一站点]):
 * - `count`: at least / at most `value` covered townships (`term` read by Civil Code art. 1259);
 *   `townshipKind` restricts both sides to 乡, 镇 or 街道 (PY annex 1's split);
 * - `share`: covered / townships compared with `basisPoints` (6000 = 60%);
 * - `full`: every township covered.
 */
export const MeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('count'),
    term: LegalTermSchema,
    value: z.number().int().nonnegative(),
    townshipKind: TownshipKindSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('share'),
    term: LegalTermSchema,
    basisPoints: z.number().int().min(0).max(10_000),
  }),
  z.strictObject({ kind: z.literal('full') }),
]);
export type Measure = z.infer<typeof MeasureSchema>;

/** `must` for 应/要/至少 …; `strive` for 力争/争取, which the hub reports as a warning, not an error. */
export const BindingSchema = z.enum(['must', 'strive']);
export type Binding = z.infer<typeof BindingSchema>;

/** One target as a plan file states it. `by` is the last day that counts ("2023年底" → `2023-12-31`). */
export const TargetDefinitionSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1),
  territory: TerritorySchema,
  measure: MeasureSchema,
  by: IsoDateSchema,
  binding: BindingSchema.default('must'),
  citation: CitationSchema,
  /** The seed's words, verbatim, so a reader can check the numbers. */
  quote: z.string().min(1),
  note: z.string().min(1).optional(),
  /** Set when the hub cannot evaluate the target from station data (e.g. a village-level target). */
  notEvaluable: z.string().min(1).optional(),
});
export type TargetDefinition = z.infer<typeof TargetDefinitionSchema>;

/** A row of an allocation table (PY annex 1): one unit's stations, split by township kind and by year. */
export const AllocationRowSchema = z.strictObject({
  id: SlugSchema,
  /** The unit as printed (`范 县`, `开发区`). */
  unit: z.string().min(1),
  /** The row exactly as the seed prints it (cells tab-separated), so a test can re-read its numbers. */
  printed: z.string().min(1),
  territory: TerritorySchema,
  total: z.number().int().nonnegative(),
  byKind: z.partialRecord(TownshipKindSchema, z.number().int().nonnegative()),
  /** Stations to build in each year of `years`, in order; a blank cell is 0. */
  byYear: z.array(z.number().int().nonnegative()),
  note: z.string().min(1).optional(),
});
export type AllocationRow = z.infer<typeof AllocationRowSchema>;

/**
 * A station allocation table by unit and year. Each row yields targets: by the end of each year, at least
 * the stations allocated up to that year (cumulative); by the end of the last year, at least each kind's
 * count. `totals` is the printed 合计 row; `combine` checks rows that the division does not tell apart
 * (PY's 开发区 and 示范区 both lie in 410972) together on the unit that contains them.
 */
export const AllocationSchema = z.strictObject({
  title: z.string().min(1),
  citation: CitationSchema,
  years: z.array(z.number().int().min(2000).max(2100)).min(1),
  rows: z.array(AllocationRowSchema).min(1),
  totals: z.strictObject({
    printed: z.string().min(1),
    total: z.number().int().nonnegative(),
    byKind: z.partialRecord(TownshipKindSchema, z.number().int().nonnegative()),
    byYear: z.array(z.number().int().nonnegative()),
  }),
  combine: z
    .array(
      z.strictObject({
        id: SlugSchema,
        territory: TerritorySchema,
        rows: z.array(SlugSchema).min(2),
        note: z.string().min(1),
      }),
    )
    .default([]),
  /** The words that say how to read the table (e.g. §5's 2021 建成27所 …). */
  quote: z.string().min(1),
  note: z.string().min(1).optional(),
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** One rollout plan file (`data/plans/*.yaml`): an issuer's station targets with their citations. */
export const PlanSchema = z.strictObject({
  id: SlugSchema,
  /** Edition of this file; a revised document is a new version. */
  version: z.string().min(1),
  /** The issuing jurisdiction (province or city). */
  regionCode: z.string().regex(/^\d{6}$/),
  title: z.string().min(1),
  document: DocumentSchema,
  zones: z.array(PlanZoneSchema).default([]),
  allocation: AllocationSchema.optional(),
  targets: z.array(TargetDefinitionSchema).default([]),
});
export type Plan = z.infer<typeof PlanSchema>;

/** Talent and organization metrics the seeds set targets for [ZT §1, §11, HB item 5]. */
export const TalentMetricSchema = z.enum([
  'professionals',
  'posts',
  'organizations',
  'demonstration-organizations',
  'certified-workers',
]);
export type TalentMetric = z.infer<typeof TalentMetricSchema>;

/**
 * A talent target: `total` = the stock reaches `value` by `by`; `added` = `value` new ones between `from`
 * and `by` (HB: 年内新增持证社工5000人).
 */
export const TalentTargetSchema = z.strictObject({
  id: SlugSchema,
  metric: TalentMetricSchema,
  title: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/),
  basis: z.enum(['total', 'added']),
  term: LegalTermSchema,
  value: z.number().int().nonnegative(),
  from: IsoDateSchema.optional(),
  by: IsoDateSchema,
  binding: BindingSchema.default('must'),
  citation: CitationSchema,
  quote: z.string().min(1),
  note: z.string().min(1).optional(),
});
export type TalentTarget = z.infer<typeof TalentTargetSchema>;

export const TalentPlanSchema = z.strictObject({
  id: SlugSchema,
  version: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/),
  title: z.string().min(1),
  document: DocumentSchema,
  targets: z.array(TalentTargetSchema).min(1),
});
export type TalentPlan = z.infer<typeof TalentPlanSchema>;

/** Who submits or receives a periodic report. */
export const ReportingPartySchema = z.enum(['operator', 'county', 'city', 'province']);
export type ReportingParty = z.infer<typeof ReportingPartySchema>;

/**
 * When a report falls due. `day-of-next-month`: that day of the month after the period ends (clamped to
 * the month's last day); `days-after-end`: that many days after the period's last day [CIVIL art. 201].
 */
export const DueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('day-of-next-month'), day: z.number().int().min(1).max(31) }),
  z.strictObject({ kind: z.literal('days-after-end'), days: z.number().int().min(0).max(366) }),
]);
export type DueRule = z.infer<typeof DueRuleSchema>;

/**
 * The period a report covers: calendar `month`, `quarter`, `half-year`, or a project milestone
 * (`mid-term`: the project's first half; `final`: the whole project), which needs the unit's project dates.
 */
export const ReportPeriodTypeSchema = z.enum(['month', 'quarter', 'half-year', 'mid-term', 'final']);
export type ReportPeriodType = z.infer<typeof ReportPeriodTypeSchema>;

export const ReportDefinitionSchema = z.strictObject({
  id: SlugSchema,
  version: z.string().min(1),
  title: z.string().min(1),
  submitter: ReportingPartySchema,
  recipients: z.array(ReportingPartySchema).min(1),
  period: ReportPeriodTypeSchema,
  due: DueRuleSchema,
  /** Always true for the seeded profiles: the seeds give no due days (see README). */
  dueIsDefault: z.boolean(),
  citation: CitationSchema,
  quote: z.string().min(1),
  note: z.string().min(1).optional(),
});
export type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;

/** A jurisdiction's report profile (`data/reports/*.yaml`): the periodic reports owed there. */
export const ReportProfileSchema = z.strictObject({
  id: SlugSchema,
  version: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/),
  title: z.string().min(1),
  document: DocumentSchema,
  reports: z.array(ReportDefinitionSchema).min(1),
});
export type ReportProfile = z.infer<typeof ReportProfileSchema>;
