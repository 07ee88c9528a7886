import {
  DataAsOf,
  ErrorState,
  type ExportColumn,
  ExportExcelButton,
  formatNumber,
  formatPercent,
  LoadingState,
  useHubQuery,
  useI18n,
} from '@shegong/web';
import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useProvinces } from '../../../api/provinces.ts';

interface ProvinceRow {
  regionCode: string;
  name: string;
  operatingStations: number;
  coveredTownships: number;
  townships: number;
  coverage: number;
  compliant: number;
  nonCompliant: number;
  notEvaluated: number;
}

/** The comparison as a sheet holds it: header key → value. */
const COMPARE_EXPORT: ReadonlyArray<readonly [string, ExportColumn<ProvinceRow>['value']]> = [
  ['excel.regionCode', (r) => r.regionCode],
  ['region.province', (r) => r.name],
  ['coverage.operatingStations', (r) => r.operatingStations],
  ['coverage.coveredTownships', (r) => r.coveredTownships],
  ['coverage.townships', (r) => r.townships],
  ['coverage.share', (r) => r.coverage],
  ['compliance.compliant', (r) => r.compliant],
  ['compliance.nonCompliant', (r) => r.nonCompliant],
  ['compliance.notEvaluatedShort', (r) => r.notEvaluated],
];

/**
 * `/compare`: the provinces a cross-province grant reads (the ministry's Henan, Hubei, Hebei) side by side:
 * coverage and staffing compliance of each, from the same rollups as each province's dashboard (one
 * batched request). Read-only, as the grant is.
 */
export function ComparePage() {
  const { t, locale } = useI18n();
  const provinces = useProvinces();
  const rows = useHubQuery(['province-comparison', { provinces }], (hub) =>
    Promise.all(
      provinces.map(async (regionCode): Promise<ProvinceRow> => {
        const [coverage, compliance] = await Promise.all([
          hub.reporting.rollups.coverage.query({ regionCode }),
          hub.reporting.compliance.summary.query({ regionCode }),
        ]);
        return {
          regionCode,
          name: coverage.name,
          operatingStations: coverage.operatingStations,
          coveredTownships: coverage.coveredTownships,
          townships: coverage.townships,
          coverage: coverage.coverage,
          compliant: compliance.compliant,
          nonCompliant: compliance.nonCompliant,
          notEvaluated: compliance.notEvaluated,
        };
      }),
    ),
  );
  const n = (v: number) => formatNumber(v, locale);

  return (
    <Card
      title={t('compare.title')}
      extra={
        <Space>
          <ExportExcelButton
            title={t('compare.title')}
            columns={COMPARE_EXPORT.map(([key, value]) => ({ title: t(key), value }))}
            rows={rows.data ?? []}
            asOf={rows.dataUpdatedAt}
          />
          <DataAsOf at={rows.dataUpdatedAt} />
        </Space>
      }
      data-testid="compare"
    >
      <Typography.Paragraph type="secondary">{t('compare.hint')}</Typography.Paragraph>
      {rows.isPending ? (
        <LoadingState />
      ) : rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />
      ) : (
        <Table<ProvinceRow>
          data-testid="compare-table"
          rowKey="regionCode"
          size="middle"
          pagination={false}
          dataSource={rows.data}
          columns={[
            {
              title: t('region.province'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/dashboard/${row.regionCode}`}>{name}</Link>,
            },
            {
              title: t('coverage.operatingStations'),
              dataIndex: 'operatingStations',
              align: 'right',
              render: n,
            },
            {
              title: t('coverage.coveredOfTownships'),
              key: 'townships',
              align: 'right',
              render: (_: unknown, r) => `${n(r.coveredTownships)} / ${n(r.townships)}`,
            },
            {
              title: t('coverage.share'),
              dataIndex: 'coverage',
              align: 'right',
              render: (share: number) => formatPercent(share, locale),
            },
            { title: t('compliance.compliant'), dataIndex: 'compliant', align: 'right', render: n },
            { title: t('compliance.nonCompliant'), dataIndex: 'nonCompliant', align: 'right', render: n },
            {
              title: t('compliance.notEvaluatedShort'),
              dataIndex: 'notEvaluated',
              align: 'right',
              render: n,
            },
          ]}
        />
      )}
    </Card>
  );
}
