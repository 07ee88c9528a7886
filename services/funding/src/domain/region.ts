import { budgetProfileFor } from '@shegong/budget';
import { DomainError } from '@shegong/kernel';
import { getRegion, normalizeRegionCode, parentChain, type Region } from '@shegong/regions';
import { sql } from 'kysely';
import { z } from 'zod';

/**
 * A purchaser's region: a county-level unit (县/区, county-level city, or a functional zone the division
 * lists as one) [ZZ §2, PY §2.2] that a budget profile governs. Accepts the common spellings
 * (`410105`, `410105000000`) and yields the canonical 6-digit code.
 */
export const CountyCodeSchema = z.string().transform((raw, ctx) => {
  const region = regionOrIssue(raw, ctx);
  if (!region) return z.NEVER;
  if (region.level !== 'county') {
    ctx.addIssue({
      code: 'custom',
      message: `"${raw}" (${region.name}) is a ${region.level}; the purchaser is a county-level civil affairs bureau [ZZ §2]`,
    });
    return z.NEVER;
  }
  try {
    budgetProfileFor(region.code);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `${region.name} (${region.code}): ${(error as Error).message}` });
    return z.NEVER;
  }
  return region.code;
});

/**
 * A region to read by: a province, city or county (6 digits, or the 2/4-digit spellings). Funding is
 * contracted by counties, so a township is refused: its county's code says the same thing.
 */
export const ReadRegionCodeSchema = z.string().transform((raw, ctx) => {
  const region = regionOrIssue(raw, ctx);
  if (!region) return z.NEVER;
  if (region.level === 'township') {
    ctx.addIssue({
      code: 'custom',
      message: `"${raw}" (${region.name}) is a township; funding is contracted by counties — use ${region.parentCode ?? 'its county'}`,
    });
    return z.NEVER;
  }
  return region.code;
});

function regionOrIssue(raw: string, ctx: z.RefinementCtx): Region | undefined {
  try {
    return getRegion(normalizeRegionCode(raw).code);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof DomainError ? error.message : `"${raw}" is not a region code`,
    });
    return undefined;
  }
}

/** The county and every region above it, for containment queries (`region_codes @> {code}`). */
export function regionCodesOf(countyCode: string): string[] {
  return parentChain(countyCode).map((r) => r.code);
}

/**
 * "Inside `regionCode`" as a filter: a row's `region_codes` holds its county and the county's ancestors, so
 * containment is array containment, which the GIN index answers.
 */
export function containedIn(regionCode: string, table?: string) {
  const column = sql.ref(table === undefined ? 'region_codes' : `${table}.region_codes`);
  return sql<boolean>`${column} @> array[${regionCode}]::text[]`;
}
