import { DownloadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth.tsx';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useRegionNames } from '../regions.ts';
import { downloadBlob, writeTableWorkbook } from './workbook.ts';

/** One column of an exported table: its header and each row's value as the sheet should hold it. */
export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | null | undefined;
}

/**
 * "导出 Excel" for a table: writes exactly the rows given — the ones the server returned for this user,
 * nothing fetched or filtered here — under a title row, the unit (the signed-in jurisdiction unless
 * given), the period if any and when the data was fetched ("data as of").
 * @example <ExportExcelButton title="本辖区社工站" columns={cols} rows={page.items} asOf={query.dataUpdatedAt} />
 */
export function ExportExcelButton<T>({
  title,
  columns,
  rows,
  asOf,
  period,
  unit,
  fileName,
}: {
  title: string;
  columns: ReadonlyArray<ExportColumn<T>>;
  rows: readonly T[];
  /** When the rows were fetched (TanStack Query's `dataUpdatedAt`). */
  asOf: number;
  /** The period the figures are for (`2026-10`), if the table has one. */
  period?: string;
  /** Whose data it is; default the signed-in user's jurisdiction, named. */
  unit?: string;
  /** Without `.xlsx`; default the title and the day. */
  fileName?: string;
}) {
  const { t, locale } = useI18n();
  const { session } = useAuth();
  const regionCode = session?.principal.regionCode;
  const regionName = useRegionNames([regionCode]).get(regionCode ?? '');
  const [busy, setBusy] = useState(false);
  const ownUnit = regionName ? `${regionName}（${regionCode}）` : (regionCode ?? '');

  const exportRows = async () => {
    setBusy(true);
    try {
      const blob = await writeTableWorkbook({
        title,
        meta: [
          [t('excel.unit'), unit ?? ownUnit],
          ...(period ? [[t('excel.period'), period] as const] : []),
          [t('excel.asOf'), formatDateTime(asOf || Date.now(), locale)],
          [t('excel.rows'), String(rows.length)],
        ],
        headers: columns.map((c) => c.title),
        rows: rows.map((row) => columns.map((c) => c.value(row))),
      });
      const day = new Date(asOf || Date.now()).toISOString().slice(0, 10);
      downloadBlob(blob, `${fileName ?? `${title}-${day}`}.xlsx`);
    } catch {
      void message.error(t('excel.exportFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={rows.length === 0}
      onClick={() => void exportRows()}
      data-testid="export-excel"
    >
      {busy ? t('excel.exporting') : t('excel.export')}
    </Button>
  );
}
