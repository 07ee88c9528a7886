import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { ExportColumn } from '../excel/export-button.tsx';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { Completeness, OverdueReport, RegionCompleteness } from './completeness-api.ts';

type T = ReturnType<typeof useI18n>['t'];

/** Basis points (⌊10000 × received / owed⌋, from the server) as a share. */
const share = (bp: number) => bp / 10_000;

/** The completeness table as a sheet holds it: code and name apart, the ratios as fractions. */
export function completenessExportColumns(t: T): ExportColumn<RegionCompleteness>[] {
  return [
    { title: t('excel.regionCode'), value: (r) => r.regionCode },
    { title: t('completeness.region'), value: (r) => r.name },
    { title: t('completeness.expected'), value: (r) => r.totals.expected },
    { title: t('completeness.owed'), value: (r) => r.totals.owed },
    { title: t('completeness.received'), value: (r) => r.totals.received },
    { title: t('completeness.onTime'), value: (r) => r.totals.onTime },
    { title: t('completeness.late'), value: (r) => r.totals.late },
    { title: t('completeness.overdue'), value: (r) => r.totals.overdue },
    { title: t('completeness.notDue'), value: (r) => r.totals.notDue },
    { title: t('completeness.rate'), value: (r) => share(r.totals.completenessBasisPoints) },
    { title: t('completeness.timeliness'), value: (r) => share(r.totals.timelinessBasisPoints) },
  ];
}

/**
 * Completeness and timeliness of each child region (a province's cities, a city's counties) as the server
 * counts them: expected, due so far, received, on time, late, overdue, and the two ratios over what is due.
 * `linkTo` makes each name drill down (to the same screen one level lower).
 */
export function CompletenessTable({
  rows,
  linkTo,
  testId,
}: {
  rows: readonly RegionCompleteness[];
  linkTo?: (row: RegionCompleteness) => string | undefined;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Table<RegionCompleteness>
      data-testid={testId}
      rowKey="regionCode"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      columns={[
        {
          title: t('completeness.region'),
          dataIndex: 'name',
          render: (name: string, row) => {
            const to = linkTo?.(row);
            return to ? (
              <Link to={to} title={row.regionCode}>
                {name}
              </Link>
            ) : (
              <span title={row.regionCode}>{name}</span>
            );
          },
        },
        { title: t('completeness.expected'), align: 'right', render: (_, r) => n(r.totals.expected) },
        { title: t('completeness.owed'), align: 'right', render: (_, r) => n(r.totals.owed) },
        { title: t('completeness.received'), align: 'right', render: (_, r) => n(r.totals.received) },
        { title: t('completeness.onTime'), align: 'right', render: (_, r) => n(r.totals.onTime) },
        { title: t('completeness.late'), align: 'right', render: (_, r) => n(r.totals.late) },
        {
          title: t('completeness.overdue'),
          align: 'right',
          render: (_, r) => (r.totals.overdue > 0 ? <Tag color="red">{n(r.totals.overdue)}</Tag> : n(0)),
        },
        {
          title: t('completeness.rate'),
          align: 'right',
          sorter: (a, b) => a.totals.completenessBasisPoints - b.totals.completenessBasisPoints,
          render: (_, r) => formatPercent(share(r.totals.completenessBasisPoints), locale),
        },
        {
          title: t('completeness.timeliness'),
          align: 'right',
          sorter: (a, b) => a.totals.timelinessBasisPoints - b.totals.timelinessBasisPoints,
          render: (_, r) => formatPercent(share(r.totals.timelinessBasisPoints), locale),
        },
      ]}
    />
  );
}

/** The overdue list as a sheet holds it: the unit's code and name apart, days late as a number. */
export function overdueExportColumns(t: T): ExportColumn<OverdueReport>[] {
  return [
    { title: t('excel.regionCode'), value: (r) => r.unitRegionCode },
    { title: t('completeness.unit'), value: (r) => r.unitName },
    { title: t('completeness.report'), value: (r) => r.title },
    { title: t('completeness.period'), value: (r) => r.periodKey },
    { title: t('completeness.dueOn'), value: (r) => r.dueOn },
    { title: t('completeness.daysLate'), value: (r) => r.daysLate },
  ];
}

/**
 * One page of the overdue list (paged on the server; `overdue.total` counts them all): each report past
 * its due day and not submitted, with how many days late it is today.
 */
export function OverdueTable({
  overdue,
  onPage,
  loading,
  testId,
}: {
  overdue: Completeness['overdue'];
  onPage: (offset: number) => void;
  loading?: boolean;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const pageSize = overdue.limit || 1;
  return (
    <Table<OverdueReport>
      data-testid={testId}
      rowKey={(r) => `${r.definitionId}:${r.unitRegionCode}:${r.periodKey}`}
      size="small"
      loading={loading}
      dataSource={overdue.items}
      pagination={{
        current: Math.floor(overdue.offset / pageSize) + 1,
        pageSize,
        total: overdue.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: (page) => onPage((page - 1) * pageSize),
      }}
      columns={[
        {
          title: t('completeness.unit'),
          dataIndex: 'unitName',
          render: (name: string, r) => <span title={r.unitRegionCode}>{name}</span>,
        },
        { title: t('completeness.report'), dataIndex: 'title' },
        { title: t('completeness.period'), dataIndex: 'periodKey' },
        { title: t('completeness.dueOn'), dataIndex: 'dueOn', render: (d: string) => formatDate(d, locale) },
        {
          title: t('completeness.daysLate'),
          dataIndex: 'daysLate',
          align: 'right',
          render: (days: number) => (
            <Tag color="red" data-testid="days-late">
              {t('completeness.daysLateValue', { days: formatNumber(days, locale) })}
            </Tag>
          ),
        },
      ]}
    />
  );
}
