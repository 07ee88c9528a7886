import { type ExportColumn, formatNumber, useI18n } from '@shegong/web';
import { Table } from 'antd';
import type { ServiceRollup } from '../../../api/rollups.ts';

type Row = ServiceRollup['rows'][number];

/** The services table as a sheet holds it: the domain's name and code, the four counts. */
export function servicesExportColumns(t: ReturnType<typeof useI18n>['t']): ExportColumn<Row>[] {
  const label = (domain: string | null | undefined) => {
    const key = `domain.${domain}`;
    return t(key) === key ? (domain ?? '') : t(key);
  };
  return [
    { title: t('services.domain'), value: (r) => label(r.domain) },
    { title: 'domain', value: (r) => r.domain },
    { title: t('services.records'), value: (r) => r.records },
    { title: t('services.beneficiaries'), value: (r) => r.beneficiaries },
    { title: t('services.hours'), value: (r) => r.hours },
    { title: t('services.volunteers'), value: (r) => r.volunteers },
  ];
}

/**
 * A month's service records by canonical domain (the crosswalk maps every city's catalog items onto it):
 * records, people served, hours, volunteers. A record in two domains counts in both rows.
 */
export function ServicesTable({ rollup }: { rollup: ServiceRollup }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Table<Row>
      data-testid="services-table"
      rowKey={(r) => r.domain ?? ''}
      size="small"
      pagination={false}
      dataSource={[...rollup.rows].sort((a, b) => b.records - a.records)}
      columns={[
        {
          title: t('services.domain'),
          dataIndex: 'domain',
          render: (domain: string) => {
            const key = `domain.${domain}`;
            const label = t(key);
            return label === key ? domain : label;
          },
        },
        { title: t('services.records'), dataIndex: 'records', align: 'right', render: n },
        { title: t('services.beneficiaries'), dataIndex: 'beneficiaries', align: 'right', render: n },
        { title: t('services.hours'), dataIndex: 'hours', align: 'right', render: n },
        { title: t('services.volunteers'), dataIndex: 'volunteers', align: 'right', render: n },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('services.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {n(rollup.totals.records)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {n(rollup.totals.beneficiaries)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {n(rollup.totals.hours)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {n(rollup.totals.volunteers)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
