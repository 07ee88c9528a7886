import {
  DataAsOf,
  EmptyState,
  ErrorState,
  ExportExcelButton,
  formatNumber,
  formatPercent,
  LoadingState,
  useAuth,
  useI18n,
} from '@shegong/web';
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useProvinces } from '../../../api/provinces.ts';
import {
  useComplianceSummary,
  useCoverage,
  useMonthlyTotals,
  useServicesByDomain,
} from '../../../api/rollups.ts';
import { ComplianceTable, complianceExportColumns } from '../../../components/compliance-table.tsx';
import { CoverageChart } from '../../../components/coverage-chart.tsx';
import { CoverageTable, coverageExportColumns } from '../../../components/coverage-table.tsx';
import { ProvinceSwitcher } from '../../../components/province-switcher.tsx';
import { ServicesTable, servicesExportColumns } from '../components/services-table.tsx';

/**
 * `/dashboard/:provinceCode`: one province at a glance — coverage by city (table and chart), staffing
 * compliance by city, the latest month's service volumes by canonical domain. Every city drills down.
 * Without a code it opens the user's own province; a user with a cross-province grant switches between
 * its provinces.
 */
export function DashboardPage() {
  const provinces = useProvinces();
  const { session } = useAuth();
  const { provinceCode } = useParams();
  if (!provinceCode) {
    // A city or county user has no province to see: its own region's drill-down instead.
    const own = session?.principal;
    if (own && own.role !== 'province') return <Navigate to={`/regions/${own.regionCode}`} replace />;
    return provinces[0] ? <Navigate to={`/dashboard/${provinces[0]}`} replace /> : null;
  }
  return <ProvinceDashboard key={provinceCode} provinceCode={provinceCode} provinces={provinces} />;
}

function ProvinceDashboard({ provinceCode, provinces }: { provinceCode: string; provinces: string[] }) {
  const { t, locale } = useI18n();
  const coverage = useCoverage(provinceCode);
  const compliance = useComplianceSummary(provinceCode);
  // Asked here, with the figures above, not first when `ServiceVolumes` mounts after coverage arrives: one
  // round trip for the whole page instead of two in a row (the months carry their by-domain rows too).
  useMonthlyTotals(provinceCode);

  if (coverage.isPending) return <LoadingState />;
  if (coverage.isError)
    return (
      <Card data-testid="dashboard-error">
        <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
      </Card>
    );
  const c = coverage.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Card
        title={
          <Space wrap>
            <span data-testid="dashboard-title">{t('dashboard.title', { name: c.name })}</span>
            {provinces.length > 1 && <ProvinceSwitcher provinces={provinces} current={c.regionCode} />}
          </Space>
        }
        extra={<DataAsOf at={coverage.dataUpdatedAt} />}
      >
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('coverage.operatingStations')}
              value={formatNumber(c.operatingStations, locale)}
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('coverage.coveredOfTownships')}
              value={`${formatNumber(c.coveredTownships, locale)} / ${formatNumber(c.townships, locale)}`}
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic title={t('coverage.share')} value={formatPercent(c.coverage, locale)} />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('compliance.nonCompliant')}
              value={compliance.data ? formatNumber(compliance.data.nonCompliant, locale) : '—'}
              suffix={compliance.data ? `/ ${formatNumber(compliance.data.stations, locale)}` : undefined}
            />
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title={t('dashboard.coverageByCity')}
            extra={
              <ExportExcelButton
                title={`${c.name} ${t('dashboard.coverageByCity')}`}
                unit={`${c.name}（${c.regionCode}）`}
                columns={coverageExportColumns(t, 'region.city')}
                rows={c.children}
                asOf={coverage.dataUpdatedAt}
              />
            }
            data-testid="coverage"
          >
            <Typography.Paragraph type="secondary">{t('dashboard.coverageHint')}</Typography.Paragraph>
            <CoverageTable rows={c.children} regionLabelKey="region.city" testId="coverage-table" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.coverageChart')}>
            <CoverageChart rows={c.children} />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('dashboard.complianceByCity')}
        extra={
          <Space>
            <ExportExcelButton
              title={`${c.name} ${t('dashboard.complianceByCity')}`}
              unit={`${c.name}（${c.regionCode}）`}
              columns={complianceExportColumns(t, 'region.city')}
              rows={compliance.data?.children ?? []}
              asOf={compliance.dataUpdatedAt}
            />
            <DataAsOf at={compliance.dataUpdatedAt} />
          </Space>
        }
        data-testid="compliance-by-city"
      >
        {compliance.isPending ? (
          <LoadingState />
        ) : compliance.isError ? (
          <ErrorState error={compliance.error} onRetry={() => void compliance.refetch()} />
        ) : compliance.data.children.length === 0 ? (
          <EmptyState title={t('compliance.empty')} hint={t('compliance.emptyHint')} />
        ) : (
          <ComplianceTable
            rows={compliance.data.children}
            regionLabelKey="region.city"
            testId="compliance-table"
          />
        )}
      </Card>
      <ServiceVolumes regionCode={provinceCode} />
    </Space>
  );
}

/** The latest month with service records (or the one chosen), by canonical domain. */
function ServiceVolumes({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const monthly = useMonthlyTotals(regionCode);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const latest = monthly.data?.find((m) => m.records > 0)?.period;
  const period = chosen ?? latest;
  const services = useServicesByDomain(regionCode, period);

  return (
    <Card
      title={t('services.title')}
      data-testid="services"
      extra={
        <Space>
          {monthly.data && (
            <Select<string>
              aria-label={t('services.month')}
              style={{ width: 210 }}
              value={period}
              placeholder={t('services.month')}
              onChange={setChosen}
              options={monthly.data.map((m) => ({
                value: m.period,
                label: t('services.monthOption', { month: m.period, records: m.records }),
              }))}
            />
          )}
          {period && (
            <ExportExcelButton
              title={t('services.title')}
              columns={servicesExportColumns(t)}
              rows={services.data?.rows ?? []}
              asOf={services.dataUpdatedAt}
              period={period}
            />
          )}
          <DataAsOf at={services.dataUpdatedAt} />
        </Space>
      }
    >
      {monthly.isPending ? (
        <LoadingState />
      ) : monthly.isError ? (
        <ErrorState error={monthly.error} onRetry={() => void monthly.refetch()} />
      ) : period === undefined ? (
        <EmptyState title={t('services.empty')} hint={t('services.emptyHint')} />
      ) : services.isPending ? (
        <LoadingState />
      ) : services.isError ? (
        <ErrorState error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.rows.length === 0 ? (
        <EmptyState title={t('services.emptyMonth', { month: period })} hint={t('services.emptyHint')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="services-period">
            {t('services.hint', { month: period })}
          </Typography.Paragraph>
          <ServicesTable rollup={services.data} />
        </>
      )}
    </Card>
  );
}
