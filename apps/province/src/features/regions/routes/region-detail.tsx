import {
  CursorPager,
  DataAsOf,
  EmptyState,
  ErrorState,
  ExportExcelButton,
  formatNumber,
  formatPercent,
  LoadingState,
  StationsTable,
  stationExportColumns,
  useCursorPages,
  useI18n,
  useRegionChain,
  useRegionNames,
  useStations,
} from '@shegong/web';
import { Button, Card, Descriptions, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useComplianceSummary, useCoverage } from '../../../api/rollups.ts';
import { ComplianceTable, complianceExportColumns } from '../../../components/compliance-table.tsx';
import { CoverageChart } from '../../../components/coverage-chart.tsx';
import { CoverageTable, coverageExportColumns } from '../../../components/coverage-table.tsx';
import { RegionTrail } from '../../../components/region-trail.tsx';

const PAGE_SIZE = 20;

/**
 * `/regions/:regionCode`: one step of the drill-down. A city shows its counties' coverage and compliance
 * (each county drills further); a county (or township) its stations, each to its findings. A region
 * outside the jurisdiction is refused by the server (403), and said so.
 */
export function RegionPage() {
  const { regionCode = '' } = useParams();
  const { t } = useI18n();
  const chain = useRegionChain(regionCode);
  // Asked at once, beside the chain, under the keys the city or county view reads: the view waits for the
  // chain (its level) but no longer starts its own calls only then, one round trip after.
  useCoverage(regionCode);
  useComplianceSummary(regionCode);
  useStations({ regionCode, limit: PAGE_SIZE }, { enabled: looksBelowCity(regionCode) });
  const back = (
    <Link to="/dashboard">
      <Button type="primary">{t('nav.backToDashboard')}</Button>
    </Link>
  );
  if (chain.isPending) return <LoadingState />;
  if (chain.isError)
    return (
      <Card data-testid="region-error">
        <ErrorState error={chain.error} onRetry={() => void chain.refetch()} back={back} />
      </Card>
    );
  const region = chain.data.at(-1);
  if (!region) return null;
  if (region.level === 'province') return <Navigate to={`/dashboard/${region.code}`} replace />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="region-page">
      <RegionTrail code={region.code} />
      {region.level === 'city' ? (
        <CityView key={region.code} code={region.code} back={back} />
      ) : (
        <CountyView key={region.code} code={region.code} back={back} />
      )}
    </Space>
  );
}

/**
 * Whether a code reads as a county's or a township's in the national division code (GB/T 2260: a city is
 * `XXYY00`, a county `XXYYZZ`, a township nine digits): only to ask for its stations ahead of the chain.
 * The chain's level decides which view shows; a wrong guess costs one unused call, or none made early.
 */
function looksBelowCity(code: string): boolean {
  return (/^\d{6}$/.test(code) && !code.endsWith('00')) || /^\d{9}(\d{3})?$/.test(code);
}

/** A city: its counties' coverage (table and chart) and staffing compliance. */
function CityView({ code, back }: { code: string; back: ReactNode }) {
  const { t } = useI18n();
  const coverage = useCoverage(code);
  const compliance = useComplianceSummary(code);
  if (coverage.isPending) return <LoadingState />;
  if (coverage.isError)
    return (
      <Card data-testid="region-error">
        <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} back={back} />
      </Card>
    );
  return (
    <>
      <Card
        title={t('region.countiesOf', { name: coverage.data.name })}
        extra={
          <Space>
            <ExportExcelButton
              title={t('region.countiesOf', { name: coverage.data.name })}
              unit={`${coverage.data.name}（${code}）`}
              columns={coverageExportColumns(t, 'region.county')}
              rows={coverage.data.children}
              asOf={coverage.dataUpdatedAt}
            />
            <DataAsOf at={coverage.dataUpdatedAt} />
          </Space>
        }
        data-testid="counties"
      >
        <RegionFigures coverage={coverage.data} compliance={compliance.data} />
        <CoverageTable
          rows={coverage.data.children}
          regionLabelKey="region.county"
          testId="county-coverage"
        />
      </Card>
      <Card title={t('dashboard.coverageChart')}>
        <CoverageChart rows={coverage.data.children} />
      </Card>
      <Card
        title={t('region.complianceByCounty')}
        extra={
          <ExportExcelButton
            title={`${coverage.data.name} ${t('region.complianceByCounty')}`}
            unit={`${coverage.data.name}（${code}）`}
            columns={complianceExportColumns(t, 'region.county')}
            rows={compliance.data?.children ?? []}
            asOf={compliance.dataUpdatedAt}
          />
        }
        data-testid="county-compliance"
      >
        {compliance.isPending ? (
          <LoadingState />
        ) : compliance.isError ? (
          <ErrorState error={compliance.error} onRetry={() => void compliance.refetch()} />
        ) : compliance.data.children.length === 0 ? (
          <EmptyState title={t('compliance.empty')} hint={t('compliance.emptyHint')} />
        ) : (
          <ComplianceTable rows={compliance.data.children} regionLabelKey="region.county" />
        )}
      </Card>
    </>
  );
}

/** A county (or a township): its figures, then its stations a page at a time, each to its findings. */
function CountyView({ code, back }: { code: string; back: ReactNode }) {
  const { t } = useI18n();
  const coverage = useCoverage(code);
  const compliance = useComplianceSummary(code);
  const pages = useCursorPages();
  const { cursor } = pages;
  const stations = useStations({ regionCode: code, limit: PAGE_SIZE, ...(cursor && { cursor }) });
  const regionNames = useRegionNames(stations.data?.items.map((s) => s.regionCode) ?? []);
  if (stations.isError)
    return (
      <Card data-testid="region-error">
        <ErrorState error={stations.error} onRetry={() => void stations.refetch()} back={back} />
      </Card>
    );
  return (
    <Card
      title={t('region.stationsOf', { name: coverage.data?.name ?? code })}
      extra={
        <Space>
          <ExportExcelButton
            title={t('region.stationsOf', { name: coverage.data?.name ?? code })}
            unit={`${coverage.data?.name ?? code}（${code}）`}
            columns={stationExportColumns(t, regionNames)}
            rows={stations.data?.items ?? []}
            asOf={stations.dataUpdatedAt}
          />
          <DataAsOf at={stations.dataUpdatedAt} />
        </Space>
      }
      data-testid="county-stations"
    >
      {coverage.data && <RegionFigures coverage={coverage.data} compliance={compliance.data} />}
      {stations.isPending ? (
        <LoadingState />
      ) : stations.data.items.length === 0 ? (
        <EmptyState title={t('region.noStations')} hint={t('region.noStationsHint')} />
      ) : (
        <>
          <StationsTable
            stations={stations.data.items}
            regionNames={regionNames}
            loading={stations.isPlaceholderData}
          />
          {(pages.page > 1 || stations.data.nextCursor !== null) && (
            <CursorPager pages={pages} nextCursor={stations.data.nextCursor} />
          )}
        </>
      )}
    </Card>
  );
}

/** The region's own totals, above its table. */
function RegionFigures({
  coverage,
  compliance,
}: {
  coverage: { operatingStations: number; coveredTownships: number; townships: number; coverage: number };
  compliance: { compliant: number; nonCompliant: number; notEvaluated: number } | undefined;
}) {
  const { t, locale } = useI18n();
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3, xl: 6 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'stations', label: t('coverage.operatingStations'), children: n(coverage.operatingStations) },
        {
          key: 'townships',
          label: t('coverage.coveredOfTownships'),
          children: `${n(coverage.coveredTownships)} / ${n(coverage.townships)}`,
        },
        { key: 'share', label: t('coverage.share'), children: formatPercent(coverage.coverage, locale) },
        { key: 'ok', label: t('compliance.compliant'), children: compliance ? n(compliance.compliant) : '—' },
        {
          key: 'bad',
          label: t('compliance.nonCompliant'),
          children: compliance ? n(compliance.nonCompliant) : '—',
        },
        {
          key: 'none',
          label: t('compliance.notEvaluatedShort'),
          children: compliance ? n(compliance.notEvaluated) : '—',
        },
      ]}
    />
  );
}
