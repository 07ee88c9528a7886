import { type ExportColumn, formatNumber, useI18n } from '@shegong/web';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ComplianceRow } from '../api/rollups.ts';

/** The compliance table as a sheet holds it. */
export function complianceExportColumns(
  t: ReturnType<typeof useI18n>['t'],
  regionLabelKey: string,
): ExportColumn<ComplianceRow>[] {
  return [
    { title: t('excel.regionCode'), value: (r) => r.regionCode },
    { title: t(regionLabelKey), value: (r) => r.name },
    { title: t('compliance.stations'), value: (r) => r.stations },
    { title: t('compliance.compliant'), value: (r) => r.compliant },
    { title: t('compliance.nonCompliant'), value: (r) => r.nonCompliant },
    { title: t('compliance.notEvaluatedShort'), value: (r) => r.notEvaluated },
  ];
}

/**
 * Staffing compliance of the operating stations in each child region that has any: compliant, not compliant
 * (at least one `error` finding), not evaluated yet (no staff data has arrived). Names drill down.
 */
export function ComplianceTable({
  rows,
  regionLabelKey,
  testId,
}: {
  rows: readonly ComplianceRow[];
  regionLabelKey: string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const count = (n: number, color: string) =>
    n === 0 ? '0' : <Tag color={color}>{formatNumber(n, locale)}</Tag>;
  return (
    <Table<ComplianceRow>
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
          title: t('compliance.stations'),
          dataIndex: 'stations',
          align: 'right',
          render: (n: number) => formatNumber(n, locale),
        },
        {
          title: t('compliance.compliant'),
          dataIndex: 'compliant',
          align: 'right',
          render: (n: number) => count(n, 'success'),
        },
        {
          title: t('compliance.nonCompliant'),
          dataIndex: 'nonCompliant',
          align: 'right',
          sorter: (a, b) => a.nonCompliant - b.nonCompliant,
          render: (n: number) => count(n, 'error'),
        },
        {
          title: t('compliance.notEvaluatedShort'),
          dataIndex: 'notEvaluated',
          align: 'right',
          render: (n: number) => count(n, 'default'),
        },
      ]}
    />
  );
}
