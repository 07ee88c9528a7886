import { Alert, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n.tsx';
import { EmptyState } from '../states.tsx';
import type { Finding, StationCompliance } from './api.ts';

const SEVERITY_COLORS: Record<Finding['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The station's staffing findings, most severe first, each with its message and the clause it cites. */
export function ComplianceFindings({ compliance }: { compliance: StationCompliance }) {
  const { t, locale } = useI18n();
  const findings = [...compliance.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return (
    <>
      <Alert
        showIcon
        type={compliance.compliant === null ? 'info' : compliance.compliant ? 'success' : 'error'}
        title={t(
          compliance.compliant === null
            ? 'compliance.notEvaluated'
            : compliance.compliant
              ? 'compliance.compliant'
              : 'compliance.nonCompliant',
        )}
        description={t('compliance.profile', {
          profile: compliance.profile ?? '—',
          asOf: compliance.asOf ?? '—',
        })}
        style={{ marginBottom: 16 }}
      />
      {findings.length === 0 ? (
        <EmptyState title={t('compliance.none')} hint={t('compliance.noneHint')} />
      ) : (
        <Table<Finding>
          rowKey={(f) => `${f.ruleId}:${f.subject.id}`}
          size="small"
          pagination={false}
          dataSource={findings}
          columns={[
            {
              title: t('compliance.severity'),
              dataIndex: 'severity',
              width: 90,
              render: (s: Finding['severity']) => <Tag color={SEVERITY_COLORS[s]}>{t(`severity.${s}`)}</Tag>,
            },
            {
              title: t('compliance.message'),
              key: 'message',
              render: (_: unknown, f) => (locale === 'en' ? f.message.en : f.message.zh),
            },
            {
              title: t('compliance.rule'),
              dataIndex: 'ruleId',
              render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
            },
            { title: t('compliance.citation'), dataIndex: 'citation', width: 110 },
          ]}
        />
      )}
    </>
  );
}
