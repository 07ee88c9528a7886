import { DomainError } from '@shegong/kernel';
import { contains, getRegion, normalizeRegionCode } from '@shegong/regions';
import type { Principal } from './principal.ts';

/**
 * The regions a principal may read: its own region, plus the provinces a cross-province grant adds. A
 * county sees its own county, a city its counties, a province its cities; nobody crosses a province
 * without a grant.
 */
export function readRoots(principal: Principal): string[] {
  return [principal.regionCode, ...principal.grants.crossProvince.filter((p) => p !== principal.regionCode)];
}

/**
 * The regions a principal may write in: only its own (a cross-province grant is for reading).
 */
export function writeRoots(principal: Principal): string[] {
  return [principal.regionCode];
}

/**
 * Whether `regionCode` (any level) lies inside the principal's jurisdiction. Unknown or malformed codes
 * are outside.
 * @example withinJurisdiction(zhengzhouCity, '410105001') // true: 经八路街道 is in 郑州市
 */
export function withinJurisdiction(
  principal: Principal,
  regionCode: string,
  mode: 'read' | 'write' = 'read',
): boolean {
  let code: string;
  try {
    code = normalizeRegionCode(regionCode).code;
    getRegion(code);
  } catch {
    return false;
  }
  const roots = mode === 'read' ? readRoots(principal) : writeRoots(principal);
  return roots.some((root) => contains(root, code));
}

/** What jurisdiction needs to know of a station. */
export interface StationPlace {
  id: string;
  regionCode: string;
  operatorId?: string | null | undefined;
}

/**
 * Whether the principal may see (or, with `write`, change) a station: inside its region, and for an
 * operator also run by that operator.
 */
export function canReachStation(
  principal: Principal,
  station: StationPlace,
  mode: 'read' | 'write' = 'read',
): boolean {
  if (!withinJurisdiction(principal, station.regionCode, mode)) return false;
  return principal.role !== 'operator' || station.operatorId === principal.operatorId;
}

/**
 * @throws DomainError `OUT_OF_JURISDICTION` naming the field that carried the region
 */
export function assertWithinJurisdiction(
  principal: Principal,
  regionCode: string,
  options: { mode?: 'read' | 'write'; path?: ReadonlyArray<string | number> } = {},
): void {
  if (!withinJurisdiction(principal, regionCode, options.mode ?? 'read')) {
    throw outOfJurisdiction(principal, `region ${regionCode}`, options.path ?? ['regionCode']);
  }
}

/**
 * @throws DomainError `OUT_OF_JURISDICTION` naming the field that carried the station
 */
export function assertCanReachStation(
  principal: Principal,
  station: StationPlace,
  options: { mode?: 'read' | 'write'; path?: ReadonlyArray<string | number> } = {},
): void {
  if (!canReachStation(principal, station, options.mode ?? 'read')) {
    throw outOfJurisdiction(principal, `station ${station.id}`, options.path ?? ['stationId']);
  }
}

/**
 * The error for anything outside the caller's jurisdiction. It says what was asked and where the caller
 * may act, never what the other region holds, and reads the same whether or not the thing exists, so it
 * leaks nothing.
 */
export function outOfJurisdiction(
  principal: Principal,
  what: string,
  path: ReadonlyArray<string | number>,
): DomainError {
  const roots = readRoots(principal);
  return new DomainError(
    'OUT_OF_JURISDICTION',
    `${what} is outside the jurisdiction of ${principal.role} ${roots.join(', ')}${principal.role === 'operator' ? ` (operator ${principal.operatorId})` : ''}`,
    { path, details: { role: principal.role, jurisdiction: roots } },
  );
}

/**
 * The region a list or summary reads when the caller names none: the principal's own region. With a
 * cross-province grant there is no single default: the caller must name a region.
 * @throws DomainError `REGION_REQUIRED` for a principal with several roots
 */
export function defaultRegion(principal: Principal): string {
  const roots = readRoots(principal);
  if (roots.length > 1) {
    throw new DomainError('REGION_REQUIRED', `name a regionCode: this principal reads ${roots.join(', ')}`, {
      path: ['regionCode'],
    });
  }
  return principal.regionCode;
}
