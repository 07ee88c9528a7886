import { Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { itemName, populationLabel, useCatalog, usePopulations } from '../catalog/api.ts';
import { DataAsOf } from '../data-as-of.tsx';
import { type ExportColumn, ExportExcelButton } from '../excel/export-button.tsx';
import { formatDate, formatNumber, type Locale } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { EmptyState, ErrorState, LoadingState } from '../states.tsx';
import { CursorPager, useCursorPages } from '../stations/cursor-pages.tsx';
import { type ServiceRecordRow, useServiceRecords } from './api.ts';

/** The last `count` calendar months up to `today`'s, newest first (`2026-12`, `2026-11`, …). */
export function recentMonths(today: Date, count = 12): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** How a record's codes read: its catalog item's name, its kind and its populations in the locale. */
export interface RecordLabels {
  /** `1.3 资源链接`, or the catalog and ref (`zz-2021 1.3`) while the catalog loads or lacks the ref. */
  item: (r: ServiceRecordRow) => string;
  kind: (r: ServiceRecordRow) => string;
  populations: (r: ServiceRecordRow) => string;
}

/** The labels of the records shown, from the published catalogs and populations the gateway serves. */
function useRecordLabels(records: readonly ServiceRecordRow[] | undefined): RecordLabels {
  const { t, locale } = useI18n();
  // A station's records name one catalog (its city's); the first record's is the one to load.
  const catalog = useCatalog(records?.[0]?.catalogId);
  const populations = usePopulations();
  return {
    item: (r) => {
      const name = r.catalogId === catalog.data?.id ? itemName(catalog.data, r.itemRef) : undefined;
      return name === undefined ? `${r.catalogId} ${r.itemRef}` : `${r.itemRef} ${name}`;
    },
    kind: (r) => t(`records.kind.${r.kind}`),
    populations: (r) =>
      r.populations.length === 0
        ? '—'
        : r.populations.map((code) => populationLabel(populations.data, code, locale)).join('、'),
  };
}

/** The records table's columns for its Excel export, as the screen shows them. */
export function recordExportColumns(
  t: (key: string) => string,
  labels: RecordLabels,
): ReadonlyArray<ExportColumn<ServiceRecordRow>> {
  return [
    { title: t('records.date'), value: (r) => r.date },
    { title: t('records.item'), value: labels.item },
    { title: t('records.kind'), value: labels.kind },
    { title: t('records.populations'), value: labels.populations },
    { title: t('records.beneficiaries'), value: (r) => r.beneficiaries },
    { title: t('records.hours'), value: (r) => r.hours },
    { title: t('records.volunteers'), value: (r) => r.volunteers },
  ];
}

/**
 * 服务记录: one station's service records as the server returns them, a page at a time, with a month filter
 * and an Excel export of the page shown.
 */
export function StationRecords({ stationId, stationName }: { stationId: string; stationName: string }) {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const pages = useCursorPages();
  const records = useServiceRecords({
    stationId,
    ...(month !== undefined && { month }),
    ...(pages.cursor !== undefined && { cursor: pages.cursor }),
  });
  const labels = useRecordLabels(records.data?.items);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="records">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <label htmlFor="records-month">{t('records.month')}</label>
          <Select
            id="records-month"
            aria-label={t('records.month')}
            style={{ width: 160 }}
            value={month ?? ''}
            onChange={(value: string) => {
              setMonth(value === '' ? undefined : value);
              pages.reset();
            }}
            options={[
              { value: '', label: t('records.allMonths') },
              ...recentMonths(new Date()).map((m) => ({ value: m, label: m })),
            ]}
          />
        </Space>
        <Space>
          <ExportExcelButton
            title={`${stationName} ${t('records.title')}`}
            unit={`${stationName}（${stationId}）`}
            columns={recordExportColumns(t, labels)}
            rows={records.data?.items ?? []}
            asOf={records.dataUpdatedAt}
            {...(month !== undefined && { period: month })}
          />
          <DataAsOf at={records.dataUpdatedAt} />
        </Space>
      </Space>
      <Typography.Text type="secondary">{t('records.hint')}</Typography.Text>
      {records.isPending ? (
        <LoadingState />
      ) : records.isError ? (
        <ErrorState error={records.error} onRetry={() => void records.refetch()} />
      ) : records.data.items.length === 0 ? (
        <EmptyState title={t('records.empty')} hint={t('records.emptyHint')} />
      ) : (
        <>
          <RecordsTable
            records={records.data.items}
            loading={records.isFetching}
            locale={locale}
            labels={labels}
          />
          <CursorPager pages={pages} nextCursor={records.data.nextCursor} />
        </>
      )}
    </Space>
  );
}

function RecordsTable({
  records,
  loading,
  locale,
  labels,
}: {
  records: readonly ServiceRecordRow[];
  loading: boolean;
  locale: Locale;
  labels: RecordLabels;
}) {
  const { t } = useI18n();
  return (
    <Table<ServiceRecordRow>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={[...records]}
      columns={[
        { title: t('records.date'), dataIndex: 'date', render: (d: string) => formatDate(d, locale) },
        {
          title: t('records.item'),
          key: 'item',
          // The name shows; the codes the record carries are on hover.
          render: (_: unknown, r) => <span title={`${r.catalogId} ${r.itemRef}`}>{labels.item(r)}</span>,
        },
        { title: t('records.kind'), key: 'kind', render: (_: unknown, r) => labels.kind(r) },
        {
          title: t('records.populations'),
          key: 'populations',
          render: (_: unknown, r) => <span title={r.populations.join(', ')}>{labels.populations(r)}</span>,
        },
        {
          title: t('records.beneficiaries'),
          dataIndex: 'beneficiaries',
          align: 'right',
          render: (n: number) => formatNumber(n, locale),
        },
        {
          title: t('records.hours'),
          dataIndex: 'hours',
          align: 'right',
          render: (n: number) => formatNumber(n, locale),
        },
        {
          title: t('records.volunteers'),
          dataIndex: 'volunteers',
          align: 'right',
          render: (n: number) => formatNumber(n, locale),
        },
      ]}
    />
  );
}
