import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** DATABASE_URL when set; else a throwaway cluster from infra/postgres/pg.sh in a run dir of its own. */
export function startPostgres(): { url: string; stop(): void } {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const script = fileURLToPath(new URL('../../infra/postgres/pg.sh', import.meta.url));
  const runDir = mkdtempSync(join(tmpdir(), 'shegong-bench-pg-'));
  const env = { ...process.env, PG_RUN_DIR: runDir };
  const started = spawnSync('bash', [script, 'start'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = /DATABASE_URL=(\S+)/.exec(started.stdout ?? '')?.[1];
  if (started.status !== 0 || !url)
    throw new Error(`infra/postgres/pg.sh start failed (exit ${started.status})`);
  return {
    url,
    stop: () => {
      spawnSync('bash', [script, 'stop'], { env, stdio: 'ignore' });
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
