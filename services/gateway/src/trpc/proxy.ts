import { can, maySeePii } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import { TRPCClientError } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { z } from 'zod';
import { type AuditOutcome, record } from '../audit.ts';
import type { ServiceName } from '../clients.ts';
import { Lookups } from '../policies/lookups.ts';
import type { Policies, Policy } from '../policies/policy.ts';
import { fromServiceError, toTRPCError } from './errors.ts';
import { authedProcedure, type GatewayContext } from './init.ts';

type AuthedContext = GatewayContext & { principal: NonNullable<GatewayContext['principal']> };

/**
 * One gateway procedure per service procedure, from the service's policy table: check the role's
 * permission, the PII grant, the input against the caller's jurisdiction, forward the call to the
 * service, finish its answer, and audit every write and PII read (allowed or not). The result is a plain
 * record of procedures keyed like the service's router, for the gateway's `router()`.
 */
export function proxyRouter<R extends AnyTRPCRouter>(service: ServiceName, policies: Policies<R>) {
  const root: Record<string, unknown> = {};
  for (const [path, policy] of Object.entries(policies) as Array<
    [string, Policy<'query' | 'mutation', unknown>]
  >) {
    const segments = path.split('.');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    const handler = ({ ctx, input }: { ctx: AuthedContext; input: unknown }) =>
      forward(ctx, service, path, policy, input);
    const base = authedProcedure.input(z.unknown());
    node[segments.at(-1) as string] = policy.kind === 'query' ? base.query(handler) : base.mutation(handler);
  }
  return root;
}

async function forward(
  ctx: AuthedContext,
  service: ServiceName,
  path: string,
  policy: Policy<'query' | 'mutation', unknown>,
  input: unknown,
): Promise<unknown> {
  const { principal } = ctx;
  const action = `${service}.${path}`;
  const audited = policy.kind === 'mutation' || policy.pii === true;
  const audit = (outcome: AuditOutcome, errorCode?: string) =>
    audited
      ? record(ctx.deps.db, {
          principal,
          action,
          category: policy.pii ? 'pii-read' : 'write',
          outcome,
          target: targetOf(input),
          from: ctx.from,
          errorCode,
        })
      : Promise.resolve();

  if (!can(principal, policy.action)) {
    await audit('denied', 'FORBIDDEN');
    throw toTRPCError(
      new DomainError('FORBIDDEN', `a ${principal.role} may not ${policy.action} (${action})`, {
        details: { action: policy.action },
      }),
    );
  }
  if (policy.pii && !maySeePii(principal)) {
    await audit('denied', 'FORBIDDEN');
    throw toTRPCError(
      new DomainError('FORBIDDEN', `${action} shows resident ID and phone numbers: it needs a PII grant`),
    );
  }
  let forwarded: Awaited<ReturnType<typeof policy.authorize>>;
  try {
    forwarded = await policy.authorize({ principal, lookups: new Lookups(ctx.deps.services) }, input);
  } catch (error) {
    const mapped =
      error instanceof TRPCClientError
        ? fromServiceError(service, error)
        : fromServiceError('gateway', error);
    await audit('denied', codeOf(mapped.cause) ?? mapped.code);
    throw mapped;
  }
  let output: unknown;
  try {
    const client = ctx.deps.services.raw[service];
    output =
      policy.kind === 'query'
        ? await client.query(path, forwarded.input)
        : await client.mutation(path, forwarded.input);
  } catch (error) {
    const mapped = fromServiceError(service, error);
    await audit('failed', codeOf(mapped.cause) ?? mapped.code);
    throw mapped;
  }
  if (forwarded.finish) output = await forwarded.finish(output);
  await audit('ok');
  return output;
}

function codeOf(cause: unknown): string | undefined {
  if (cause instanceof DomainError) return cause.code;
  const domain = (cause as { domain?: { code?: string } | null } | undefined)?.domain;
  return domain?.code;
}

/** What a write touched, for the audit log: ids and counts, never the data itself. */
export function targetOf(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return {};
  const o = input as Record<string, unknown>;
  const target: Record<string, unknown> = {};
  for (const key of [
    'id',
    'stationId',
    'workerId',
    'contractId',
    'countyCode',
    'regionCode',
    'idempotencyKey',
  ])
    if (typeof o[key] === 'string') target[key] = o[key];
  for (const key of ['items', 'records']) {
    const list = o[key];
    if (!Array.isArray(list)) continue;
    target[`${key}Count`] = list.length;
    target[`${key}Ids`] = list
      .slice(0, 50)
      .map((item) => (item as { id?: unknown } | null)?.id)
      .filter((id) => typeof id === 'string');
  }
  return target;
}
