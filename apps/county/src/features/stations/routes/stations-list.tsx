import {
  CursorPager,
  DataAsOf,
  EmptyState,
  ErrorState,
  ExportExcelButton,
  LoadingState,
  STATION_STATUSES,
  type StationStatus,
  StationsTable,
  stationExportColumns,
  useCursorPages,
  useI18n,
  useRegionNames,
  useStations,
} from '@shegong/web';
import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

const PAGE_SIZE = 20;

/** `/stations`: the county's stations, a page at a time by cursor, filtered by status. */
export function StationsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<StationStatus | undefined>(undefined);
  const pages = useCursorPages();
  const { cursor } = pages;
  const stations = useStations({ limit: PAGE_SIZE, ...(status && { status }), ...(cursor && { cursor }) });
  // Every township on the page named, whichever county's it is (regions.names).
  const regionNames = useRegionNames(stations.data?.items.map((s) => s.regionCode) ?? []);

  const filter = (next: StationStatus | undefined) => {
    setStatus(next);
    pages.reset();
  };

  return (
    <Card
      title={t('stations.title')}
      extra={
        <Space>
          <Link to="/stations/new" data-testid="station-new">
            {t('stations.new')}
          </Link>
          <ExportExcelButton
            title={t('stations.title')}
            columns={stationExportColumns(t, regionNames)}
            rows={stations.data?.items ?? []}
            asOf={stations.dataUpdatedAt}
          />
          <DataAsOf at={stations.dataUpdatedAt} />
        </Space>
      }
      data-testid="stations-page"
    >
      <Typography.Paragraph type="secondary">{t('stations.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Select<StationStatus | 'all'>
          aria-label={t('stations.statusFilter')}
          style={{ width: 180 }}
          value={status ?? 'all'}
          onChange={(value) => filter(value === 'all' ? undefined : value)}
          options={[
            { value: 'all', label: t('stations.allStatuses') },
            ...STATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
      </Space>
      {stations.isPending ? (
        <LoadingState />
      ) : stations.isError ? (
        <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />
      ) : stations.data.items.length === 0 ? (
        <EmptyState title={t('stations.empty')} hint={t('stations.emptyHint')} />
      ) : (
        <>
          <StationsTable
            stations={stations.data.items}
            regionNames={regionNames}
            loading={stations.isPlaceholderData}
          />
          <CursorPager pages={pages} nextCursor={stations.data.nextCursor} />
        </>
      )}
    </Card>
  );
}
