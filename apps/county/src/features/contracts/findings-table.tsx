import { type Finding, useI18n } from '@shegong/web';
import { Table, Tag, Typography } from 'antd';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings as funding stated them: severity, rule, message in the UI's language, clause. */
export function FindingsTable({
  findings,
  testId = 'contract-findings',
}: {
  findings: readonly Finding[];
  testId?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<Finding>
      size="small"
      pagination={false}
      rowKey={(f) => `${f.ruleId}-${f.subject.kind}-${f.subject.id}-${f.message.zh}`}
      dataSource={[...findings]}
      // Body text, not Ant Design's placeholder grey: "none found" is an answer, and must be legible (AA).
      locale={{ emptyText: <Typography.Text>{t('compliance.none')}</Typography.Text> }}
      data-testid={testId}
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
