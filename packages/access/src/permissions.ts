import { DomainError } from '@shegong/kernel';
import type { Principal, Role } from './principal.ts';

/**
 * What a principal may do, by role: product policy, not a clause of the seeds (which say who reports to
 * whom, not who may edit what). Counties buy the service and cities supervise [ZZ §2, PY §2.2], so both
 * keep the registry and contracts; operators keep their own workers, service records and payment
 * requests; township stations record their services; city systems push what their city holds. Periodic
 * reports go up one level: an operator's station briefs go to the county, a county reports to the city, a
 * city to the province [ZZ §2, §5.4, §5.6, PY §2.2, §5.4], so operators, counties and cities write their
 * own reports (`reports.write`) and counties, cities and the province decide on the reports of the units
 * below them (`reports.approve`; "own" and "below" are checked by the gateway's policy).
 * Where a role may act is a separate question: see `jurisdiction.ts`.
 */
export const PERMISSIONS = {
  'stations.read': ['province', 'city', 'county', 'township', 'operator', 'city-system'],
  'stations.write': ['city', 'county', 'city-system'],
  'operators.read': ['province', 'city', 'county', 'township', 'operator', 'city-system'],
  'operators.write': ['city', 'county', 'city-system'],
  'workers.read': ['province', 'city', 'county', 'township', 'operator', 'city-system'],
  'workers.write': ['city', 'county', 'operator', 'city-system'],
  'service-records.write': ['city', 'county', 'township', 'operator', 'city-system'],
  'summaries.read': ['province', 'city', 'county', 'township', 'city-system'],
  'compliance.read': ['province', 'city', 'county', 'township', 'operator', 'city-system'],
  'compliance.reevaluate': ['province', 'city', 'county'],
  'funding.read': ['province', 'city', 'county', 'operator'],
  'contracts.write': ['city', 'county'],
  'payments.apply': ['county', 'operator'],
  'payments.decide': ['county'],
  'reports.write': ['city', 'county', 'operator'],
  'reports.approve': ['province', 'city', 'county'],
  // Evaluations: the county evaluates its stations twice a year, the city and the province spot-check in
  // their jurisdiction [ZZ §5.3, PY §5.3, WH §3.4]; the county, as purchaser, decides renewals [ZZ §2, §5.3].
  'evaluations.write': ['province', 'city', 'county'],
  'evaluations.read': ['province', 'city', 'county'],
  'renewals.decide': ['county'],
  'audit.read': ['province'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/**
 * Whether the principal's role may perform the action at all (jurisdiction is checked separately).
 * @example can({ role: 'operator', … }, 'payments.decide') // false
 */
export function can(principal: Pick<Principal, 'role'>, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(principal.role);
}

/** @throws DomainError `FORBIDDEN` naming the action and the role */
export function assertCan(principal: Pick<Principal, 'role'>, action: Action): void {
  if (!can(principal, action)) {
    throw new DomainError('FORBIDDEN', `a ${principal.role} principal may not ${action}`, {
      details: { action, role: principal.role },
    });
  }
}

/** Whether the principal may see resident ID and phone numbers unmasked. */
export function maySeePii(principal: Pick<Principal, 'grants'>): boolean {
  return principal.grants.pii;
}
