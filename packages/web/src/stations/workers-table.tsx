import { Space, Table, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useMaySeePii, WorkerReveal } from '../pii/worker-reveal.tsx';
import { EmptyState } from '../states.tsx';
import type { Finding, StationWorker } from './api.ts';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/**
 * The station's resident workers; ID numbers and phones exactly as the server masked them. With
 * `findings` (the station's staffing findings), each worker's own are shown beside their qualification
 * (rule id and clause, the message on hover); `action` adds a last column (an edit link).
 */
export function WorkersTable({
  workers,
  findings,
  action,
}: {
  workers: readonly StationWorker[];
  findings?: readonly Finding[];
  action?: (worker: StationWorker) => ReactNode;
}) {
  const { t, locale } = useI18n();
  // 查看 is offered only under the PII grant; the gateway enforces it and audits each reveal.
  const maySeePii = useMaySeePii();
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
        ...(maySeePii
          ? [
              {
                title: t('workers.reveal'),
                key: 'reveal',
                render: (_: unknown, w: StationWorker) => (
                  <WorkerReveal workerId={w.id} workerName={w.name ?? w.id} />
                ),
              },
            ]
          : []),
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
        ...(findings
          ? [
              {
                title: t('workers.findings'),
                key: 'findings',
                render: (_: unknown, w: StationWorker) => {
                  const own = findings.filter((f) => f.subject.kind === 'worker' && f.subject.id === w.id);
                  if (own.length === 0) return <Tag color="green">{t('compliance.compliant')}</Tag>;
                  return (
                    <Space size={[4, 4]} wrap data-testid={`worker-findings-${w.id}`}>
                      {own.map((f) => (
                        <Tooltip
                          key={`${f.ruleId}-${f.citation}`}
                          title={locale === 'en' ? f.message.en : f.message.zh}
                        >
                          <Tag color={SEVERITY_COLOR[f.severity]}>
                            {t(`severity.${f.severity}`)} {f.ruleId}（{f.citation}）
                          </Tag>
                        </Tooltip>
                      ))}
                    </Space>
                  );
                },
              },
            ]
          : []),
        ...(action
          ? [
              {
                title: t('workers.actions'),
                key: 'action',
                render: (_: unknown, w: StationWorker) => action(w),
              },
            ]
          : []),
      ]}
    />
  );
}
