import type { Server } from 'node:http';
import type { AnyTRPCRouter } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express } from 'express';

export interface ServiceAppOptions<R extends AnyTRPCRouter> {
  name: string;
  router: R;
  createContext: () => object | Promise<object>;
  /** Answers `/health`: resolves when the service can do its work (database reachable …). */
  health: () => Promise<Record<string, unknown>>;
  /** Largest accepted request body (default 1 MB; batch ingest raises it). */
  maxBodySize?: string;
}

/** The express app of a service: tRPC at `/trpc`, `/health`, body-size limit. */
export function createServiceApp<R extends AnyTRPCRouter>(options: ServiceAppOptions<R>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    try {
      res.json({ service: options.name, ok: true, ...(await options.health()) });
    } catch (error) {
      res.status(503).json({ service: options.name, ok: false, error: (error as Error).message });
    }
  });
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: options.router,
      createContext: options.createContext,
      maxBodySize: parseSize(options.maxBodySize ?? '1mb'),
      // The gateway sends queries as POST (`methodOverride`): a lookup of thousands of station ids does not
      // fit in a URL.
      allowMethodOverride: true,
    }),
  );
  return app;
}

function parseSize(size: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(size);
  if (!match) throw new Error(`body size "${size}" should look like 512kb or 10mb`);
  return Number(match[1]) * (match[2]?.toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

/** Starts listening; resolves with the server and its actual port (0 picks a free one). */
export function listen(
  app: Express,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; port: number; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, port: actual, url: `http://${host}:${actual}` });
    });
    server.on('error', reject);
  });
}
