import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHubEnv, startEmbeddedHub } from '@shegong/hub';
import autocannon from 'autocannon';
import { startPostgres } from './postgres.ts';
import { type Row, report } from './report.ts';

const DURATION_S = Number(process.env.BENCH_GATEWAY_SECONDS ?? 10);
const CONNECTIONS = 10;
const PORT = 24_100 + Math.floor(Math.random() * 4_000);

/**
 * Issue target: a load run on loopback against the region-summary endpoint — req/s and p99 on this
 * machine. In the same run, the same load on a trivial authenticated call (`auth.me` through tRPC), so the
 * figure that travels between machines is the ratio: what the summary (five rollup reads across two
 * services, jurisdiction checked) costs over the gateway's own floor. Bounded: DURATION_S per target, 10
 * connections, loopback only.
 */
export async function benchGateway(): Promise<void> {
  const { url: databaseUrl, stop: stopPostgres } = startPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'shegong-bench-hub-'));
  chmodSync(dataDir, 0o755);
  const hub = await startEmbeddedHub(
    readHubEnv({
      DATABASE_URL: databaseUrl,
      HUB_DATA_DIR: dataDir,
      HUB_PORT: String(PORT),
      HUB_DEMO: '1',
      GATEWAY_RATE_LIMIT: '100000000',
    }),
    { gateway: PORT, registry: PORT + 1, funding: PORT + 2, reporting: PORT + 3 },
    () => {},
  );
  try {
    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-api-keys.json'), 'utf8')) as Array<{
      regionCode: string;
      key: string;
    }>;
    const key = keys.find((k) => k.regionCode === '410100')?.key as string;
    const month = hub.demo?.months.at(-1) ?? '2026-10';
    const summaryPath = `/api/v1/regions/410100/summary?period=${month}`;
    const probe = await fetch(`${hub.urls.gateway}${summaryPath}`, { headers: { 'x-api-key': key } });
    if (probe.status !== 200) throw new Error(`summary answered ${probe.status}: ${await probe.text()}`);

    const summary = await load(`${hub.urls.gateway}${summaryPath}`, key);
    const floor = await load(`${hub.urls.gateway}/trpc/auth.me`, key);
    const row = (task: string, r: autocannon.Result): Row => ({
      task,
      'ops/s': Math.round(r.requests.average),
      'mean ms': r.latency.average,
      'p99 ms': r.latency.p99,
      samples: r.requests.total,
    });
    report(
      'gateway',
      [
        row(`GET ${summaryPath} (Zhengzhou city system)`, summary),
        row('GET /trpc/auth.me (the gateway floor)', floor),
      ],
      {
        durationSeconds: DURATION_S,
        connections: CONNECTIONS,
        summaryRequestsPerSecond: Math.round(summary.requests.average),
        summaryLatencyMs: { p50: summary.latency.p50, p99: summary.latency.p99 },
        summaryErrors: summary.errors + summary.non2xx,
        floorRequestsPerSecond: Math.round(floor.requests.average),
        summaryOverFloor: Number((summary.requests.average / floor.requests.average).toFixed(3)),
      },
    );
    if (summary.non2xx > 0 || summary.errors > 0)
      throw new Error(`${summary.non2xx} non-2xx answers and ${summary.errors} errors under load`);
  } finally {
    await hub.stop();
    stopPostgres();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function load(url: string, key: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'x-api-key': key },
  });
}
