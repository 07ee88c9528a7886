import {
  type Action,
  assertWithinJurisdiction,
  canReachStation,
  defaultRegion,
  type Principal,
  type StationPlace,
  withinJurisdiction,
} from '@shegong/access';
import { DomainError, formatPath } from '@shegong/kernel';
import { normalizeRegionCode } from '@shegong/regions';
import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import type { KindAt, OutputAt, ProcedurePath } from '../trpc/procedure-paths.ts';
import type { ContractPlace, Lookups } from './lookups.ts';

/** What a policy gets: who is calling and the request's lookups. */
export interface PolicyContext {
  principal: Principal;
  lookups: Lookups;
}

/**
 * How the gateway guards one service procedure: the action it needs (`@shegong/access` permissions),
 * a check of the input against the caller's jurisdiction that returns what to forward (possibly narrowed,
 * e.g. a list pinned to the caller's region), and optionally a filter on the output.
 */
export interface Policy<K, O> {
  kind: K;
  action: Action;
  /**
   * Checks the input against the caller's jurisdiction and says what to forward, and how to finish the
   * service's answer (filter a list, merge rows refused here). Throws `OUT_OF_JURISDICTION`,
   * `…_NOT_FOUND` or `INPUT_INVALID`.
   */
  authorize(ctx: PolicyContext, input: unknown): Promise<Forward<O>> | Forward<O>;
  /** A PII read: allowed only under a PII grant, and audited. */
  pii?: true;
}

/** What to send to the service, and what to do with its answer. */
export interface Forward<O> {
  input: unknown;
  finish?(output: O): O | Promise<O>;
}

/** Forward the input as it came (`Forward<never>` fits every procedure's answer: there is no finish). */
export function unchanged(input: unknown): Forward<never> {
  return { input };
}

/** A policy check with nothing to check but the role's permission: the input goes on as it came. */
export function pass(_ctx: PolicyContext, input: unknown): Forward<never> {
  return { input };
}

/** One policy per procedure of the service, of the procedure's kind: the compiler checks the table is whole. */
export type Policies<R extends AnyTRPCRouter> = {
  [P in ProcedurePath<R>]: Policy<KindAt<R, P>, OutputAt<R, P>>;
};

export function query<O>(
  action: Action,
  authorize: Policy<'query', O>['authorize'],
  options: { pii?: true } = {},
): Policy<'query', O> {
  return { kind: 'query', action, authorize, ...options };
}

export function mutation<O>(
  action: Action,
  authorize: Policy<'mutation', O>['authorize'],
): Policy<'mutation', O> {
  return { kind: 'mutation', action, authorize };
}

/**
 * Reads the fields a check needs from a not-yet-validated input. When they are missing or of the wrong
 * type the request is refused here, naming the field: a check never passes for lack of data.
 * @throws DomainError `INPUT_INVALID` (400)
 */
export function fields<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []) as Array<string | number>;
  throw new DomainError('INPUT_INVALID', `${formatPath(path) || 'input'}: ${issue?.message}`, { path });
}

/** A region code as the services will read it (`4101` → `410100`); malformed ones are refused here. */
export function canonicalRegion(code: string, path: ReadonlyArray<string | number>): string {
  try {
    return normalizeRegionCode(code).code;
  } catch (error) {
    throw new DomainError('INPUT_INVALID', (error as Error).message, { path });
  }
}

/** The region must be inside the caller's jurisdiction (for writes: its own, no cross-province grant). */
export function requireRegion(
  ctx: PolicyContext,
  code: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): string {
  const canonical = canonicalRegion(code, path);
  assertWithinJurisdiction(ctx.principal, canonical, { mode, path });
  return canonical;
}

/** The region a list reads: the one named (checked), else the caller's own. */
export function listRegion(ctx: PolicyContext, code: string | undefined, path = ['regionCode']): string {
  return code === undefined ? defaultRegion(ctx.principal) : requireRegion(ctx, code, path);
}

/**
 * A station the caller may reach. A station that does not exist and one outside the jurisdiction give the
 * same 404, so a caller cannot probe another region for station ids.
 */
export async function requireStation(
  ctx: PolicyContext,
  stationId: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): Promise<StationPlace> {
  const station = await ctx.lookups.station(stationId);
  if (!station || !canReachStation(ctx.principal, station, mode))
    throw notInJurisdiction(ctx, 'STATION', stationId, path);
  return station;
}

/** A contract the caller may reach: its county inside the jurisdiction, and for an operator its own. */
export async function requireContract(
  ctx: PolicyContext,
  contractId: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): Promise<ContractPlace> {
  const contract = await ctx.lookups.contract(contractId);
  if (!contract || !reachesContract(ctx.principal, contract, mode))
    throw notInJurisdiction(ctx, 'CONTRACT', contractId, path);
  return contract;
}

export function reachesContract(
  principal: Principal,
  contract: Pick<ContractPlace, 'countyCode' | 'operatorId'>,
  mode: 'read' | 'write' = 'read',
): boolean {
  if (!withinJurisdiction(principal, contract.countyCode, mode)) return false;
  return principal.role !== 'operator' || contract.operatorId === principal.operatorId;
}

/** `STATION_NOT_FOUND`, `WORKER_NOT_FOUND` …: the same answer for "missing" and "not yours". */
export function notInJurisdiction(
  ctx: PolicyContext,
  what: 'STATION' | 'WORKER' | 'CONTRACT' | 'PAYMENT' | 'BUDGET',
  id: string,
  path: ReadonlyArray<string | number>,
): DomainError {
  return new DomainError(
    `${what}_NOT_FOUND`,
    `no ${what.toLowerCase()} "${id}" in the jurisdiction of ${ctx.principal.role} ${ctx.principal.regionCode}`,
    { path },
  );
}

/** A worker the caller may reach: the worker's station decides. */
export async function requireWorker(
  ctx: PolicyContext,
  id: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): Promise<void> {
  const station = await ctx.lookups.workerStation(id);
  if (!station || !canReachStation(ctx.principal, station, mode))
    throw notInJurisdiction(ctx, 'WORKER', id, path);
}

/** A payment request the caller may reach: its contract decides. */
export async function requirePayment(
  ctx: PolicyContext,
  id: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): Promise<void> {
  const contract = await ctx.lookups.paymentContract(id);
  if (!contract || !reachesContract(ctx.principal, contract, mode))
    throw notInJurisdiction(ctx, 'PAYMENT', id, path);
}

/** A budget is its county's; an operator reaches the budgets of its own contracts only. */
export async function requireBudget(
  ctx: PolicyContext,
  id: string,
  path: ReadonlyArray<string | number>,
  mode: 'read' | 'write' = 'read',
): Promise<void> {
  const budget = await ctx.lookups.budget(id);
  const contract = budget?.contractId ? await ctx.lookups.contract(budget.contractId) : undefined;
  const reachable =
    budget !== undefined &&
    (ctx.principal.role === 'operator'
      ? contract !== undefined && reachesContract(ctx.principal, contract, mode)
      : reachesContract(ctx.principal, { countyCode: budget.countyCode, operatorId: '' }, mode));
  if (!reachable) throw notInJurisdiction(ctx, 'BUDGET', id, path);
}

const REQUIRE = {
  region: async (
    ctx: PolicyContext,
    code: string,
    path: ReadonlyArray<string | number>,
    mode: 'read' | 'write',
  ) => {
    requireRegion(ctx, code, path, mode);
  },
  station: requireStation,
  worker: requireWorker,
  contract: requireContract,
  payment: requirePayment,
  budget: requireBudget,
} as const;

/**
 * The usual check: one field of the input names a region, station, worker, contract, payment or budget
 * that must be inside the caller's jurisdiction; the input goes on unchanged.
 * @example 'stations.get': query('stations.read', by('station', 'id'))
 */
export function by(
  place: keyof typeof REQUIRE,
  field: string,
  mode: 'read' | 'write' = 'read',
): (ctx: PolicyContext, input: unknown) => Promise<Forward<never>> {
  const schema = z.object({ [field]: z.string() });
  return async (ctx, input) => {
    await REQUIRE[place](ctx, fields(schema, input)[field] as string, [field], mode);
    return { input };
  };
}
