import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's `infra/` folder (this file is `packages/testkit/src/infra-script.ts`). */
export const infraDir = fileURLToPath(new URL('../../../infra/', import.meta.url));

export type InfraScript = 'kafka/kafka.sh' | 'postgres/pg.sh';

/**
 * Runs an `infra/` script and returns the value of the `KEY=value` line it prints on stdout. Its stderr (progress
 * such as "resolving Kafka from Maven Central") goes to ours, so a slow first run says what it waits for.
 */
export async function runInfraScript(
  script: InfraScript,
  command: 'start' | 'stop' | 'pause' | 'resume',
  env: Record<string, string>,
  key?: string,
): Promise<string | undefined> {
  const child = spawn('bash', [`${infraDir}${script}`, command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0)
    throw new Error(`infra/${script} ${command} failed with exit code ${code} (its output is above)`);
  if (key === undefined) return undefined;
  const line = stdout.split('\n').find((l) => l.startsWith(`${key}=`));
  if (line === undefined) throw new Error(`infra/${script} ${command} printed no ${key}= line`);
  return line.slice(key.length + 1);
}

/** The same, synchronously, for `process.on('exit')` where nothing asynchronous runs any more. */
export function runInfraScriptSync(script: InfraScript, command: 'stop', env: Record<string, string>): void {
  spawnSync('bash', [`${infraDir}${script}`, command], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    timeout: 30_000,
  });
}
