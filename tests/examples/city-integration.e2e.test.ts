import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startHub } from '../gateway/hub.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../examples/city-integration/push-and-read.ts', import.meta.url));

describe('examples/city-integration', () => {
  it('pushes a city’s stations, workers and a month of records through the SDK, reads its summary, and can run again', async () => {
    await using hub = await startHub();
    const { key } = await hub.gateway.createApiClient({ name: '郑州市社工站管理系统', regionCode: '410100' });
    const env = { ...process.env, HUB_URL: hub.url, HUB_API_KEY: key, MONTH: '2026-11' };
    const args = ['--disable-warning=ExperimentalWarning', SCRIPT];

    const first = await run(process.execPath, args, { env });
    expect(first.stdout).toContain('stations: 3 stored');
    expect(first.stdout).toMatch(/ID numbers come back masked: 410102\*{8}\d{3}[\dX]/);
    expect(first.stdout).toContain('service records: 360 accepted');
    expect(first.stdout).toContain('中原区 (410102), 2026-11');
    expect(first.stdout).toContain('3 of 14 townships have an operating station');
    expect(first.stdout).toContain('360 records');

    await hub.settle();
    const before = await hub.fingerprint();
    const second = await run(process.execPath, args, { env });
    expect(second.stdout).toContain('service records: 360 accepted');
    expect(second.stdout).toContain('360 records');
    await hub.settle();
    // The same ids and keys: records replayed, not counted twice (the registry rows are re-upserted).
    const counts = await hub.registryDb
      .selectFrom('reporting.service_records' as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number((counts as { n: string }).n)).toBe(360);
    expect((await hub.fingerprint()).split(',').filter((p) => p.startsWith('reporting.'))).toEqual(
      before.split(',').filter((p) => p.startsWith('reporting.')),
    );
  }, 120_000);

  it('stops with the hub’s problem when the key is not valid', async () => {
    await using hub = await startHub();
    const failed = await run(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPT], {
      env: {
        ...process.env,
        HUB_URL: hub.url,
        HUB_API_KEY: 'sgk_nobody_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('operators: 401 UNAUTHENTICATED');
  }, 60_000);
});
