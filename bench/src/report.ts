import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Bench } from 'tinybench';

const RESULTS_DIR = new URL('../results/', import.meta.url);

export interface Row {
  task: string;
  'ops/s': number;
  'mean ms': number;
  'p99 ms': number;
  samples: number;
}

/** The rows of a finished tinybench run, in task order. */
export function rowsOf(bench: Bench): Row[] {
  return bench.tasks.map((task) => {
    const result = task.result;
    if (result.state === 'errored')
      throw new Error(`benchmark task "${task.name}" failed`, { cause: result.error });
    if (result.state !== 'completed') throw new Error(`benchmark task "${task.name}" ended ${result.state}`);
    return {
      task: task.name,
      'ops/s': Math.round(result.throughput.mean),
      'mean ms': Number(result.latency.mean.toFixed(4)),
      'p99 ms': Number(result.latency.p99.toFixed(4)),
      samples: result.latency.samplesCount,
    };
  });
}

/** Prints a suite's table and writes `bench/results/<suite>.json` with the machine it ran on. */
export function report(suite: string, rows: readonly Row[], extra: Record<string, unknown> = {}): void {
  console.log(`\n## ${suite}`);
  console.table(rows);
  for (const [key, value] of Object.entries(extra)) console.log(`${key}: ${JSON.stringify(value)}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const body = {
    suite,
    at: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryBytes: totalmem(),
    },
    rows,
    ...extra,
  };
  writeFileSync(new URL(`${suite}.json`, RESULTS_DIR), `${JSON.stringify(body, null, 2)}\n`);
}
