import {
  CompletenessTable,
  completenessExportColumns,
  DataAsOf,
  EmptyState,
  ErrorState,
  ExportExcelButton,
  formatNumber,
  formatPercent,
  LoadingState,
  OverdueTable,
  overdueExportColumns,
  type RegionCompleteness,
  recentReportPeriods,
  useCompleteness,
  useI18n,
} from '@shegong/web';
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useProvinces } from '../../../api/provinces.ts';
import { OwnRegionRedirect } from '../../../components/own-region.tsx';
import { ProvinceSwitcher } from '../../../components/province-switcher.tsx';
import { ScreenTrail } from '../../../components/screen-trail.tsx';

const BASE = '/completeness';
const OVERDUE_PAGE = 20;

/**
 * `/completeness/:regionCode?period=`: completeness and timeliness of the periodic reports of a region and
 * each child region (province → cities → counties, each name drilling one level down), and the overdue
 * list with how many days late each report is — all as `reporting.reports.completeness` counts them
 * [ZZ §2, §5.6; PY §2.2]. The period defaults to the latest quarter that has ended.
 */
export function CompletenessPage() {
  const { regionCode } = useParams();
  if (!regionCode) return <OwnRegionRedirect base={BASE} />;
  return <RegionCompletenessScreen key={regionCode} regionCode={regionCode} />;
}

function RegionCompletenessScreen({ regionCode }: { regionCode: string }) {
  const { t, locale } = useI18n();
  const provinces = useProvinces();
  const [search, setSearch] = useSearchParams();
  const periods = recentReportPeriods();
  const period = search.get('period') ?? periods.default;
  const [overdueOffset, setOverdueOffset] = useState(0);
  const query = useCompleteness(regionCode, period, { overdueLimit: OVERDUE_PAGE, overdueOffset });
  const n = (value: number) => formatNumber(value, locale);

  const choosePeriod = (next: string) => {
    setOverdueOffset(0);
    setSearch({ period: next });
  };
  // Drill down to cities and counties; a county's children are townships (operators' briefs): no further.
  const linkTo = (row: RegionCompleteness) =>
    row.level === 'city' || row.level === 'county' ? `${BASE}/${row.regionCode}?period=${period}` : undefined;

  const header = (
    <Space wrap>
      <Select<string>
        aria-label={t('completeness.period')}
        data-testid="period-select"
        style={{ width: 140 }}
        value={period}
        onChange={choosePeriod}
        options={periods.periods.map((p) => ({ value: p, label: p }))}
      />
      <DataAsOf at={query.dataUpdatedAt} asOfDay={query.data?.asOf} />
    </Space>
  );

  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <Card data-testid="completeness-error" extra={header}>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  const c = query.data;
  const totals = c.region.totals;
  const unit = `${c.region.name}（${c.region.regionCode}）`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="completeness-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="completeness-title">{t('completeness.title', { name: c.region.name })}</span>
            {provinces.length > 1 && c.region.level === 'province' && (
              <ProvinceSwitcher provinces={provinces} current={c.region.regionCode} base={BASE} />
            )}
          </Space>
        }
        extra={header}
      >
        <ScreenTrail code={c.region.regionCode} base={BASE} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('completeness.hint', { period: c.period })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]} data-testid="completeness-totals">
          <Col xs={12} lg={4}>
            <Statistic title={t('completeness.expected')} value={n(totals.expected)} />
          </Col>
          <Col xs={12} lg={4}>
            <Statistic title={t('completeness.owed')} value={n(totals.owed)} />
          </Col>
          <Col xs={12} lg={4}>
            <Statistic title={t('completeness.received')} value={n(totals.received)} />
          </Col>
          <Col xs={12} lg={4}>
            <Statistic title={t('completeness.overdue')} value={n(totals.overdue)} />
          </Col>
          <Col xs={12} lg={4}>
            <Statistic
              title={t('completeness.rate')}
              value={formatPercent(totals.completenessBasisPoints / 10_000, locale)}
            />
          </Col>
          <Col xs={12} lg={4}>
            <Statistic
              title={t('completeness.timeliness')}
              value={formatPercent(totals.timelinessBasisPoints / 10_000, locale)}
            />
          </Col>
        </Row>
      </Card>
      <Card
        title={t(c.region.level === 'province' ? 'completeness.byCity' : 'completeness.byCounty')}
        data-testid="completeness-children"
        extra={
          <ExportExcelButton
            title={`${c.region.name} ${t('completeness.title', { name: '' })}`.trim()}
            unit={unit}
            period={c.period}
            columns={completenessExportColumns(t)}
            rows={c.children}
            asOf={query.dataUpdatedAt}
          />
        }
      >
        {totals.expected === 0 ? (
          <EmptyState title={t('completeness.empty')} hint={t('completeness.emptyHint')} />
        ) : (
          <CompletenessTable rows={c.children} linkTo={linkTo} testId="completeness-table" />
        )}
      </Card>
      <Card
        title={t('completeness.overdueList', { count: n(c.overdue.total) })}
        data-testid="overdue"
        extra={
          <ExportExcelButton
            title={`${c.region.name} ${t('completeness.overdueList', { count: c.overdue.total })}`}
            unit={unit}
            period={c.period}
            columns={overdueExportColumns(t)}
            rows={c.overdue.items}
            asOf={query.dataUpdatedAt}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('completeness.overdueHint')}</Typography.Paragraph>
        {c.overdue.total === 0 ? (
          <EmptyState title={t('completeness.noOverdue')} />
        ) : (
          <OverdueTable
            overdue={c.overdue}
            onPage={setOverdueOffset}
            loading={query.isFetching}
            testId="overdue-table"
          />
        )}
      </Card>
    </Space>
  );
}
