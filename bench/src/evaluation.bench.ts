import {
  type EvaluationInputsRaw,
  evaluatorIndicators,
  getScheme,
  scoreEvaluation,
} from '@shegong/evaluation';
import { report } from './report.ts';
import { prng } from './staffing-data.ts';

const STATIONS = 2_000;
const TARGET_MS = 2_000;
const RUNS = 7;

/** The default scheme's evaluator indicators and their points. */
const EVALUATOR_MAX = evaluatorIndicators(getScheme('default'));

/**
 * A province's stations for the first half of 2023 (fixed seed): hub facts for every computed indicator,
 * evaluator entries with evidence, now and then a missing piece of evidence or a veto.
 */
function generateInputs(stations: number, seed = 7): EvaluationInputsRaw[] {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * (max + 1));
  return Array.from({ length: stations }, (_, s) => {
    const target = 600 + int(1_200);
    const plannedFen = 20_000_000 + int(20_000_000);
    const entries = Object.fromEntries(
      Object.entries(EVALUATOR_MAX).map(([id, max]) => [
        id,
        { points: (int(max * 10) + max * 10) / 20, evidence: random() < 0.005 ? [] : [`评分表-${s}-${id}`] },
      ]),
    );
    return {
      stationId: `st-${s}`,
      period: { from: '2023-01-01', to: '2023-06-30' },
      hub: {
        staffing: { errors: random() < 0.8 ? 0 : int(2), warnings: int(2) },
        service: { delivered: Math.floor(target * (0.5 + random() * 0.7)), target },
        reports: { due: 8, onTime: 5 + int(3) },
        budget: { spentFen: Math.floor(plannedFen * (0.4 + random() * 0.6)), plannedFen },
        training: {
          workers: Array.from({ length: 2 + int(1) }, (_, w) => ({
            workerId: `w-${s}-${w}`,
            hours: int(60),
          })),
        },
      },
      entries,
      vetoes: random() < 0.01 ? [{ id: 'veto.funds-misused', evidence: [`审计-${s}`] }] : [],
    };
  });
}

/**
 * Issue target: score every station of a province (~2,000) for a half-year in under 2 s, input validation
 * included. Median of 7 runs after one warm-up.
 */
export async function benchEvaluation(): Promise<void> {
  const scheme = getScheme('default');
  const inputs = generateInputs(STATIONS);
  const run = () => inputs.map((input) => scoreEvaluation(scheme, input));
  run(); // warm-up: loads the scheme, JIT
  const times: number[] = [];
  let grades: Record<string, number> = {};
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    const results = run();
    times.push(performance.now() - started);
    grades = {};
    for (const result of results) {
      const key = result.grade ?? result.outcome;
      grades[key] = (grades[key] ?? 0) + 1;
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] as number;
  report(
    'evaluation',
    [
      {
        task: `scoreEvaluation × ${STATIONS} stations (half-year, default scheme)`,
        'ops/s': Number((1_000 / median).toFixed(2)),
        'mean ms': Number((times.reduce((a, b) => a + b, 0) / RUNS).toFixed(1)),
        'p99 ms': Number((times.at(-1) as number).toFixed(1)),
        samples: RUNS,
      },
    ],
    {
      medianMs: Number(median.toFixed(1)),
      targetMs: TARGET_MS,
      medianOverTarget: Number((median / TARGET_MS).toFixed(3)),
      metTarget: median < TARGET_MS,
      stationsPerSecond: Math.round(STATIONS / (median / 1_000)),
      grades,
    },
  );
}
