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
  registry: number;
  funding: number;
  reporting: number;
}

/** HUB_PORT, +1, +2: registry, funding, reporting. */
export function portsOf(env: HubEnv): HubPorts {
  return { registry: env.HUB_PORT, funding: env.HUB_PORT + 1, reporting: env.HUB_PORT + 2 };
}

/**
 * The registry's PII key: `REGISTRY_PII_KEY` when given, else one generated on the first start and kept
 * in the data folder, so the workers' encrypted ID numbers stay readable across restarts.
 */
export function piiKeyFor(env: HubEnv): string {
  if (env.REGISTRY_PII_KEY) return env.REGISTRY_PII_KEY;
  const dir = resolve(env.HUB_DATA_DIR);
  const file = join(dir, 'registry-pii.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
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
