import { benchCompleteness } from './completeness.bench.ts';
import { benchEvaluation } from './evaluation.bench.ts';
import { benchGateway } from './gateway.bench.ts';
import { benchIngest } from './ingest.bench.ts';
import { benchPages } from './pages.bench.ts';
import { benchPlans } from './plans.bench.ts';
import { benchRegions } from './regions.bench.ts';
import { benchStaffing } from './staffing.bench.ts';

/** Every benchmark suite, in order. Each prints its table and writes bench/results/<suite>.json. */
const SUITES: ReadonlyArray<readonly [string, () => Promise<void>]> = [
  ['regions', benchRegions],
  ['staffing', benchStaffing],
  ['ingest', benchIngest],
  ['gateway', benchGateway],
  ['plans', benchPlans],
  ['evaluation', benchEvaluation],
  ['completeness', benchCompleteness],
  ['pages', benchPages],
];

/** `BENCH_SUITES=ingest,regions` runs only those suites (still in the order above); unset runs them all. */
const wanted = (process.env.BENCH_SUITES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '');
const unknown = wanted.filter((name) => !SUITES.some(([suite]) => suite === name));
if (unknown.length > 0) {
  throw new Error(
    `BENCH_SUITES names unknown suites: ${unknown.join(', ')}; known: ${SUITES.map(([s]) => s).join(', ')}`,
  );
}
for (const [name, run] of SUITES) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
