/**
 * The hub as a user starts it — the root `start` script in a child process — for the specs beside this
 * file. Not a spec.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = /^hub: ready in /m;

/** The root `start` script as argv, run with this Node: the command a user runs as `pnpm start`. */
function startCommand(): string[] {
  const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  const [node, ...args] = (scripts.start ?? '').split(/\s+/);
  expect(node).toBe('node');
  return [process.execPath, ...args];
}

/**
 * A port p with p … p+4 free on loopback (HUB_PORT: the gateway, the three services after it, and the
 * consoles' app server).
 */
export async function freePortRun(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    if (
      (await free(base)) &&
      (await free(base + 1)) &&
      (await free(base + 2)) &&
      (await free(base + 3)) &&
      (await free(base + 4))
    )
      return base;
  }
  throw new Error('no five consecutive free ports');
}

export interface Hub {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the hub as a user would (`pnpm start`'s command) and waits for its "ready" line. */
export async function startHub(
  dataDir: string,
  port: number,
  servers: { DATABASE_URL?: string; KAFKA_BROKERS?: string; KAFKA_TOPIC_PREFIX?: string } = {},
): Promise<Hub> {
  const [command = process.execPath, ...args] = startCommand();
  const env: Record<string, string | undefined> = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    HUB_PORT: String(port),
  };
  // Only the servers the test names: not the environment's (the test harness's, a developer's).
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  delete env.REGISTRY_PII_KEY;
  delete env.HUB_DEMO;
  Object.assign(env, servers);
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = setInterval(() => {
        if (READY.test(output)) {
          clearInterval(check);
          resolve(true);
        }
      }, 50);
      void exited.then(() => clearInterval(check));
    }),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`the hub exited before it was ready:\n${output}`);
  return { child, output: () => output, exited };
}

/** SIGTERM, then the exit code, failing if the hub takes longer than `ms`. */
export async function stopHub(hub: Hub, ms = 10_000): Promise<number | null> {
  hub.child.kill('SIGTERM');
  return Promise.race([
    hub.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the hub did not stop within ${ms} ms:\n${hub.output()}`)), ms),
    ),
  ]);
}

/** A tRPC v11 query over HTTP, as the printed curl commands send it: GET /trpc/<procedure>?input=<JSON>. */
export async function query<T>(serviceUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(
    `${serviceUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || body.result === undefined) {
    throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
  }
  return body.result.data;
}
