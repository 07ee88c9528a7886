import type { Principal } from '@shegong/access';
import { DomainError } from '@shegong/kernel';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { ServiceClients } from '../clients.ts';
import type { GatewayDatabase } from '../db/schema.ts';
import type { TokenIssuer } from '../identity/tokens.ts';
import { errorDetails, toTRPCError } from './errors.ts';

/** What the gateway is made of: its own database, token issuer and the services behind it. */
export interface GatewayDeps {
  db: Kysely<GatewayDatabase>;
  tokens: TokenIssuer;
  services: ServiceClients;
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface GatewayContext {
  deps: GatewayDeps;
  /** Null until the caller signs in (only `auth.signIn` runs without one). */
  principal: Principal | null;
  from: RequestOrigin;
}

const t = initTRPC.context<GatewayContext>().create({
  errorFormatter: ({ shape, error }) => ({ ...shape, data: { ...shape.data, ...errorDetails(error) } }),
});

export const router = t.router;

/** Any caller; a `DomainError` becomes the matching 4xx. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/** A signed-in user or an API client. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'sign in first: send Authorization: Bearer <token> or X-Api-Key: <key>',
      cause: new DomainError('UNAUTHENTICATED', 'no credentials', { path: ['authorization'] }),
    });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});
