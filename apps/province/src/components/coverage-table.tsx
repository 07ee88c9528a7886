import { type ExportColumn, formatNumber, formatPercent, useI18n } from '@shegong/web';
import { Progress, Table } from 'antd';
import { Link } from 'react-router';
import type { CoverageRow } from '../api/rollups.ts';

type T = ReturnType<typeof useI18n>['t'];

/** The coverage table as a sheet holds it: code and name apart, the share as a fraction (format as %). */
export function coverageExportColumns(t: T, regionLabelKey: string): ExportColumn<CoverageRow>[] {
  return [
    { title: t('excel.regionCode'), value: (r) => r.regionCode },
    { title: t(regionLabelKey), value: (r) => r.name },
    { title: t('coverage.operatingStations'), value: (r) => r.operatingStations },
    { title: t('coverage.coveredTownships'), value: (r) => r.coveredTownships },
    { title: t('coverage.townships'), value: (r) => r.townships },
    { title: t('coverage.share'), value: (r) => r.coverage },
  ];
}

/**
 * Coverage of each child region (a province's cities, a city's counties): operating stations, townships
 * covered by an operating township station out of all townships, and that share — the target is one
 * station per township [ZZ §1.3, PY §1.2]. Each name drills down to the region.
 */
export function CoverageTable({
  rows,
  regionLabelKey,
  testId,
}: {
  rows: readonly CoverageRow[];
  /** The column header for the rows' level: `region.city` or `region.county`. */
  regionLabelKey: string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<CoverageRow>
      data-testid={testId}
      rowKey="regionCode"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      columns={[
        {
          title: t(regionLabelKey),
          dataIndex: 'name',
          render: (name: string, row) => <Link to={`/regions/${row.regionCode}`}>{name}</Link>,
        },
        {
          title: t('coverage.operatingStations'),
          dataIndex: 'operatingStations',
          align: 'right',
          sorter: (a, b) => a.operatingStations - b.operatingStations,
          render: (n: number) => formatNumber(n, locale),
        },
        {
          title: t('coverage.coveredOfTownships'),
          key: 'townships',
          align: 'right',
          render: (_: unknown, row) =>
            `${formatNumber(row.coveredTownships, locale)} / ${formatNumber(row.townships, locale)}`,
        },
        {
          title: t('coverage.share'),
          dataIndex: 'coverage',
          width: 200,
          sorter: (a, b) => a.coverage - b.coverage,
          render: (share: number, row) => (
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <span style={{ minWidth: 56, textAlign: 'right' }}>{formatPercent(share, locale)}</span>
              <Progress
                aria-label={`${row.name} ${t('coverage.share')}`}
                percent={share * 100}
                showInfo={false}
                size="small"
                style={{ margin: 0, flex: 1 }}
              />
            </span>
          ),
        },
      ]}
    />
  );
}
