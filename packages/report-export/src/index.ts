/**
 * @shegong/report-export: a periodic report (`@shegong/contracts`' `Report`) as the XLSX sheet a civil
 * affairs clerk files — title row, unit, period, due day and status, every figure computed by the hub
 * beside the reported value with the reason of each correction, narrative, submitted-by and signed-off-by —
 * and as JSON with the same labelled rows. zh-CN first, English on request.
 */
export { type ReportJsonExport, reportJson } from './json.ts';
export { type ExportLocale, figureLabel, periodLabel, statusLabel } from './labels.ts';
export { type FigureRow, figureRows } from './rows.ts';
export { type ReportSheetOptions, reportFileName, reportWorkbook, reportXlsx } from './workbook.ts';
