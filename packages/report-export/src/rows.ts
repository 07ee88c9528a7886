import type { Report, ReportCorrection, ReportFigures } from '@shegong/contracts';
import { type ExportLocale, figureLabel, sectionLabel } from './labels.ts';

/** One figure of a report as a sheet shows it: the computed value beside the reported one. */
export interface FigureRow {
  section: string;
  /** The dotted path a correction names: `services.beneficiaries`. */
  path: string;
  label: string;
  computed: number;
  reported: number;
  /** The correction in force for this path, if any. */
  correction: ReportCorrection | null;
}

/** Every numeric leaf of the figures, depth first, in the figures' own key order. */
function leaves(node: unknown, prefix: string, out: Array<[string, number]>): void {
  if (typeof node === 'number') {
    out.push([prefix, node]);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) leaves(value, prefix ? `${prefix}.${key}` : key, out);
}

/**
 * The figures of a report as rows, section by section (stations, staffing, services), each with the
 * computed value, the reported one and the correction that changed it. `asOf` is a date, not a figure.
 * @example figureRows(report, 'zh-CN')[0] // { section: '站点建设', path: 'stations.operating', label: '运营站点数（个）', … }
 */
export function figureRows(report: Report, locale: ExportLocale): FigureRow[] {
  const computed: Array<[string, number]> = [];
  const { asOf: _asOf, ...figures } = report.figures;
  leaves(figures satisfies Omit<ReportFigures, 'asOf'>, '', computed);
  const reported = new Map<string, number>();
  const { asOf: _reportedAsOf, ...reportedFigures } = report.reported;
  const reportedLeaves: Array<[string, number]> = [];
  leaves(reportedFigures, '', reportedLeaves);
  for (const [path, value] of reportedLeaves) reported.set(path, value);
  // The latest correction of a path is the one in force (a path corrected again replaces the earlier one).
  const corrections = new Map(report.corrections.map((c) => [c.path, c]));
  return computed.map(([path, value]) => ({
    section: sectionLabel(path.split('.')[0] ?? '', locale),
    path,
    label: figureLabel(path, locale),
    computed: value,
    reported: reported.get(path) ?? value,
    correction: corrections.get(path) ?? null,
  }));
}
