import type { Report } from '@shegong/contracts';
import type { ExportLocale } from './labels.ts';
import { type FigureRow, figureRows } from './rows.ts';

/** A report exported as JSON: the report as the API answers it, plus its figures as labelled rows. */
export interface ReportJsonExport {
  format: 'shegong.report-export.v1';
  exportedAt: string;
  locale: ExportLocale;
  report: Report;
  rows: FigureRow[];
}

export function reportJson(
  report: Report,
  options: { locale?: ExportLocale; exportedAt?: Date } = {},
): ReportJsonExport {
  const locale = options.locale ?? 'zh-CN';
  return {
    format: 'shegong.report-export.v1',
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    locale,
    report,
    rows: figureRows(report, locale),
  };
}
