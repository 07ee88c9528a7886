import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from '@shegong/service-kit';
import express, { type RequestHandler } from 'express';
import { seconds } from './demo/load.ts';

/** The front ends the app server serves, each under its own path: the county console first. */
export const CONSOLES = [
  { name: 'county', base: '/county/', dir: fileURLToPath(new URL('../../county/', import.meta.url)) },
  { name: 'city', base: '/city/', dir: fileURLToPath(new URL('../../city/', import.meta.url)) },
  { name: 'province', base: '/province/', dir: fileURLToPath(new URL('../../province/', import.meta.url)) },
] as const;

/** What every console bundles besides its own sources: changing it rebuilds them too. */
const SHARED_SOURCES = [fileURLToPath(new URL('../../../packages/web/', import.meta.url))];

/** This file: how a console is built (its mode) is part of the bundle too, so a change here rebuilds it. */
const BUILD_SCRIPT = fileURLToPath(import.meta.url);

/** The newest modification time (ms) of the files that make a console's bundle. */
function newestSource(appDir: string): number {
  let newest = 0;
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        if (entry !== 'node_modules' && entry !== 'dist') walk(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const file of ['index.html', 'vite.config.ts', 'package.json', 'src']) walk(join(appDir, file));
  for (const dir of SHARED_SOURCES) walk(join(dir, 'src'));
  walk(BUILD_SCRIPT);
  return newest;
}

/**
 * Builds a console with Vite's JS API when its `dist/` is missing or older than its sources (its own and
 * `@shegong/web`'s). Builds into a folder of its own and swaps it in, so two starts at once (tests run in
 * parallel) never serve a half-written `dist/`.
 */
export async function ensureConsoleBuilt(
  spa: { name: string; dir: string },
  log: (line: string) => void,
): Promise<'up to date' | 'built'> {
  const dist = join(spa.dir, 'dist');
  const built = join(dist, 'index.html');
  const fresh = () => existsSync(built) && statSync(built).mtimeMs >= newestSource(spa.dir);
  if (fresh()) return 'up to date';
  const started = performance.now();
  log(`consoles: building the ${spa.name} console (vite build ${spa.dir}) …`);
  const { build } = await import('vite');
  // Beside dist/ on the same disk (so the swap is a rename), where git and Biome do not look.
  const outDir = join(spa.dir, 'node_modules', '.cache', `console-build-${process.pid}-${Date.now()}`);
  // Always the production build: Vite takes NODE_ENV from the process when it is set, and the hub runs
  // under vitest too (NODE_ENV=test), which bundled React's development build and its JSX dev runtime
  // (measured: a warm page's script ran twice as long, and StrictMode doubled every effect). Put back after.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: spa.dir,
      configFile: join(spa.dir, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    // Another start may have swapped its build of the same sources in meanwhile: keep serving that one.
    if (!fresh()) {
      rmSync(dist, { recursive: true, force: true });
      try {
        renameSync(outDir, dist);
      } catch {
        // Another start renamed its build into place between the two calls: the same sources.
      }
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
  log(`consoles: built the ${spa.name} console (${seconds(performance.now() - started)})`);
  return 'built';
}

/**
 * Forwards a request as it came (method, path, headers, body stream) to the gateway, saying who asked
 * (`X-Forwarded-For`: the gateway trusts a loopback proxy, so its audit log and rate limits see the browser).
 */
function forwardTo(target: string): RequestHandler {
  const upstream = new URL(target);
  return (req, res) => {
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
      .filter(Boolean)
      .join(', ');
    const call = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.originalUrl,
        headers: { ...req.headers, host: upstream.host, 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    call.on('error', (error) => {
      if (res.headersSent) return void res.destroy(error);
      res
        .status(502)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'Bad Gateway',
            status: 502,
            code: 'GATEWAY_UNREACHABLE',
            detail: `the gateway at ${target} did not answer (${error.message}); is the hub still running?`,
          }),
        );
    });
    req.pipe(call);
  };
}

/** The app server: what it serves and how to stop it. */
export interface ConsoleServer {
  url: string;
  /** The address of each console, e.g. `{ county: 'http://127.0.0.1:4104/county/', province: … }`. */
  consoles: Record<(typeof CONSOLES)[number]['name'], string>;
  stop(): Promise<void>;
}

/**
 * The front ends' server on one origin: every console's built `dist/` under its path (any path below it
 * answers its `index.html`, for the client-side routes) and `/trpc` and `/api` forwarded to the gateway, so
 * the browser talks to one origin and no CORS is needed. Builds the consoles first when they are stale.
 */
export async function startConsoleServer(
  options: { port: number; gatewayUrl: string },
  log: (line: string) => void,
): Promise<ConsoleServer> {
  for (const spa of CONSOLES) {
    const state = await ensureConsoleBuilt(spa, log);
    if (state === 'up to date') log(`consoles: the ${spa.name} console is up to date (${spa.dir}dist)`);
  }
  const app = express();
  app.disable('x-powered-by');
  const forward = forwardTo(options.gatewayUrl);
  app.use('/trpc', forward);
  app.use('/api', forward);
  app.get('/health', (_req, res) => void res.json({ service: 'consoles', ok: true }));
  for (const spa of CONSOLES) {
    const dist = join(spa.dir, 'dist');
    const base = spa.base.replace(/\/$/, '');
    // Hashed file names: the assets never change under their name; index.html always revalidates.
    app.use(
      `${base}/assets`,
      express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
    );
    app.use(base, express.static(dist, { index: false, redirect: false }));
    app.use(base, (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      // `/county` → `/county/`, so the app's relative URLs resolve under its base.
      if (req.path === '/' && !req.originalUrl.split('?')[0]?.endsWith('/')) return res.redirect(spa.base);
      res.set('cache-control', 'no-cache');
      res.sendFile(join(dist, 'index.html'));
    });
  }
  app.get('/', (_req, res) => res.redirect(CONSOLES[0].base));
  const { server, url } = await listen(app, options.port);
  const consoles = Object.fromEntries(
    CONSOLES.map((c) => [c.name, `${url}${c.base}`]),
  ) as ConsoleServer['consoles'];
  return { url, consoles, stop: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
