import type { Report } from '@shegong/contracts';
import ExcelJS from 'exceljs';
import { type ExportLocale, periodLabel, statusLabel, WORDS } from './labels.ts';
import { figureRows } from './rows.ts';

export interface ReportSheetOptions {
  locale?: ExportLocale;
  /** When the sheet was made (defaults to now); printed at its foot. */
  exportedAt?: Date;
}

const COLUMNS = 5;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A timestamp as a clerk in China reads it: `2023-04-12 10:30` (UTC+8 all year). */
function chinaTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A report as the sheet a county or city clerk files: a merged title row (unit, period, report title),
 * the unit, period, due day and status, one row per figure with the hub's computed value beside the
 * reported one and the reason of any correction, the narrative, then who submitted and who signed it
 * off, and the day the data is as of.
 * @example const book = reportWorkbook(report, { locale: 'zh-CN' }); await book.xlsx.writeFile('report.xlsx');
 */
export function reportWorkbook(report: Report, options: ReportSheetOptions = {}): ExcelJS.Workbook {
  const locale = options.locale ?? 'zh-CN';
  const w = (key: keyof typeof WORDS) => WORDS[key][locale];
  const period = periodLabel(report.period.key, locale);
  const comma = locale === 'zh-CN' ? '，' : ', ';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const book = new ExcelJS.Workbook();
  book.creator = 'Shegong Hub';
  book.title = `${report.unitName}${period}${report.title}`;
  const sheet = book.addWorksheet(locale === 'zh-CN' ? '报表' : 'Report', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 14 }, { width: 44 }, { width: 16 }, { width: 16 }, { width: 40 }];

  const merged = (text: string, options: { bold?: boolean; size?: number; center?: boolean } = {}) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, COLUMNS);
    const cell = row.getCell(1);
    cell.font = { bold: options.bold ?? false, size: options.size ?? 11 };
    cell.alignment = {
      horizontal: options.center ? 'center' : 'left',
      vertical: 'middle',
      wrapText: true,
    };
    return row;
  };
  const pair = (a: string, b: string, c: string, d: string) => {
    const row = sheet.addRow([a, b, c, d]);
    sheet.mergeCells(row.number, 4, row.number, COLUMNS);
    row.getCell(1).font = { bold: true };
    row.getCell(3).font = { bold: true };
    return row;
  };

  merged(book.title, { bold: true, size: 16, center: true }).height = 30;
  pair(
    w('unit'),
    `${report.unitName}（${report.unitRegionCode}）`,
    w('period'),
    `${period}（${report.period.start} — ${report.period.end}）`,
  );
  const timeliness = report.timeliness
    ? report.timeliness.status === 'on-time'
      ? w('onTime')
      : w('late').replace('{days}', String(report.timeliness.daysLate))
    : '';
  pair(
    w('dueOn'),
    report.dueOn,
    w('status'),
    [statusLabel(report.status, locale), timeliness].filter(Boolean).join(comma),
  );
  sheet.addRow([]);

  const header = sheet.addRow([w('section'), w('figure'), w('computed'), w('reported'), w('correction')]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = BORDER;
  });
  for (const figure of figureRows(report, locale)) {
    const reason = figure.correction
      ? `${figure.correction.reason}${
          figure.correction.by
            ? locale === 'zh-CN'
              ? `（${figure.correction.by}，${chinaTime(figure.correction.at)}）`
              : ` (${figure.correction.by}, ${chinaTime(figure.correction.at)})`
            : ''
        }`
      : null;
    const row = sheet.addRow([figure.section, figure.label, figure.computed, figure.reported, reason]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
    for (const col of [3, 4])
      row.getCell(col).numFmt = Number.isInteger(figure.computed) ? '#,##0' : '#,##0.00';
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    // A corrected figure stands out, so a reviewer sees at once what the unit changed.
    if (figure.correction) row.getCell(4).font = { bold: true, color: { argb: 'FFC00000' } };
  }
  sheet.addRow([]);

  merged(`${w('narrative')}${colon}${report.narrative?.trim() || w('none')}`).height = 48;
  if (report.status === 'returned' && report.returnReason)
    merged(`${w('returned')}${colon}${report.returnReason}`);
  sheet.addRow([]);
  pair(w('submittedBy'), report.submittedBy ?? '', w('submittedOn'), report.submittedOn ?? '');
  pair(
    w('approvedBy'),
    report.approvedBy ?? '',
    w('approvedAt'),
    report.approvedAt ? chinaTime(report.approvedAt) : '',
  );
  if (report.acceptedAt) {
    pair(w('acceptedBy'), report.acceptedBy ?? '', w('acceptedAt'), chinaTime(report.acceptedAt));
  }
  pair(
    w('asOf'),
    report.figures.asOf,
    w('exportedAt'),
    chinaTime((options.exportedAt ?? new Date()).toISOString()),
  );
  merged(w('source'), { size: 9 });
  return book;
}

/** The report's sheet as XLSX bytes, for a download or an HTTP answer. */
export async function reportXlsx(report: Report, options: ReportSheetOptions = {}): Promise<Uint8Array> {
  const buffer = await reportWorkbook(report, options).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The file name a clerk would give the sheet: unit, period and title.
 * @example reportFileName(report, 'xlsx') // '金水区-2023年第一季度-项目实施情况报告（季度）.xlsx'
 */
export function reportFileName(
  report: Report,
  extension: 'xlsx' | 'json',
  locale: ExportLocale = 'zh-CN',
): string {
  const name = `${report.unitName}-${periodLabel(report.period.key, locale)}-${report.title}`;
  // Characters no file system takes, control characters included.
  const safe = [...name].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return `${safe}.${extension}`;
}
