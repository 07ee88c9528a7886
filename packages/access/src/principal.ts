import { DomainError } from '@shegong/kernel';
import { getRegion, type RegionLevel } from '@shegong/regions';
import { z } from 'zod';

/**
 * The roles of people and systems that use the hub. Civil affairs staff at each level of the hierarchy
 * (province, city, county, township station), the social work organisations that run stations (承接主体),
 * and city systems that push data through the public API.
 */
export const RoleSchema = z.enum(['province', 'city', 'county', 'township', 'operator', 'city-system']);
export type Role = z.infer<typeof RoleSchema>;

/** The region level each role is bound to; an operator is bound to the city or county it works in. */
export const ROLE_LEVELS: Readonly<Record<Role, readonly RegionLevel[]>> = {
  province: ['province'],
  city: ['city'],
  county: ['county'],
  township: ['township'],
  operator: ['city', 'county'],
  'city-system': ['city'],
};

export const GrantsSchema = z.object({
  /** May read resident ID numbers and phone numbers unmasked (every such read is audited). */
  pii: z.boolean().default(false),
  /**
   * Provinces beyond the principal's own that it may read, e.g. the ministry's view of Henan, Hubei and
   * Hebei together. Nobody crosses a province without one.
   */
  crossProvince: z.array(z.string().regex(/^\d{2}0000$/, 'a province code such as 420000')).default([]),
});
export type Grants = z.infer<typeof GrantsSchema>;

/** Whoever makes a request: a signed-in user or an API client, bound to one region and one role. */
export const PrincipalSchema = z.object({
  kind: z.enum(['user', 'client']),
  id: z.string().min(1),
  role: RoleSchema,
  /** Canonical region code (6 digits, 9 for a township) the principal is bound to. */
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/),
  /** The operator (承接主体) an `operator` principal works for. */
  operatorId: z.string().min(1).optional(),
  grants: GrantsSchema.default({ pii: false, crossProvince: [] }),
});
export type Principal = z.infer<typeof PrincipalSchema>;
export type PrincipalInput = z.input<typeof PrincipalSchema>;

/**
 * Parses a principal and checks that its region exists and matches its role's level: a county user bound
 * to a county, an API client to a city, an operator to its operator id.
 * @example principalOf({ kind: 'user', id: 'u1', role: 'county', regionCode: '410105' })
 * @throws DomainError `PRINCIPAL_INVALID` naming the field
 */
export function principalOf(input: PrincipalInput): Principal {
  const parsed = PrincipalSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('PRINCIPAL_INVALID', issue?.message ?? 'invalid principal', {
      path: (issue?.path ?? []) as Array<string | number>,
    });
  }
  const principal = parsed.data;
  const region = getRegion(principal.regionCode);
  if (!ROLE_LEVELS[principal.role].includes(region.level)) {
    throw new DomainError(
      'PRINCIPAL_INVALID',
      `a ${principal.role} principal is bound to a ${ROLE_LEVELS[principal.role].join(' or ')}, but ${region.code} ${region.name} is a ${region.level}`,
      { path: ['regionCode'] },
    );
  }
  if (principal.role === 'operator' && principal.operatorId === undefined) {
    throw new DomainError('PRINCIPAL_INVALID', 'an operator principal names its operatorId', {
      path: ['operatorId'],
    });
  }
  for (const [i, province] of principal.grants.crossProvince.entries()) getRegionOrInvalid(province, i);
  return { ...principal, regionCode: region.code };
}

function getRegionOrInvalid(code: string, index: number): void {
  try {
    getRegion(code);
  } catch {
    throw new DomainError('PRINCIPAL_INVALID', `no province has the code "${code}"`, {
      path: ['grants', 'crossProvince', index],
    });
  }
}
