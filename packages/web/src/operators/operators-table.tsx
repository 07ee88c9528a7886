import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { ExportColumn } from '../excel/export-button.tsx';
import type { Locale } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { OperatorFinding, OperatorView } from './api.ts';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** An operator's findings as tags: severity, rule and clause, the message on hover. */
export function OperatorFindingTags({ findings }: { findings: readonly OperatorFinding[] }) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <Tag color="green">{t('operators.compliant')}</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {findings.map((f) => (
        <Tooltip key={`${f.ruleId}-${f.citation}`} title={locale === 'en' ? f.message.en : f.message.zh}>
          <Tag color={SEVERITY_COLOR[f.severity]}>
            {t(`severity.${f.severity}`)} {f.ruleId}（{f.citation}）
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** The operators of one page: name (to the detail), credit code, rating, origin and findings. */
export function OperatorsTable({
  operators,
  loading,
}: {
  operators: readonly OperatorView[];
  loading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<OperatorView>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={[...operators]}
      columns={[
        {
          title: t('operators.name'),
          dataIndex: 'name',
          render: (name: string, o) => <Link to={`/operators/${encodeURIComponent(o.id)}`}>{name}</Link>,
        },
        {
          title: t('operators.uscc'),
          dataIndex: 'unifiedSocialCreditCode',
          render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
        },
        {
          title: t('operators.rating'),
          dataIndex: 'rating',
          render: (rating: string | null) => rating ?? t('operators.unrated'),
        },
        {
          title: t('operators.origin'),
          dataIndex: 'origin',
          render: (origin: string) => t(`operators.origin.${origin}`),
        },
        {
          title: t('operators.findings'),
          key: 'findings',
          render: (_: unknown, o) => <OperatorFindingTags findings={o.findings} />,
        },
      ]}
    />
  );
}

/** The operators table's columns for its Excel export: what the screen shows, findings as text. */
export function operatorExportColumns(
  t: (key: string) => string,
  locale: Locale,
): ReadonlyArray<ExportColumn<OperatorView>> {
  return [
    { title: t('operators.name'), value: (o) => o.name },
    { title: t('operators.uscc'), value: (o) => o.unifiedSocialCreditCode },
    { title: t('operators.authority'), value: (o) => o.registrationAuthority ?? '' },
    { title: t('operators.registeredOn'), value: (o) => o.registeredOn ?? '' },
    {
      title: t('operators.scope'),
      value: (o) => t(o.businessScopeIncludesSocialWork ? 'operators.yes' : 'operators.no'),
    },
    { title: t('operators.rating'), value: (o) => o.rating ?? t('operators.unrated') },
    { title: t('operators.origin'), value: (o) => t(`operators.origin.${o.origin}`) },
    {
      title: t('operators.findings'),
      value: (o) =>
        o.findings
          .map((f) => `${f.ruleId}（${f.citation}）${locale === 'en' ? f.message.en : f.message.zh}`)
          .join('；'),
    },
  ];
}
