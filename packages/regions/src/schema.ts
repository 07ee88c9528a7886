import { z } from 'zod';

/** The four levels the hub works with. Villages/communities (村/社区) are below and are not indexed. */
export const RegionLevelSchema = z.enum(['province', 'city', 'county', 'township']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

/**
 * Kind of a township-level unit, read from its name: 乡 (incl. 民族乡), 镇, 街道, 苏木 (Inner Mongolia's
 * 乡-level unit), or `other` for township-level units that are not one of these (开发区, 农场, 林场 …).
 */
export const TownshipKindSchema = z.enum(['xiang', 'zhen', 'jiedao', 'sumu', 'other']);
export type TownshipKind = z.infer<typeof TownshipKindSchema>;

export const TOWNSHIP_KIND_LABELS: Record<TownshipKind, { zh: string; en: string }> = {
  xiang: { zh: '乡', en: 'township (xiang)' },
  zhen: { zh: '镇', en: 'town (zhen)' },
  jiedao: { zh: '街道', en: 'subdistrict (jiedao)' },
  sumu: { zh: '苏木', en: 'sumu' },
  other: { zh: '其他乡级单位', en: 'other township-level unit' },
};

/**
 * A canonical region code: 6 digits for province, city and county (GB/T 2260 style, `410000`, `410100`,
 * `410105`), 9 digits for a township (`410105001`). `normalizeRegionCode` accepts the other common spellings.
 */
export const RegionCodeSchema = z
  .string()
  .regex(/^(\d{6}|\d{9})$/, { message: 'a region code has 6 or 9 digits' });
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: z.string().min(1),
  level: RegionLevelSchema,
  parentCode: RegionCodeSchema.nullable(),
  /** Only for townships. */
  townshipKind: TownshipKindSchema.optional(),
  /**
   * A county-level functional zone the statistical division lists with a 71–79 code (经济技术开发区,
   * 高新区, 工业园区 …): it administers townships like a county but is not an official county.
   */
  functionalZone: z.boolean(),
});
export type Region = z.infer<typeof RegionSchema>;
