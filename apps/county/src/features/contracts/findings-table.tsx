import { type Finding, useI18n } from '@shegong/web';
import { Table, Tag } from 'antd';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings as funding stated them: severity, rule, message in the UI's language, clause. */
export function FindingsTable({ findings }: { findings: readonly Finding[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<Finding>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.ruleId}-${f.subject.kind}-${f.subject.id}-${f.message.zh}`}
      dataSource={[...findings]}
      locale={{ emptyText: t('compliance.none') }}
      data-testid="contract-findings"
      columns={[
        {
          title: t('compliance.severity'),
          dataIndex: 'severity',
          render: (s: Finding['severity']) => <Tag color={SEVERITY_COLOR[s]}>{t(`severity.${s}`)}</Tag>,
        },
        { title: t('compliance.rule'), dataIndex: 'ruleId', render: (id: string) => <code>{id}</code> },
        {
          title: t('compliance.message'),
          key: 'message',
          render: (_: unknown, f) => (locale === 'en' ? f.message.en : f.message.zh),
        },
        { title: t('compliance.citation'), dataIndex: 'citation' },
      ]}
    />
  );
}
