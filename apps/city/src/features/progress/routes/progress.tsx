import reference from 'virtual:city-reference';
import {
  DataAsOf,
  EmptyState,
  ErrorState,
  formatDate,
  formatNumber,
  formatPercent,
  LoadingState,
  useAuth,
  useHubQuery,
  useI18n,
} from '@shegong/web';
import { Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { CityTarget } from '../../../reference-data.ts';
import { type CurrentCoverage, standingOf } from '../targets.ts';

type Coverage = CurrentCoverage & {
  regionCode: string;
  name: string;
  operatingStations: number;
  townshipStations: number;
  coverage: number;
};

/**
 * `/progress`: the city's counties against its rollout plan — each county's operating stations and
 * township coverage as the gateway counts them (`reporting.rollups.coverage`), beside the targets the
 * published plans set for it [ZZ §5, PY annex 1, WH §1.2, ZT §1] and where it stands against each today.
 */
export function ProgressPage() {
  const { t, locale } = useI18n();
  const { session } = useAuth();
  const city = session?.principal.regionCode ?? '';
  const coverage = useHubQuery(['reporting.rollups.coverage', { regionCode: city }], (hub) =>
    hub.reporting.rollups.coverage.query({ regionCode: city }),
  );
  // Whether each target was met by its deadline, judged on the server from the stations' opening days
  // (`reporting.plans.progress`, `planVsActual` of @shegong/plans); the gap list is not needed here.
  const judged = useHubQuery(['reporting.plans.progress', { regionCode: city, gapLimit: 0 }], (hub) =>
    hub.reporting.plans.progress.query({ regionCode: city, gapLimit: 0 }),
  );
  const judgedById = new Map((judged.data?.targets ?? []).map((x) => [x.id, x]));
  // By deadline, so a row reads as the plan's steps.
  const targets = [...(reference.targets[city] ?? [])].sort((a, b) => a.by.localeCompare(b.by));
  const n = (value: number) => formatNumber(value, locale);

  if (coverage.isPending) return <LoadingState />;
  if (coverage.isError) return <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const byCode = new Map<string, Coverage>(
    [coverage.data, ...coverage.data.children].map((c) => [c.regionCode, c]),
  );
  const targetsOf = (code: string) => targets.filter((x) => x.areaKey === code);
  const cityWide = targets.filter((x) => x.areaKey === city || x.areaKind === 'zone');

  const standing = (target: CityTarget) => {
    const s = standingOf(target, byCode.get(target.areaKey));
    const when = formatDate(target.by, locale);
    const tip = `${target.quote} [${target.citation}]`;
    const server = judgedById.get(target.id);
    const text =
      s.status === 'reached'
        ? t('progress.reached')
        : s.status === 'short'
          ? t('progress.short', { gap: n(s.gap) })
          : t('progress.unknown');
    return (
      <Tooltip title={tip} key={target.id}>
        <Tag
          color={s.status === 'reached' ? 'green' : s.status === 'short' ? 'orange' : 'default'}
          data-testid="target-standing"
          tabIndex={0}
        >
          {t('progress.targetBy', { title: measureText(target, t, n), by: when })} · {text}
          {server && ` · ${t(`progress.judged.${server.status}`)}`}
        </Tag>
      </Tooltip>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('progress.title', { city: coverage.data.name })}
        extra={<DataAsOf at={coverage.dataUpdatedAt} />}
        data-testid="progress-page"
      >
        <Typography.Paragraph type="secondary">{t('progress.hint')}</Typography.Paragraph>
        <Typography.Paragraph data-testid="progress-city">
          {t('progress.citySummary', {
            stations: n(coverage.data.operatingStations),
            covered: n(coverage.data.coveredTownships),
            townships: n(coverage.data.townships),
            share: formatPercent(coverage.data.coverage, locale),
          })}
        </Typography.Paragraph>
        {coverage.data.children.length === 0 ? (
          <EmptyState title={t('progress.empty')} />
        ) : (
          <Table<Coverage>
            data-testid="progress-table"
            rowKey="regionCode"
            size="small"
            pagination={false}
            dataSource={coverage.data.children}
            columns={[
              {
                title: t('progress.county'),
                dataIndex: 'name',
                render: (name: string, r) => <span title={r.regionCode}>{name}</span>,
              },
              { title: t('progress.operating'), dataIndex: 'operatingStations', align: 'right', render: n },
              {
                title: t('progress.covered'),
                align: 'right',
                render: (_, r) => `${n(r.coveredTownships)} / ${n(r.townships)}`,
              },
              {
                title: t('progress.coverage'),
                dataIndex: 'coverage',
                align: 'right',
                render: (share: number) => formatPercent(share, locale),
              },
              {
                title: t('progress.targets'),
                render: (_, r) => {
                  const own = targetsOf(r.regionCode);
                  return own.length === 0 ? (
                    <Typography.Text type="secondary">{t('progress.noTargets')}</Typography.Text>
                  ) : (
                    <Flex gap={4} wrap>
                      {own.map(standing)}
                    </Flex>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('progress.cityTargets')} data-testid="city-targets">
        {cityWide.length === 0 ? (
          <EmptyState title={t('progress.noTargets')} />
        ) : (
          <Table<CityTarget>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={cityWide}
            columns={[
              { title: t('progress.target'), dataIndex: 'title' },
              { title: t('progress.area'), dataIndex: 'areaName' },
              {
                title: t('progress.deadline'),
                dataIndex: 'by',
                render: (by: string) => formatDate(by, locale),
              },
              { title: t('progress.citation'), dataIndex: 'citation' },
              { title: t('progress.standing'), render: (_, target) => standing(target) },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('progress.deadlineNote')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

/** Legal counting terms as signs [民法典 art. 1259: 以上 includes the number, 超过 does not]. */
const SIGNS: Partial<Record<string, string>> = { 以上: '≥', 不少于: '≥', 不低于: '≥', 超过: '>' };

/** A target's measure in words: 全覆盖, ≥ 60%, ≥ 2 个. */
function measureText(
  target: CityTarget,
  t: (key: string, vars?: Record<string, string | number>) => string,
  n: (value: number) => string,
): string {
  const m = target.measure;
  if (m.kind === 'full') return t('progress.full');
  const sign = SIGNS[m.term] ?? m.term;
  if (m.kind === 'share') return `${sign} ${n(m.basisPoints / 100)}%`;
  return t('progress.count', { sign, value: n(m.value) });
}
