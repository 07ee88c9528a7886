import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import type { Station } from './api.ts';
import { StationStatusTag } from './station-status-tag.tsx';

/** The stations of one page: name (to the detail), township code with its name, type, status, signage. */
export function StationsTable({
  stations,
  regionNames,
  loading,
}: {
  stations: readonly Station[];
  regionNames: Map<string, string>;
  loading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<Station>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={[...stations]}
      columns={[
        {
          title: t('stations.name'),
          dataIndex: 'name',
          render: (name: string, station) => <Link to={`/stations/${station.id}`}>{name}</Link>,
        },
        {
          title: t('stations.township'),
          dataIndex: 'regionCode',
          render: (code: string) => (
            <span>
              <Typography.Text code>{code}</Typography.Text> {regionNames.get(code) ?? ''}
            </span>
          ),
        },
        { title: t('stations.type'), dataIndex: 'type', render: (type: string) => t(`type.${type}`) },
        {
          title: t('stations.status'),
          dataIndex: 'status',
          render: (status: Station['status']) => <StationStatusTag status={status} />,
        },
        { title: t('stations.signage'), dataIndex: 'signageName' },
      ]}
    />
  );
}
