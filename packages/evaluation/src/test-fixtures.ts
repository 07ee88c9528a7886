/** Builders for tests: full-marks inputs under the default scheme, with overrides. Not public API. */
import type { EvaluationInputsRaw, EvaluatorEntry } from './inputs.ts';

export const EVALUATOR_IDS = [
  'admin.institutions',
  'effect.satisfaction',
  'effect.quality',
  'mgmt.supervision',
  'mgmt.archives',
  'impact.resources',
  'impact.publicity',
] as const;

/** Points each evaluator indicator is worth under the default scheme. */
export const EVALUATOR_MAX: Record<(typeof EVALUATOR_IDS)[number], number> = {
  'admin.institutions': 5,
  'effect.satisfaction': 10,
  'effect.quality': 10,
  'mgmt.supervision': 5,
  'mgmt.archives': 5,
  'impact.resources': 10,
  'impact.publicity': 5,
};

export function entry(points: number | string, evidence: string[] = ['档案 2023-06 第1卷']): EvaluatorEntry {
  return { points: Number(points), evidence };
}

/** 100 of 100 under the default scheme: every computed measure at its top band, every entry at its max. */
export function perfectInputs(overrides: Partial<EvaluationInputsRaw> = {}): EvaluationInputsRaw {
  return {
    stationId: 'st-1',
    period: { from: '2023-01-01', to: '2023-06-30' },
    hub: {
      staffing: { errors: 0, warnings: 0 },
      service: { delivered: 1_200, target: 1_200 },
      reports: { due: 8, onTime: 8 },
      budget: { spentFen: 9_000_000, plannedFen: 10_000_000 },
      training: {
        workers: [
          { workerId: 'w-1', hours: 30 },
          { workerId: 'w-2', hours: 42 },
        ],
      },
    },
    entries: Object.fromEntries(EVALUATOR_IDS.map((id) => [id, entry(EVALUATOR_MAX[id])])),
    vetoes: [],
    ...overrides,
  };
}

/** `perfectInputs` with some evaluator entries' points replaced. */
export function withEntries(points: Partial<Record<(typeof EVALUATOR_IDS)[number], number | string>>) {
  const base = perfectInputs();
  const entries = { ...base.entries };
  for (const [id, value] of Object.entries(points)) entries[id] = entry(value as number);
  return { ...base, entries };
}
