import { RegionError } from './errors.ts';
import type { RegionLevel } from './schema.ts';

/**
 * Turns any common spelling of a division code into the canonical one and tells its level:
 * `41`/`410000`/`410000000000` → province `410000`; `4101`/`410100` → city `410100`; `410105` → county;
 * `410105001`/`410105001000` → township `410105001`. Does not check that the code exists.
 *
 * @throws RegionError `REGION_CODE_INVALID` for anything that is not 2, 4, 6, 9 or 12 digits,
 *   `REGION_LEVEL_UNSUPPORTED` for a 12-digit village/community code.
 */
export function normalizeRegionCode(input: string): { code: string; level: RegionLevel } {
  const raw = input.trim();
  if (!/^\d+$/.test(raw)) {
    throw new RegionError('REGION_CODE_INVALID', input, `"${input}" is not a region code: use digits only`);
  }
  switch (raw.length) {
    case 2:
      return checked(input, `${raw}0000`, 'province');
    case 4:
      return checked(input, `${raw}00`, 'city');
    case 6:
      return checked(input, raw, raw.endsWith('0000') ? 'province' : raw.endsWith('00') ? 'city' : 'county');
    case 9:
      return checked(input, raw, 'township');
    case 12:
      if (raw.endsWith('000000')) return normalizeRegionCode(raw.slice(0, 6));
      if (raw.endsWith('000')) return checked(input, raw.slice(0, 9), 'township');
      throw new RegionError(
        'REGION_LEVEL_UNSUPPORTED',
        input,
        `"${input}" is a village/community (村/社区) code; the hub indexes regions down to townships`,
      );
    default:
      throw new RegionError(
        'REGION_CODE_INVALID',
        input,
        `"${input}" has ${raw.length} digits; a region code has 2, 4, 6, 9 or 12`,
      );
  }
}

function checked(input: string, code: string, level: RegionLevel): { code: string; level: RegionLevel } {
  if (code.startsWith('00') || (level !== 'province' && code.slice(2, 4) === '00')) {
    throw new RegionError('REGION_CODE_INVALID', input, `"${input}" is not a valid division code`);
  }
  return { code, level };
}

/** The first digits that every code inside a region shares (`41` for Henan, `4101` for Zhengzhou). */
export function codePrefix(code: string, level: RegionLevel): string {
  return code.slice(0, { province: 2, city: 4, county: 6, township: 9 }[level]);
}
