import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ExportColumn } from '../excel/export-button.tsx';
import { formatDate, formatNumber, type Locale } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import type { CoverageGap, PlanProgress, PlanTarget, PlanTargetStatus } from './api.ts';

type T = ReturnType<typeof useI18n>['t'];

/** Legal counting terms as signs [CIVIL art. 1259: 以上 and 不少于 include the number, 超过 does not]. */
const SIGNS: Partial<Record<string, string>> = { 以上: '≥', 不少于: '≥', 不低于: '≥', 超过: '>' };

/**
 * A target's measure in words: 全覆盖, ≥ 60%, ≥ 27 个乡镇（街道）.
 * @example measureText({ kind: 'count', term: '不少于', value: 27 }, t, 'zh-CN') // '≥ 27 个乡镇（街道）'
 */
export function measureText(measure: PlanTarget['measure'], t: T, locale: Locale): string {
  if (measure.kind === 'full') return t('plan.full');
  const sign = SIGNS[measure.term] ?? measure.term;
  if (measure.kind === 'share')
    return t('plan.share', { sign, value: formatNumber(measure.basisPoints / 100, locale) });
  const kind = measure.townshipKind ? t(`plan.kind.${measure.townshipKind}`) : '';
  return `${t('plan.count', { sign, value: formatNumber(measure.value, locale) })}${kind ? ` · ${kind}` : ''}`;
}

const STATUS_COLOR: Record<PlanTargetStatus, string> = {
  met: 'green',
  missed: 'red',
  pending: 'blue',
  indeterminate: 'default',
};

/** Met / missed / not yet due / cannot tell; a missed 力争 target is orange (a warning, not an error). */
export function PlanStatusTag({ target }: { target: Pick<PlanTarget, 'status' | 'severity' | 'reason'> }) {
  const { t } = useI18n();
  const color =
    target.status === 'missed' && target.severity === 'warning' ? 'orange' : STATUS_COLOR[target.status];
  const tag = (
    <Tag color={color} data-testid="plan-status" data-status={target.status}>
      {t(`plan.status.${target.status}`)}
    </Tag>
  );
  return target.reason ? <Tooltip title={target.reason}>{tag}</Tooltip> : tag;
}

/** The targets as a sheet holds them: the area's code and name apart, figures as numbers. */
export function planTargetExportColumns(t: T, locale: Locale): ExportColumn<PlanTarget>[] {
  return [
    { title: t('plan.target'), value: (r) => r.title },
    { title: t('excel.regionCode'), value: (r) => r.area.key },
    { title: t('plan.area'), value: (r) => r.area.name },
    { title: t('plan.deadline'), value: (r) => r.deadline },
    { title: t('plan.citation'), value: (r) => r.citation },
    { title: t('plan.target'), value: (r) => measureText(r.measure, t, locale) },
    { title: t('plan.required'), value: (r) => r.target },
    { title: t('plan.actual'), value: (r) => r.actual },
    { title: t('plan.shortfall'), value: (r) => r.shortfall },
    { title: t('plan.status'), value: (r) => t(`plan.status.${r.status}`) },
    { title: t('plan.evaluatedOn'), value: (r) => r.evaluatedOn },
  ];
}

/**
 * The rollout targets that apply to a region, by deadline: what each asks (with the plan's words and its
 * clause on hover), the covered townships it needs and those there were on its day, and met / missed /
 * pending as the server judged it [PY annex 1, ZZ §5, WH §1.2, ZT §1, HB].
 */
export function PlanTargetsTable({ targets, testId }: { targets: readonly PlanTarget[]; testId?: string }) {
  const { t, locale } = useI18n();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Table<PlanTarget>
      data-testid={testId}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...targets]}
      columns={[
        {
          title: t('plan.target'),
          dataIndex: 'title',
          render: (title: string, r) => (
            <Tooltip title={r.quote}>
              <span>
                {title}
                {r.binding === 'strive' && (
                  <Typography.Text type="secondary"> （{t('plan.strive')}）</Typography.Text>
                )}
              </span>
            </Tooltip>
          ),
        },
        {
          title: t('plan.area'),
          key: 'area',
          render: (_: unknown, r) => (
            <span title={r.area.key}>
              {r.area.name}{' '}
              <Typography.Text type="secondary">· {t(`plan.relation.${r.relation}`)}</Typography.Text>
            </span>
          ),
        },
        { title: t('plan.deadline'), dataIndex: 'deadline', render: (d: string) => formatDate(d, locale) },
        { title: t('plan.citation'), dataIndex: 'citation' },
        { title: t('plan.required'), dataIndex: 'target', align: 'right', render: n },
        { title: t('plan.actual'), dataIndex: 'actual', align: 'right', render: n },
        { title: t('plan.shortfall'), dataIndex: 'shortfall', align: 'right', render: n },
        { title: t('plan.status'), key: 'status', render: (_: unknown, r) => <PlanStatusTag target={r} /> },
      ]}
    />
  );
}

/** The gap list as a sheet holds it: township and county codes apart from their names. */
export function gapExportColumns(t: T): ExportColumn<CoverageGap>[] {
  return [
    { title: t('plan.townshipCode'), value: (r) => r.code },
    { title: t('plan.township'), value: (r) => r.name },
    { title: t('plan.townshipKind'), value: (r) => (r.townshipKind ? t(`plan.kind.${r.townshipKind}`) : '') },
    { title: t('excel.regionCode'), value: (r) => r.countyCode },
    { title: t('plan.county'), value: (r) => r.countyName },
  ];
}

/**
 * One page of a region's gap list, paged on the server (`gaps.total` counts them all): each township
 * without an operating township station, with its kind and county.
 */
export function CoverageGapsTable({
  gaps,
  pageSize,
  onPage,
  loading,
  testId,
}: {
  gaps: PlanProgress['gaps'];
  pageSize: number;
  onPage: (offset: number) => void;
  loading?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Table<CoverageGap>
      data-testid={testId}
      rowKey="code"
      size="small"
      loading={loading}
      dataSource={gaps.items}
      pagination={{
        current: Math.floor(gaps.offset / pageSize) + 1,
        pageSize,
        total: gaps.total,
        showSizeChanger: false,
        onChange: (page) => onPage((page - 1) * pageSize),
      }}
      columns={[
        {
          title: t('plan.township'),
          dataIndex: 'name',
          render: (name: string, r) => <span title={r.code}>{name}</span>,
        },
        {
          title: t('plan.townshipKind'),
          dataIndex: 'townshipKind',
          render: (kind: string | null) => (kind ? t(`plan.kind.${kind}`) : '—'),
        },
        {
          title: t('plan.county'),
          dataIndex: 'countyName',
          render: (name: string, r) => <span title={r.countyCode}>{name}</span>,
        },
      ]}
    />
  );
}
