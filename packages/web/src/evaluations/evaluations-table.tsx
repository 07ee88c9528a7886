import { Table } from 'antd';
import type { ReactNode } from 'react';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { EmptyState } from '../states.tsx';
import type { Evaluation } from './api.ts';
import { EvaluationGrade } from './evaluation-result.tsx';

/**
 * Evaluations as the server listed them (day decided, station), each with its kind, level, period,
 * total and grade; `open` links a row to its detail, `stationName` names its station.
 */
export function EvaluationsTable({
  evaluations,
  open,
  stationName,
}: {
  evaluations: readonly Evaluation[];
  open: (evaluation: Evaluation, label: ReactNode) => ReactNode;
  stationName?: (stationId: string) => string | undefined;
}) {
  const { t, locale } = useI18n();
  if (evaluations.length === 0)
    return <EmptyState title={t('evaluation.empty')} hint={t('evaluation.emptyHint')} />;
  return (
    <Table<Evaluation>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...evaluations]}
      data-testid="evaluations-table"
      columns={[
        {
          title: t('evaluation.decidedOn'),
          key: 'decided',
          render: (_: unknown, e) => open(e, formatDate(e.decidedOn, locale)),
        },
        ...(stationName
          ? [
              {
                title: t('evaluation.station'),
                key: 'station',
                render: (_: unknown, e: Evaluation) => stationName(e.stationId) ?? e.stationId,
              },
            ]
          : []),
        {
          title: t('evaluation.kind'),
          key: 'kind',
          render: (_: unknown, e) => t(`evaluation.kind.${e.kind}`),
        },
        {
          title: t('evaluation.conductedBy'),
          key: 'by',
          render: (_: unknown, e) => t(`evaluation.level.${e.conductedBy}`),
        },
        {
          title: t('evaluation.period'),
          key: 'period',
          render: (_: unknown, e) =>
            `${formatDate(e.period.from, locale)} – ${formatDate(e.period.to, locale)}`,
        },
        {
          title: t('evaluation.total'),
          key: 'total',
          render: (_: unknown, e) => formatNumber(e.total, locale),
        },
        {
          title: t('evaluation.grade'),
          key: 'grade',
          render: (_: unknown, e) => <EvaluationGrade evaluation={e} />,
        },
        {
          title: t('evaluation.evaluatorName'),
          key: 'evaluator',
          render: (_: unknown, e) => e.evaluatorName ?? '—',
        },
      ]}
    />
  );
}
