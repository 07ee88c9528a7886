/**
 * @shegong/access: who may see and do what. A principal (user or API client) is bound to one region and
 * one role; its jurisdiction is that region (plus provinces a cross-province grant adds, for reading);
 * permissions are data by role; resident ID and phone numbers need a PII grant.
 */
export {
  assertCanReachStation,
  assertWithinJurisdiction,
  canReachStation,
  defaultRegion,
  outOfJurisdiction,
  readRoots,
  type StationPlace,
  withinJurisdiction,
  writeRoots,
} from './jurisdiction.ts';
export { ACTIONS, type Action, assertCan, can, maySeePii, PERMISSIONS } from './permissions.ts';
export {
  type Grants,
  GrantsSchema,
  type Principal,
  type PrincipalInput,
  PrincipalSchema,
  principalOf,
  ROLE_LEVELS,
  type Role,
  RoleSchema,
} from './principal.ts';
