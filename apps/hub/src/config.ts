import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { HubEnv } from './env.ts';

/** The seed of the demo data: the same stations, people and records on every machine. */
export const DEMO_SEED = 2026;

/** The one database the hub's services share, each in its own schema. */
const HUB_DATABASE = 'shegong';

export interface HubPorts {
  gateway: number;
  registry: number;
  funding: number;
  reporting: number;
  /**
   * The app server: the consoles (front ends) and, on the same origin, the gateway's /trpc and /api.
   * Left out, no app server starts (and no console is built): a benchmark or a test of the API alone.
   */
  consoles?: number;
}

/**
 * HUB_PORT: the gateway, the public door; +1, +2, +3: registry, funding, reporting behind it; +4: the
 * consoles' app server.
 */
export function portsOf(env: HubEnv): HubPorts {
  return {
    gateway: env.HUB_PORT,
    registry: env.HUB_PORT + 1,
    funding: env.HUB_PORT + 2,
    reporting: env.HUB_PORT + 3,
    consoles: env.HUB_PORT + 4,
  };
}

/**
 * The registry's PII key: `REGISTRY_PII_KEY` when given, else one generated on the first start and kept
 * in the data folder, so the workers' encrypted ID numbers stay readable across restarts.
 */
export function piiKeyFor(env: HubEnv): string {
  if (env.REGISTRY_PII_KEY) return env.REGISTRY_PII_KEY;
  return keptSecret(env, 'registry-pii.key');
}

/**
 * The gateway's token secret: `GATEWAY_TOKEN_SECRET` when given, else generated on the first start and
 * kept in the data folder, so tokens stay valid across restarts.
 */
export function tokenSecretFor(env: HubEnv): string {
  if (env.GATEWAY_TOKEN_SECRET) return env.GATEWAY_TOKEN_SECRET;
  return keptSecret(env, 'gateway-token.secret');
}

function keptSecret(env: HubEnv, name: string): string {
  const dir = resolve(env.HUB_DATA_DIR);
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The hub's database on the embedded server, created on the first start; `url` points at the server's
 * maintenance database (`postgres`).
 */
export async function ensureHubDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [HUB_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${HUB_DATABASE}`);
  } finally {
    await client.end();
  }
  const hub = new URL(url);
  hub.pathname = `/${HUB_DATABASE}`;
  return hub.toString();
}

/** `postgres://user:secret@host:5432/db` → `postgres://user:***@host:5432/db`, for logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
