import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { Evaluation, EvaluationScore } from './api.ts';

const OUTCOME_COLOR = { graded: 'green', vetoed: 'red', incomplete: 'orange' } as const;
const GRADE_COLOR: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'cyan', fail: 'red' };

/** The outcome and grade of an evaluation as the hub scored it: the grade, a veto, or "incomplete". */
export function EvaluationGrade({ evaluation }: { evaluation: Pick<Evaluation, 'outcome' | 'grade'> }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag
        color={OUTCOME_COLOR[evaluation.outcome]}
        data-testid="evaluation-outcome"
        data-outcome={evaluation.outcome}
      >
        {t(`evaluation.outcome.${evaluation.outcome}`)}
      </Tag>
      {evaluation.grade && (
        <Tag
          color={GRADE_COLOR[evaluation.grade] ?? 'default'}
          data-testid="evaluation-grade"
          data-grade={evaluation.grade}
        >
          {t(`grade.${evaluation.grade}`)}
        </Tag>
      )}
    </Space>
  );
}

type IndicatorRow = EvaluationScore['indicators'][number];

/**
 * An evaluation as the hub scored it: total against the maximum and the threshold met, grade or veto,
 * each dimension, each indicator (computed from the hub's facts, with the facts it rests on, or entered by
 * the evaluator with evidence), the vetoes found and what is still missing, each with its clause.
 */
export function EvaluationResult({ evaluation }: { evaluation: Evaluation }) {
  const { t, locale } = useI18n();
  const score = evaluation.score;
  const name = (n: { zh: string; en: string }) => (locale === 'en' ? n.en : n.zh);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-result">
      <Card
        size="small"
        title={
          <Space>
            {t('evaluation.result')}
            <EvaluationGrade evaluation={evaluation} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'total',
              label: t('evaluation.total'),
              children: (
                <span data-testid="evaluation-total">
                  {formatNumber(score.total, locale)} / {formatNumber(score.maxTotal, locale)}
                  {score.threshold && `（${score.threshold}）`}
                </span>
              ),
            },
            { key: 'kind', label: t('evaluation.kind'), children: t(`evaluation.kind.${evaluation.kind}`) },
            {
              key: 'by',
              label: t('evaluation.conductedBy'),
              children: t(`evaluation.level.${evaluation.conductedBy}`),
            },
            {
              key: 'period',
              label: t('evaluation.period'),
              children: `${formatDate(evaluation.period.from, locale)} – ${formatDate(evaluation.period.to, locale)}`,
            },
            {
              key: 'decided',
              label: t('evaluation.decidedOn'),
              children: formatDate(evaluation.decidedOn, locale),
            },
            {
              key: 'evaluator',
              label: t('evaluation.evaluatorName'),
              children: evaluation.evaluatorName ?? '—',
            },
            {
              key: 'scheme',
              label: t('evaluation.scheme'),
              children: `${evaluation.scheme.id} @ ${evaluation.scheme.version}`,
            },
            { key: 'profile', label: t('evaluation.profile'), children: evaluation.profileId },
            { key: 'contract', label: t('evaluation.contractId'), children: evaluation.contractId ?? '—' },
          ]}
        />
        {score.vetoes.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('evaluation.vetoed')}
            description={score.vetoes
              .map((v) => `${name(v.name)}（${v.citation}）：${v.evidence.join('；')}`)
              .join('\n')}
            data-testid="evaluation-vetoes-found"
          />
        )}
        {score.missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('evaluation.missing')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {score.missing.map((m) => (
                  <li key={m.path.join('.')}>
                    {name(m.what)}（{m.path.join('.')}）
                  </li>
                ))}
              </ul>
            }
            data-testid="evaluation-missing"
          />
        )}
      </Card>
      <Card size="small" title={t('evaluation.breakdown')}>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={score.dimensions}
          style={{ marginBottom: 12 }}
          columns={[
            { title: t('evaluation.dimension'), key: 'name', render: (_: unknown, d) => name(d.name) },
            {
              title: t('evaluation.points'),
              key: 'points',
              render: (_: unknown, d) =>
                `${formatNumber(d.points, locale)} / ${formatNumber(d.maxPoints, locale)}`,
            },
            {
              title: t('evaluation.complete'),
              key: 'complete',
              render: (_: unknown, d) => t(d.complete ? 'workers.yes' : 'workers.no'),
            },
          ]}
        />
        <Table<IndicatorRow>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={score.indicators}
          data-testid="evaluation-indicators"
          columns={[
            { title: t('evaluation.indicator'), key: 'name', render: (_: unknown, i) => name(i.name) },
            {
              title: t('evaluation.source'),
              key: 'source',
              render: (_: unknown, i) => <Tag>{t(`evaluation.source.${i.source}`)}</Tag>,
            },
            {
              title: t('evaluation.points'),
              key: 'points',
              render: (_: unknown, i) =>
                i.points === null ? (
                  <Typography.Text type="warning">{t('evaluation.notScored')}</Typography.Text>
                ) : (
                  `${formatNumber(i.points, locale)} / ${formatNumber(i.maxPoints, locale)}`
                ),
            },
            {
              title: t('evaluation.basis'),
              key: 'facts',
              render: (_: unknown, i) => <FactsText facts={i.facts} />,
            },
            { title: t('compliance.citation'), dataIndex: 'citation' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** What an indicator's score rests on, as the hub stated it: `key: value` pairs, evidence joined. */
function FactsText({ facts }: { facts: Record<string, unknown> }) {
  const parts = Object.entries(facts).map(([key, value]) => {
    const shown = Array.isArray(value)
      ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('；')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
    return `${key}: ${shown}`;
  });
  return <Typography.Text style={{ fontSize: 12 }}>{parts.join(' · ') || '—'}</Typography.Text>;
}
