import { Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DataAsOf } from '../data-as-of.tsx';
import { ExportExcelButton } from '../excel/export-button.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { EmptyState, ErrorState, LoadingState } from '../states.tsx';
import { CursorPager, useCursorPages } from '../stations/cursor-pages.tsx';
import { useOperator, useOperators } from './api.ts';
import { OperatorFindingTags, OperatorsTable, operatorExportColumns } from './operators-table.tsx';

/** 承接主体: the operators the gateway returns, a page at a time, with their findings and an Excel export. */
export function OperatorsList() {
  const { t, locale } = useI18n();
  const pages = useCursorPages();
  const operators = useOperators(pages.cursor === undefined ? {} : { cursor: pages.cursor });
  return (
    <Card
      title={t('operators.title')}
      data-testid="operators-page"
      extra={
        <Space>
          <ExportExcelButton
            title={t('operators.title')}
            columns={operatorExportColumns(t, locale)}
            rows={operators.data?.items ?? []}
            asOf={operators.dataUpdatedAt}
          />
          <DataAsOf at={operators.dataUpdatedAt} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('operators.hint')}</Typography.Paragraph>
      {operators.isPending ? (
        <LoadingState />
      ) : operators.isError ? (
        <ErrorState error={operators.error} onRetry={() => void operators.refetch()} />
      ) : operators.data.items.length === 0 ? (
        <EmptyState title={t('operators.empty')} hint={t('operators.emptyHint')} />
      ) : (
        <>
          <OperatorsTable operators={operators.data.items} loading={operators.isFetching} />
          <CursorPager pages={pages} nextCursor={operators.data.nextCursor} />
        </>
      )}
    </Card>
  );
}

/** One operator: registration, business scope, rating and origin, and its findings with their clauses. */
export function OperatorDetail({ operatorId, back }: { operatorId: string; back: ReactNode }) {
  const { t, locale } = useI18n();
  const operator = useOperator(operatorId);
  if (operator.isPending) return <LoadingState />;
  if (operator.isError)
    return (
      <Card>
        <ErrorState error={operator.error} onRetry={() => void operator.refetch()} back={back} />
      </Card>
    );
  const o = operator.data;
  return (
    <Card
      title={o.name}
      data-testid="operator-detail"
      extra={
        <Space>
          {back}
          <DataAsOf at={operator.dataUpdatedAt} />
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'uscc', label: t('operators.uscc'), children: o.unifiedSocialCreditCode },
          { key: 'authority', label: t('operators.authority'), children: o.registrationAuthority ?? '—' },
          {
            key: 'registeredOn',
            label: t('operators.registeredOn'),
            children: o.registeredOn ? formatDate(o.registeredOn, locale) : '—',
          },
          {
            key: 'scope',
            label: t('operators.scope'),
            children: t(o.businessScopeIncludesSocialWork ? 'operators.yes' : 'operators.no'),
          },
          { key: 'rating', label: t('operators.rating'), children: o.rating ?? t('operators.unrated') },
          { key: 'origin', label: t('operators.origin'), children: t(`operators.origin.${o.origin}`) },
          {
            key: 'findings',
            label: t('operators.findings'),
            span: 'filled',
            children: (
              <div data-testid="operator-findings">
                <OperatorFindingTags findings={o.findings} />
                {o.findings.map((f) => (
                  <Typography.Paragraph key={`${f.ruleId}-${f.citation}`} style={{ margin: '8px 0 0' }}>
                    {locale === 'en' ? f.message.en : f.message.zh}（{f.citation}）
                  </Typography.Paragraph>
                ))}
              </div>
            ),
          },
        ]}
      />
    </Card>
  );
}
