import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PASSWORD, seed } from '../gateway/fixtures.ts';
import { type Hub, startHub } from '../gateway/hub.ts';
import { type CliResult, REPO_ROOT, runCli } from './run-cli.ts';

/**
 * `shegong report status` as a clerk runs it: against a running hub (the whole hub in this process, on
 * a fresh database), signed in with a token, through the gateway's jurisdiction checks.
 */

const BIN = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url));

/** The CLI in a child process without blocking this one: the hub it talks to runs here. */
function runCliAsync(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', BIN, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NO_COLOR: '1',
        SHEGONG_HUB_URL: '',
        SHEGONG_TOKEN: '',
        SHEGONG_API_KEY: '',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let hub: Hub;
let province: string;
let wuhanKey: string;

beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  const signIn = async (username: string, role: 'province' | 'county', regionCode: string) => {
    await hub.gateway.createUser({
      username,
      password: PASSWORD,
      role,
      regionCode,
      grants: { pii: false, crossProvince: [] },
    });
    return (await hub.client().auth.signIn.mutate({ username, password: PASSWORD })).token;
  };
  province = await signIn('henan', 'province', '410000');
  const jinshui = await signIn('jinshui', 'county', '410105');
  wuhanKey = (await hub.gateway.createApiClient({ name: 'wuhan', regionCode: '420100', id: 'client-wh' }))
    .key;
  // 金水区 files its 2024 Q1 quarterly report (late: the hub's clock is today).
  const reports = hub.client({ authorization: `Bearer ${jinshui}` }).reporting.reports;
  const draft = await reports.draft.mutate({
    definitionId: 'county-quarterly-report',
    unitRegionCode: '410105',
    period: '2024-Q1',
  });
  await reports.submit.mutate({ reportId: draft.id, unitRegionCode: '410105' });
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

describe('shegong report status', () => {
  it('prints what the hub answers, as JSON: expected from the profiles, received, overdue', async () => {
    const env = { SHEGONG_HUB_URL: hub.url, SHEGONG_TOKEN: province };
    const result = await runCliAsync(
      env,
      'report',
      'status',
      '4101',
      '2024',
      '--format',
      'json',
      '--overdue',
      '5',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const answer = JSON.parse(result.stdout);
    const direct = await hub
      .client({ authorization: `Bearer ${province}` })
      .reporting.reports.completeness.query({ regionCode: '410100', period: '2024', overdueLimit: 5 });
    expect(answer).toEqual(JSON.parse(JSON.stringify(direct)));

    const byId = Object.fromEntries(
      answer.region.byDefinition.map((d: { definitionId: string }) => [d.definitionId, d]),
    );
    // Zhengzhou's 12 counties × 4 quarters; 2 half-years; the townships where the fixtures' stations operate
    // since 2024-01-05 (经八路街道, 丰产路街道 … of 金水区, 二七区) × 12 months [ZZ §2, §5.4, §5.6].
    const zzTownships = new Set(
      Object.values(FIXTURES)
        .filter((f) => f.township.startsWith('4101'))
        .map((f) => f.township),
    );
    expect(byId['county-quarterly-report']).toMatchObject({ expected: 48, received: 1, onTime: 0, late: 1 });
    expect(byId['city-half-year-report']).toMatchObject({ expected: 2, received: 0 });
    expect(byId['operator-monthly-brief']).toMatchObject({ expected: zzTownships.size * 12, received: 0 });
    const jinshui = answer.children.find((c: { regionCode: string }) => c.regionCode === '410105');
    expect(jinshui.totals).toMatchObject({ received: 1, late: 1 });
    expect(answer.overdue.items).toHaveLength(5);
    expect(answer.overdue.total).toBe(answer.region.totals.overdue);
    expect(answer.overdue.items[0]).toMatchObject({ periodKey: '2024-01', dueOn: '2024-02-05' });
  });

  it('prints tables by default', async () => {
    const env = { SHEGONG_HUB_URL: hub.url, SHEGONG_TOKEN: province };
    const result = await runCliAsync(env, 'report', 'status', '410105', '2024-Q1');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('金水区 (410105) 2024-Q1');
    expect(result.stdout).toContain('完整率');
    expect(result.stdout).toContain('项目实施情况报告（季度）');
    expect(result.stdout).toMatch(/\d+ overdue/);
  });

  it('exits 2 with the hub’s refusal for a region outside the caller’s jurisdiction', async () => {
    const result = await runCliAsync(
      { SHEGONG_HUB_URL: hub.url, SHEGONG_API_KEY: wuhanKey },
      'report',
      'status',
      '410100',
      '2024',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error \[\w+\]: .*410100/);
    expect(result.stdout).toBe('');
  });

  it('exits 2 for bad input before asking any hub, and when no hub answers', async () => {
    const badRegion = runCli('report', 'status', '419999', '2024');
    expect(badRegion.status).toBe(2);
    expect(badRegion.stderr).toContain('REGION_NOT_FOUND');
    const badPeriod = runCli('report', 'status', '410100', '2024-13');
    expect(badPeriod.status).toBe(2);
    expect(badPeriod.stderr).toContain('PERIOD_INVALID');
    const signedOut = await runCliAsync({}, 'report', 'status', '410100', '2024');
    expect(signedOut.status).toBe(2);
    expect(signedOut.stderr).toContain('SHEGONG_TOKEN');
    const nobody = await runCliAsync(
      { SHEGONG_TOKEN: province },
      'report',
      'status',
      '410100',
      '2024',
      '--hub',
      'http://127.0.0.1:9',
    );
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('HUB_UNREACHABLE');
  });
});
