import { Table } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { Report } from './api.ts';
import { LockedTag, ReportStatusTag, Timeliness } from './report-status.tsx';

/**
 * Reports as a dense table: unit (code on hover), report, period, status (and lock), due day, submitted
 * on, timeliness; the unit's name links to `pathOf(report)`.
 */
export function ReportsTable({
  reports,
  pathOf,
  testId = 'reports-table',
}: {
  reports: readonly Report[];
  pathOf: (report: Report) => string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Table<Report>
      data-testid={testId}
      rowKey="id"
      size="small"
      dataSource={[...reports]}
      pagination={reports.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t('report.unit'),
          dataIndex: 'unitName',
          render: (name: string, r) => (
            <Link to={pathOf(r)} title={r.unitRegionCode}>
              {name}
            </Link>
          ),
        },
        { title: t('report.title'), dataIndex: 'title' },
        { title: t('report.period'), render: (_, r) => r.period.key },
        {
          title: t('report.status'),
          render: (_, r) => (
            <>
              <ReportStatusTag status={r.status} />
              {r.locked && <LockedTag />}
            </>
          ),
        },
        { title: t('report.dueOn'), render: (_, r) => formatDate(r.dueOn, locale) },
        {
          title: t('report.submittedOn'),
          render: (_, r) => (r.submittedOn ? formatDate(r.submittedOn, locale) : '—'),
        },
        { title: t('report.timeliness'), render: (_, r) => <Timeliness timeliness={r.timeliness} /> },
      ]}
    />
  );
}
