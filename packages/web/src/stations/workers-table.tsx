import { Table } from 'antd';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { EmptyState } from '../states.tsx';
import type { StationWorker } from './api.ts';

/** The station's resident workers; ID numbers and phones exactly as the server masked them. */
export function WorkersTable({ workers }: { workers: readonly StationWorker[] }) {
  const { t, locale } = useI18n();
  if (workers.length === 0) return <EmptyState title={t('workers.empty')} hint={t('workers.emptyHint')} />;
  return (
    <Table<StationWorker>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...workers]}
      columns={[
        { title: t('workers.name'), dataIndex: 'name' },
        { title: t('workers.role'), dataIndex: 'role', render: (role: string) => t(`workers.role.${role}`) },
        {
          title: t('workers.fullTime'),
          dataIndex: 'fullTime',
          render: (fullTime: boolean) => t(fullTime ? 'workers.yes' : 'workers.no'),
        },
        {
          title: t('workers.idNumber'),
          dataIndex: 'idNumberMasked',
          render: (id: string) => <code>{id}</code>,
        },
        { title: t('workers.phone'), dataIndex: 'phoneMasked', render: (p?: string) => p ?? '—' },
        {
          title: t('workers.appointedOn'),
          dataIndex: 'appointedOn',
          render: (day: string) => formatDate(day, locale),
        },
        { title: t('workers.education'), dataIndex: 'education', render: (e: string) => t(`education.${e}`) },
        {
          title: t('workers.certificate'),
          key: 'certificate',
          render: (_: unknown, w) =>
            t(w.certificate ? `certificate.${w.certificate.level}` : 'certificate.none'),
        },
      ]}
    />
  );
}
