import {
  CoverageGapsTable,
  DataAsOf,
  EmptyState,
  ErrorState,
  ExportExcelButton,
  formatNumber,
  formatPercent,
  gapExportColumns,
  LoadingState,
  PlanTargetsTable,
  planTargetExportColumns,
  useHubQuery,
  useI18n,
  usePlanProgress,
} from '@shegong/web';
import { Card, Col, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useProvinces } from '../../../api/provinces.ts';
import { OwnRegionRedirect } from '../../../components/own-region.tsx';
import { ProvinceSwitcher } from '../../../components/province-switcher.tsx';
import { ScreenTrail } from '../../../components/screen-trail.tsx';

const BASE = '/plans';
const GAP_PAGE = 50;

/**
 * `/plans/:regionCode`: plan vs actual — every rollout target that applies to the region (its own, those of
 * the units inside it, those of the areas enclosing it) judged on its deadline against the operating
 * township stations [PY annex 1, ZZ §5, WH §1.2, ZT §1, HB], and the gap list of townships without one,
 * from `reporting.plans.progress`. Child regions drill down: province → city → county.
 */
export function PlansPage() {
  const { regionCode } = useParams();
  if (!regionCode) return <OwnRegionRedirect base={BASE} />;
  return <RegionPlans key={regionCode} regionCode={regionCode} />;
}

function RegionPlans({ regionCode }: { regionCode: string }) {
  const { t, locale } = useI18n();
  const provinces = useProvinces();
  const [gapOffset, setGapOffset] = useState(0);
  const progress = usePlanProgress(regionCode, { gapLimit: GAP_PAGE, gapOffset });
  const children = useHubQuery(
    ['regions.children', { code: regionCode }],
    (hub) => hub.regions.children.query({ code: regionCode }),
    { staleTime: Number.POSITIVE_INFINITY },
  );
  const n = (value: number) => formatNumber(value, locale);

  if (progress.isPending) return <LoadingState />;
  if (progress.isError)
    return (
      <Card data-testid="plans-error">
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      </Card>
    );
  const p = progress.data;
  const unit = `${p.name}（${p.regionCode}）`;
  const drill = (children.data ?? []).filter((c) => c.level === 'city' || c.level === 'county');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="plans-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="plans-title">{t('plansPage.title', { name: p.name })}</span>
            {provinces.length > 1 && p.level === 'province' && (
              <ProvinceSwitcher provinces={provinces} current={p.regionCode} base={BASE} />
            )}
          </Space>
        }
        extra={<DataAsOf at={progress.dataUpdatedAt} asOfDay={p.asOf} />}
      >
        <ScreenTrail code={p.regionCode} base={BASE} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('plansPage.hint', { day: p.asOf })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]} data-testid="plans-totals">
          <Col xs={12} lg={6}>
            <Statistic
              title={t('coverage.coveredOfTownships')}
              value={`${n(p.coverage.covered)} / ${n(p.coverage.townships)}`}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  {formatPercent(p.coverage.basisPoints / 10_000, locale)}
                </Typography.Text>
              }
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic title={t('plan.status.met')} value={n(p.statusCounts.met)} data-testid="count-met" />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('plan.status.missed')}
              value={n(p.statusCounts.missed)}
              data-testid="count-missed"
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic title={t('plansPage.gapCount')} value={n(p.gaps.total)} data-testid="gap-count" />
          </Col>
        </Row>
        {drill.length > 0 && (
          <Flex wrap gap={4} style={{ marginTop: 16 }} data-testid="plans-drill">
            <Typography.Text type="secondary">{t('plansPage.drill')}</Typography.Text>
            {drill.map((c) => (
              <Tag key={c.code}>
                <Link to={`${BASE}/${c.code}`} title={c.code}>
                  {c.name}
                </Link>
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
      <Card
        title={t('plansPage.targets')}
        data-testid="plan-targets"
        extra={
          <ExportExcelButton
            title={`${p.name} ${t('plansPage.targets')}`}
            unit={unit}
            columns={planTargetExportColumns(t, locale)}
            rows={p.targets}
            asOf={progress.dataUpdatedAt}
          />
        }
      >
        {p.targets.length === 0 ? (
          <EmptyState title={t('plan.noTargets')} hint={t('plan.noTargetsHint')} />
        ) : (
          <>
            <PlanTargetsTable targets={p.targets} testId="plan-targets-table" />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('plan.deadlineNote')}
            </Typography.Paragraph>
          </>
        )}
      </Card>
      <Card
        title={t('plan.gaps', { count: n(p.gaps.total) })}
        data-testid="plan-gaps"
        extra={
          <ExportExcelButton
            title={`${p.name} ${t('plan.gaps', { count: p.gaps.total })}`}
            unit={unit}
            columns={gapExportColumns(t)}
            rows={p.gaps.items}
            asOf={progress.dataUpdatedAt}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('plan.gapsHint')}</Typography.Paragraph>
        {p.gaps.total === 0 ? (
          <EmptyState title={t('plan.noGaps')} />
        ) : (
          <CoverageGapsTable
            gaps={p.gaps}
            pageSize={GAP_PAGE}
            onPage={setGapOffset}
            loading={progress.isFetching}
            testId="plan-gaps-table"
          />
        )}
      </Card>
    </Space>
  );
}
