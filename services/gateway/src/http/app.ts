import { DomainError } from '@shegong/kernel';
import { TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express } from 'express';
import { SERVICES } from '../clients.ts';
import { appRouter } from '../trpc/app-router.ts';
import { toTRPCError } from '../trpc/errors.ts';
import type { GatewayContext, GatewayDeps } from '../trpc/init.ts';
import { originOf, principalOf } from './authenticate.ts';
import { rateLimitPerCaller } from './limits.ts';

export interface GatewayAppOptions {
  deps: GatewayDeps;
  /** The services' base URLs, for `/health`. */
  serviceUrls: Record<(typeof SERVICES)[number], string>;
  /** Requests per minute per caller on /trpc and /api (default 600). */
  rateLimitPerMinute?: number;
  /** Mounted under /api/v1 and documented at /openapi.json: the REST surface for city systems. */
  rest?: express.Router;
  /** Extra routes: the OpenAPI document and its docs page. */
  docs?: express.Router;
}

/**
 * The gateway's express app: tRPC at `/trpc` (batching on) for the front ends, the REST API at `/api/v1`
 * for city systems, `/openapi.json` and `/docs`, `/health`. Both public surfaces sit behind the same rate
 * limit and body-size limits.
 */
export function createGatewayApp(options: GatewayAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.get('/health', async (_req, res) => {
    const services = Object.fromEntries(
      await Promise.all(
        SERVICES.map(async (name) => {
          try {
            const answer = await fetch(`${options.serviceUrls[name]}/health`, {
              signal: AbortSignal.timeout(2_000),
            });
            return [name, answer.ok ? 'ok' : `status ${answer.status}`] as const;
          } catch (error) {
            return [name, `unreachable: ${(error as Error).message}`] as const;
          }
        }),
      ),
    );
    const ok = Object.values(services).every((s) => s === 'ok');
    res.status(ok ? 200 : 503).json({ service: 'gateway', ok, services });
  });
  if (options.docs) app.use(options.docs);

  const limit = rateLimitPerCaller(options.rateLimitPerMinute ?? 600);
  app.use(
    '/trpc',
    limit,
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: 10 * 1024 * 1024,
      // Clients may send large queries as POST (`methodOverride: 'POST'` on their link).
      allowMethodOverride: true,
      createContext: async ({ req }): Promise<GatewayContext> => {
        try {
          return { deps: options.deps, principal: await principalOf(req, options.deps), from: originOf(req) };
        } catch (error) {
          if (error instanceof DomainError) throw toTRPCError(error);
          throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
        }
      },
    }),
  );
  if (options.rest) app.use('/api/v1', limit, options.rest);
  return app;
}
