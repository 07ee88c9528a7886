import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth.tsx';
import { DataAsOf } from '../data-as-of.tsx';
import { useI18n } from '../i18n.tsx';
import { EmptyState, ErrorState, LoadingState } from '../states.tsx';
import { type Report, useReports } from './api.ts';
import { DraftReportForm } from './draft-form.tsx';
import { ReportsTable } from './reports-table.tsx';

/**
 * The signed-in unit's own reports and the form that drafts one from the hub's data: a county's
 * quarterly reports, a city's half-year ones. A new draft opens at once (`onOpen`).
 */
export function UnitReports({
  pathOf,
  onOpen,
}: {
  pathOf: (report: Report) => string;
  onOpen: (report: Report) => void;
}) {
  const { t } = useI18n();
  const { session } = useAuth();
  const unit = session?.principal.regionCode;
  const reports = useReports(unit);
  // A city's list holds its counties' reports too: here only the unit's own.
  const own = reports.data?.filter((r) => r.unitRegionCode === unit) ?? [];
  return (
    <Card
      title={t('report.list.title')}
      extra={<DataAsOf at={reports.dataUpdatedAt} />}
      data-testid="unit-reports"
    >
      <Typography.Paragraph type="secondary">{t('report.list.hint')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('report.draft.title')}</Typography.Title>
      <div style={{ marginBottom: 24 }}>
        <DraftReportForm onDrafted={onOpen} existing={own} pathOf={pathOf} />
      </div>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : own.length === 0 ? (
        <EmptyState title={t('report.list.empty')} hint={t('report.list.emptyHint')} />
      ) : (
        <ReportsTable reports={own} pathOf={pathOf} />
      )}
    </Card>
  );
}

/**
 * The approval queue of the level above: the reports of the units inside the signed-in region (not its
 * own), the submitted ones first view; "all" shows every status, so a clerk sees what was approved or
 * returned. The gateway lists only the caller's jurisdiction.
 */
export function ApprovalQueue({ pathOf }: { pathOf: (report: Report) => string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const region = session?.principal.regionCode;
  const reports = useReports(region);
  const [view, setView] = useState<'pending' | 'all'>('pending');
  const below = reports.data?.filter((r) => r.unitRegionCode !== region) ?? [];
  const shown = view === 'pending' ? below.filter((r) => r.status === 'submitted') : below;
  return (
    <Card
      title={t('report.queue.title')}
      extra={<DataAsOf at={reports.dataUpdatedAt} />}
      data-testid="approval-queue"
    >
      <Typography.Paragraph type="secondary">{t('report.queue.hint')}</Typography.Paragraph>
      <Segmented<'pending' | 'all'>
        aria-label={t('report.queue.title')}
        style={{ marginBottom: 16 }}
        value={view}
        onChange={setView}
        options={[
          { value: 'pending', label: t('report.queue.pending') },
          { value: 'all', label: t('report.queue.all') },
        ]}
      />
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={t('report.queue.empty')} hint={t('report.queue.emptyHint')} />
      ) : (
        <ReportsTable reports={shown} pathOf={pathOf} testId="queue-table" />
      )}
    </Card>
  );
}
