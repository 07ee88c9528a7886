import type { Report, ReportCorrection } from './api.ts';

/** One number of a report: what the hub computed, what the unit reports, and the correction between. */
export interface FigureRow {
  /** Dotted path into the figures, as `reports.correct` takes it: `services.beneficiaries`. */
  path: string;
  computed: number;
  reported: number;
  correction: ReportCorrection | null;
  /** Whether `reports.correct` can address it (see `figureRows`). */
  correctable: boolean;
}

/** The figures' number-valued leaves in document order (`asOf` is a day, not a figure). */
function leaves(
  node: unknown,
  keys: readonly string[],
  out: Array<{ keys: readonly string[]; value: number }>,
) {
  if (typeof node === 'number') out.push({ keys, value: node });
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node)) leaves(value, [...keys, key], out);
}

function valueAt(node: unknown, keys: readonly string[]): number | undefined {
  let at: unknown = node;
  for (const key of keys)
    at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'number' ? at : undefined;
}

/**
 * The order a clerk reads a report in: stations, staffing, then services — totals before the breakdown
 * by domain, each measure in the same order. (The stored figures come back in jsonb's key order.)
 */
const ORDER = [
  'stations',
  'operating',
  'townships',
  'coveredTownships',
  'byStatus',
  'staffing',
  // staffing.stations ranks as 'stations' above: first in its group too.
  'compliant',
  'nonCompliant',
  'notEvaluated',
  'errorRules',
  'services',
  'records',
  'beneficiaries',
  'hours',
  'volunteers',
  'byDomain',
];
const rank = (key: string) => {
  const at = ORDER.indexOf(key);
  return at === -1 ? ORDER.length : at;
};
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    // A total before its breakdown: `services.records` before `services.byDomain.…`.
    if (a.length !== b.length && (i === a.length - 1 || i === b.length - 1)) return a.length - b.length;
    return rank(x) - rank(y) || x.localeCompare(y);
  }
  return a.length - b.length;
}

/**
 * Every figure of a report as a row, each with its latest correction: the computed value is never
 * overwritten, the correction stands beside it with its reason [issue 8: 只能附理由更正].
 * @example figureRows(report).find((r) => r.path === 'services.beneficiaries')
 */
export function figureRows(report: Pick<Report, 'figures' | 'reported' | 'corrections'>): FigureRow[] {
  const all: Array<{ keys: readonly string[]; value: number }> = [];
  const { asOf: _day, ...figures } = report.figures;
  leaves(figures, [], all);
  const latest = new Map(report.corrections.map((c) => [c.path, c] as const));
  return all
    .sort((a, b) => compareKeys(a.keys, b.keys))
    .map(({ keys, value }) => {
      const path = keys.join('.');
      return {
        path,
        computed: value,
        reported: valueAt(report.reported, keys) ?? value,
        correction: latest.get(path) ?? null,
        // The service splits a path at its dots: a key with a dot in it (a rule id) cannot be named.
        correctable: !keys.some((k) => k.includes('.')),
      };
    });
}

/** The calendar day in China (UTC+8 all year), the day a submission counts for. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * The period keys a unit may draft, newest first: the current period and the `count - 1` before it
 * (`2026-Q4`, `2026-Q3`, …; `2026-H2`, `2026-H1`, …), as `reports.draft` names them.
 * @example periodKeys('quarter', '2026-12-03', 3) // ['2026-Q4', '2026-Q3', '2026-Q2']
 */
export function periodKeys(period: 'quarter' | 'half-year', today: string, count = 6): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const per = period === 'quarter' ? 4 : 2;
  const size = 12 / per;
  const label = period === 'quarter' ? 'Q' : 'H';
  let index = year * per + Math.floor((month - 1) / size);
  const out: string[] = [];
  for (let i = 0; i < count; i++, index--)
    out.push(`${Math.floor(index / per)}-${label}${(index % per) + 1}`);
  return out;
}
