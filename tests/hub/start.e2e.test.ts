import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_VIOLATIONS,
  demoEvaluationPlan,
  demoReportPlan,
  demoSubjectId,
  expectedOperatingStations,
  generateDemoDataset,
} from '@shegong/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortRun, type Hub, query, startHub, stopHub } from './hub-process.ts';

const demo = generateDemoDataset(DEMO_SEED);
const oneResidentWorker = DEMO_VIOLATIONS.find(
  (v) => v.ruleId === 'staffing.min-residents' && v.countyCode === '410103',
);

interface Counts {
  coverage: { operatingStations: number };
  compliance: { stations: number; compliant: number; nonCompliant: number };
  services: { totals: { records: number; beneficiaries: number } };
  stations: { items: unknown[] };
  contracts: { items: unknown[] };
  reports: Array<{
    id: string;
    status: string;
    locked: boolean;
    corrections: unknown[];
    acceptedBy: string | null;
  }>;
  evaluations: Array<{ id: string; kind: string; grade: string | null; outcome: string; vetoes: unknown[] }>;
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
    reports: await query(url(3), 'reports.list', { regionCode: '410000' }),
    evaluations: [
      ...(await query<Counts['evaluations']>(url(3), 'evaluations.list', { regionCode: '410000' })),
      ...(await query<Counts['evaluations']>(url(3), 'evaluations.list', { regionCode: '420000' })),
    ],
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
    // Reports filed through the workflow: approved (locked, one with a correction), waiting, returned; the
    // counties that never filed have no report at all and show as overdue.
    expect(out).toMatch(/demo: reports: \d+ approved, \d+ awaiting approval, \d+ returned, \d+ not filed/);
    const plan = demoReportPlan(demo).filter((r) => r.outcome !== 'missing');
    expect(first.reports.map((r) => r.status).sort()).toEqual(plan.map((r) => r.outcome).sort());
    expect(new Set(plan.map((r) => r.outcome))).toEqual(new Set(['approved', 'submitted', 'returned']));
    expect(first.reports.filter((r) => r.locked).length).toBe(
      plan.filter((r) => r.outcome === 'approved').length,
    );
    expect(first.reports.some((r) => r.corrections.length === 1)).toBe(true);
    expect(first.reports.filter((r) => r.acceptedBy !== null)).toHaveLength(1);
    // A finished evaluation round: every planned evaluation stored, grades spread, one veto, a city spot check.
    expect(out).toMatch(/demo: evaluations: \d+ evaluations/);
    const round = demoEvaluationPlan(demo, DEMO_SEED);
    expect(first.evaluations.map((e) => e.id).sort()).toEqual(round.map((e) => e.id).sort());
    expect(new Set(first.evaluations.map((e) => e.grade)).size).toBeGreaterThanOrEqual(2);
    const vetoed = first.evaluations.filter((e) => e.vetoes.length > 0);
    expect(vetoed.map((e) => e.grade)).toEqual(['fail']);
    expect(first.evaluations.filter((e) => e.kind === 'spot-check')).toHaveLength(1);

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

    // The imported operator is checked against Zhengzhou's rating rule where it runs stations.
    const importedOperator = DEMO_VIOLATIONS.find((v) => v.ruleId === 'operator.imported-rating');
    const operator = await query<{ findings: Array<{ ruleId: string; citation: string }> }>(
      url(1),
      'operators.get',
      { id: demoSubjectId(importedOperator ?? DEMO_VIOLATIONS[0]) },
    );
    expect(operator.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'operator.imported-rating', citation: 'ZZ §4.1' }),
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
    expect(hub.output()).toContain('demo: reports: already loaded, skipped');
    expect(hub.output()).toContain('demo: evaluations: already loaded, skipped');
    expect(await counts()).toEqual(first);
    expect(await stopHub(hub)).toBe(0);
  });
});
