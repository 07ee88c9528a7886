import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_VIOLATIONS,
  demoSubjectId,
  expectedOperatingStations,
  generateDemoDataset,
} from '@shegong/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY = /^hub: ready in /m;
const demo = generateDemoDataset(DEMO_SEED);
const oneResidentWorker = DEMO_VIOLATIONS.find(
  (v) => v.ruleId === 'staffing.min-residents' && v.countyCode === '410103',
);

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
async function freePortRun(): Promise<number> {
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

interface Hub {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the hub as a user would and waits for its "ready" line. */
async function startHub(dataDir: string, port: number): Promise<Hub> {
  const [command = process.execPath, ...args] = startCommand();
  const env: Record<string, string | undefined> = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    HUB_PORT: String(port),
  };
  // The embedded start: no servers from the environment (the test harness's, a developer's).
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  delete env.REGISTRY_PII_KEY;
  delete env.HUB_DEMO;
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
async function stopHub(hub: Hub, ms = 10_000): Promise<number | null> {
  hub.child.kill('SIGTERM');
  return Promise.race([
    hub.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`the hub did not stop within ${ms} ms:\n${hub.output()}`)), ms),
    ),
  ]);
}

/** A tRPC v11 query over HTTP, as the printed curl commands send it: GET /trpc/<procedure>?input=<JSON>. */
async function query<T>(serviceUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(
    `${serviceUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || body.result === undefined) {
    throw new Error(`${procedure} answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
  }
  return body.result.data;
}

interface Counts {
  coverage: { operatingStations: number };
  compliance: { stations: number; compliant: number; nonCompliant: number };
  services: { totals: { records: number; beneficiaries: number } };
  stations: { items: unknown[] };
  contracts: { items: unknown[] };
}

describe('pnpm start', () => {
  let dataDir: string;
  let port: number;
  let hub: Hub | undefined;
  const url = (offset: number) => `http://127.0.0.1:${port + offset}`;
  const counts = async (): Promise<Counts> => ({
    coverage: await query(url(3), 'rollups.coverage', { regionCode: '410100' }),
    compliance: await query(url(3), 'compliance.summary', { regionCode: '410000' }),
    services: await query(url(3), 'rollups.services', { regionCode: '410100', period: demo.months.at(-1) }),
    stations: await query(url(1), 'stations.list', { limit: 500 }),
    contracts: await query(url(2), 'contracts.list', { limit: 100 }),
  });
  let first: Counts;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shegong-hub-e2e-'));
    // The embedded server runs as the `postgres` user when we are root: it must reach the folder.
    chmodSync(dataDir, 0o755);
    port = await freePortRun();
  });

  afterAll(async () => {
    if (hub && hub.child.exitCode === null) await stopHub(hub).catch(() => hub?.child.kill('SIGKILL'));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts every service on an embedded Postgres, loads the demo and prints where to look', {
    timeout: 240_000,
  }, async () => {
    hub = await startHub(dataDir, port);
    const out = hub.output();
    expect(out).toContain('demo: service records:');
    expect(out).toContain(`${url(0)}/docs`);
    expect(out).toContain(`curl -s -H "X-Api-Key: $KEY" '${url(0)}/api/v1/regions/410100/summary`);

    for (const [offset, service] of [
      [0, 'gateway'],
      [1, 'registry'],
      [2, 'funding'],
      [3, 'reporting'],
    ] as const) {
      const health = await fetch(`${url(offset)}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ service, ok: true });
    }

    first = await counts();
    expect(first.coverage.operatingStations).toBe(expectedOperatingStations(demo).get('410100'));
    expect(first.compliance.nonCompliant).toBeGreaterThanOrEqual(1);
    expect(first.services.totals.records).toBeGreaterThan(0);
    expect(first.stations.items).toHaveLength(demo.stations.length);
    expect(first.contracts.items).toHaveLength(demo.contracts.length);

    // The planted violation is found where the printed list says: 二七区's first station has one worker.
    expect(oneResidentWorker).toBeDefined();
    const station = await query<{
      compliant: boolean;
      findings: Array<{ ruleId: string; citation: string }>;
    }>(url(3), 'compliance.station', { stationId: demoSubjectId(oneResidentWorker ?? DEMO_VIOLATIONS[0]) });
    expect(station.compliant).toBe(false);
    expect(station.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'staffing.min-residents', citation: 'ZZ §4.4' }),
    );

    // Through the gateway, as a city system: the printed key, its own city's summary, not another's.
    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-api-keys.json'), 'utf8')) as Array<{
      regionCode: string;
      key: string;
    }>;
    const zz = keys.find((k) => k.regionCode === '410100')?.key ?? '';
    expect(out).toContain(zz);
    const month = demo.months.at(-1);
    const summary = await fetch(`${url(0)}/api/v1/regions/410100/summary?period=${month}`, {
      headers: { 'x-api-key': zz },
    });
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as {
      coverage: { operatingStations: number };
      services: { totals: unknown };
    };
    expect(body.coverage.operatingStations).toBe(first.coverage.operatingStations);
    expect(body.services.totals).toEqual(first.services.totals);
    const wuhan = await fetch(`${url(0)}/api/v1/regions/420100/summary?period=${month}`, {
      headers: { 'x-api-key': zz },
    });
    expect(wuhan.status).toBe(403);

    // Signed in as a demo user, through the gateway's tRPC: the same finding.
    const signIn = await fetch(`${url(0)}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhengzhou', password: DEMO_PASSWORD }),
    });
    const token = ((await signIn.json()) as { result: { data: { token: string } } }).result.data.token;
    const viaGateway = await fetch(
      `${url(0)}/trpc/reporting.compliance.station?input=${encodeURIComponent(JSON.stringify({ stationId: demoSubjectId(oneResidentWorker ?? DEMO_VIOLATIONS[0]) }))}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(((await viaGateway.json()) as { result: { data: unknown } }).result.data).toEqual(station);

    const started = performance.now();
    expect(await stopHub(hub)).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(hub.output()).toContain('hub: stopped');
  });

  it('starts again on the same data without loading the demo twice', { timeout: 240_000 }, async () => {
    hub = await startHub(dataDir, port);
    expect(hub.output()).toContain('demo: registry: already loaded, skipped');
    expect(hub.output()).toContain('demo: service records: already loaded, skipped');
    expect(await counts()).toEqual(first);
    expect(await stopHub(hub)).toBe(0);
  });
});
