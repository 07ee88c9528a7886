import { Alert, Button, Card, Col, Descriptions, Flex, Row, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { DataAsOf } from '../data-as-of.tsx';
import { formatDate, formatDateTime, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorState, LoadingState } from '../states.tsx';
import { type Report, type ReportRef, useReport, useReportSteps } from './api.ts';
import { CorrectFigureForm } from './correct-form.tsx';
import { figureLabel } from './figure-label.ts';
import { type FigureRow, figureRows } from './figures.ts';
import { ReportDownload } from './report-download.tsx';
import { LockedTag, ReportStatusTag, Timeliness } from './report-status.tsx';
import { ReviewReportForm } from './review-form.tsx';

/**
 * One report: its unit, period, status, due day, timeliness and lock; every figure the hub computed with
 * the corrected value and its reason beside it. `as` says who looks: the `unit` itself corrects, drafts
 * again and submits its draft; the `approver` (the level above) approves or returns a submitted one.
 * Which steps show follows the status; the gateway decides whether the caller may take them.
 */
export function ReportDetail({
  reportRef,
  as,
  back,
  trail,
}: {
  reportRef: ReportRef;
  as: 'unit' | 'approver';
  /** Where "back to the list" goes, for a report that is not found. */
  back?: ReactNode;
  trail?: (report: Report) => ReactNode;
}) {
  const report = useReport(reportRef);
  if (report.isPending) return <LoadingState />;
  if (report.isError)
    return (
      <div data-testid="report-error">
        <ErrorState error={report.error} onRetry={() => void report.refetch()} back={back} />
      </div>
    );
  return (
    <>
      {trail?.(report.data)}
      <ReportView report={report.data} as={as} fetchedAt={report.dataUpdatedAt} />
    </>
  );
}

function ReportView({
  report,
  as,
  fetchedAt,
}: {
  report: Report;
  as: 'unit' | 'approver';
  fetchedAt: number;
}) {
  const { t, locale } = useI18n();
  const [correcting, setCorrecting] = useState<string | undefined>(undefined);
  const editable = as === 'unit' && report.status === 'draft';
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Card
      data-testid="report-detail"
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="report-title">
            {report.unitName} · {report.title} · {report.period.key}
          </span>
          <ReportStatusTag status={report.status} />
          {report.locked && <LockedTag />}
        </Flex>
      }
      extra={
        <Flex gap={12} align="center" wrap>
          <ReportDownload report={report} />
          <DataAsOf at={fetchedAt} asOfDay={report.figures.asOf} />
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
        <Descriptions.Item label={t('report.unit')}>
          <span title={report.unitRegionCode}>{report.unitName}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('report.period')}>
          {report.period.key}（{formatDate(report.period.start, locale)} –{' '}
          {formatDate(report.period.end, locale)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('report.dueOn')}>{formatDate(report.dueOn, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('report.submittedOn')}>
          {report.submittedOn ? formatDate(report.submittedOn, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('report.timeliness')}>
          <Timeliness timeliness={report.timeliness} />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.approvedAt')}>
          {report.approvedAt ? formatDateTime(Date.parse(report.approvedAt), locale) : '—'}
        </Descriptions.Item>
        {report.acceptedAt ? (
          <Descriptions.Item label={t('report.acceptedAt')}>
            {formatDateTime(Date.parse(report.acceptedAt), locale)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      {report.returnReason && report.status !== 'approved' && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          data-testid="return-reason"
          title={t('report.returnReason')}
          description={
            as === 'unit' ? t('report.returnedHint', { reason: report.returnReason }) : report.returnReason
          }
        />
      )}
      {report.locked && (
        <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('report.lockedHint')} />
      )}
      {report.narrative && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('report.narrative')}
          </Typography.Title>
          <Typography.Paragraph>{report.narrative}</Typography.Paragraph>
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('report.figures')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          {t('report.figuresAsOf', { day: formatDate(report.figures.asOf, locale) })}
        </Typography.Text>
      </Typography.Title>
      <Table<FigureRow>
        data-testid="report-figures"
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={figureRows(report)}
        rowClassName={(r) => (r.correction ? 'report-figure-corrected' : '')}
        columns={[
          {
            title: t('report.figure'),
            dataIndex: 'path',
            render: (path: string) => <span title={path}>{figureLabel(path, t)}</span>,
          },
          { title: t('report.computed'), dataIndex: 'computed', align: 'right', render: n },
          {
            title: t('report.reported'),
            dataIndex: 'reported',
            align: 'right',
            render: (value: number, r) => (r.correction ? <strong>{n(value)}</strong> : n(value)),
          },
          {
            title: t('report.correctionReason'),
            render: (_, r) => r.correction?.reason ?? '',
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'correct',
                  render: (_: unknown, r: FigureRow) =>
                    r.correctable && (
                      <Button
                        size="small"
                        type="link"
                        aria-label={`${t('report.correct')}：${figureLabel(r.path, t)}`}
                        onClick={() => setCorrecting(r.path)}
                      >
                        {t('report.correct')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />

      {as === 'unit' && <UnitSteps report={report} correcting={correcting} />}
      {as === 'approver' && report.status === 'submitted' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('report.review.title')}
          </Typography.Title>
          <ReviewReportForm report={report} />
        </>
      )}
    </Card>
  );
}

/** The unit's steps: correct and submit a draft; draft a returned report again to fix it. */
function UnitSteps({ report, correcting }: { report: Report; correcting: string | undefined }) {
  const { t } = useI18n();
  const steps = useReportSteps();
  const [failure, setFailure] = useState<string | null>(null);
  const ref = { reportId: report.id, unitRegionCode: report.unitRegionCode };
  const run = async (call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
    } catch (error) {
      setFailure(t('report.failed', { message: (error as Error).message }));
    }
  };
  const redraft = () =>
    run(() =>
      steps.draft.mutateAsync({
        definitionId: report.definitionId,
        unitRegionCode: report.unitRegionCode,
        period: report.period.key,
      }),
    );
  if (report.status !== 'draft' && report.status !== 'returned') return null;
  return (
    <Row gutter={24} style={{ marginTop: 24 }}>
      {report.status === 'draft' && (
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('report.correct.title')}</Typography.Title>
          <CorrectFigureForm report={report} path={correcting} />
        </Col>
      )}
      <Col xs={24} lg={10}>
        <Flex vertical gap={12} align="flex-start">
          <Typography.Text type="secondary">{t('report.redraftHint')}</Typography.Text>
          <Button onClick={redraft} loading={steps.draft.isPending}>
            {t('report.redraft')}
          </Button>
          {report.status === 'draft' && (
            <>
              <Typography.Text type="secondary">{t('report.submitHint')}</Typography.Text>
              <Button
                type="primary"
                onClick={() => run(() => steps.submit.mutateAsync(ref))}
                loading={steps.submit.isPending}
              >
                {t('report.submit')}
              </Button>
            </>
          )}
          {failure && <Alert type="error" showIcon title={failure} role="alert" />}
        </Flex>
      </Col>
    </Row>
  );
}
