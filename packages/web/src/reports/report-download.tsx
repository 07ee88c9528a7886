import { DownloadOutlined } from '@ant-design/icons';
import { Button, message, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { readSession } from '../session.ts';
import type { Report } from './api.ts';

/** The file name the gateway gives the download (RFC 6266 `filename*`), else a plain fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the report as the gateway exports it (`GET /api/v1/reports/{unit}/{id}/export`): the XLSX
 * sheet a clerk files (title row, unit, period, computed beside reported with each correction's reason,
 * signed-off-by) or JSON, in the console's language. The same export a city system gets over REST.
 */
export function ReportDownload({ report }: { report: Report }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState<'xlsx' | 'json' | null>(null);

  const download = async (format: 'xlsx' | 'json') => {
    setBusy(format);
    try {
      const token = readSession()?.token;
      const path = `/api/v1/reports/${encodeURIComponent(report.unitRegionCode)}/${encodeURIComponent(report.id)}/export`;
      const response = await fetch(`${path}?format=${format}&locale=${locale === 'en' ? 'en' : 'zh-CN'}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) throw new Error(`${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response.headers.get('content-disposition'), `${report.id}.${format}`);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      void message.error(t('report.download.failed', { reason: (error as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size="small" data-testid="report-download">
      <Button
        size="small"
        icon={<DownloadOutlined />}
        loading={busy === 'xlsx'}
        onClick={() => void download('xlsx')}
      >
        {t('report.download.xlsx')}
      </Button>
      <Button size="small" loading={busy === 'json'} onClick={() => void download('json')}>
        {t('report.download.json')}
      </Button>
    </Space>
  );
}
