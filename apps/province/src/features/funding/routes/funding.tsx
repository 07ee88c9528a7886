import {
  DataAsOf,
  EmptyState,
  ErrorState,
  type ExecutionRow,
  type ExecutionSummary,
  ExecutionTable,
  ExportExcelButton,
  executionExportColumns,
  formatMoney,
  formatPercent,
  fundingYears,
  hasExecution,
  LoadingState,
  useExecutionByYear,
  useExecutionSummaries,
  useHubQuery,
  useI18n,
  useRegionChain,
  useRegionNames,
} from '@shegong/web';
import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useProvinces } from '../../../api/provinces.ts';
import { OwnRegionRedirect } from '../../../components/own-region.tsx';
import { ProvinceSwitcher } from '../../../components/province-switcher.tsx';
import { ScreenTrail } from '../../../components/screen-trail.tsx';

const BASE = '/funding';

/** A summary's figures as one table row, named. */
function rowOf(
  { byCounty: _byCounty, year: _year, ...figures }: ExecutionSummary,
  name: string,
): ExecutionRow {
  return { ...figures, name };
}

/**
 * `/funding/:regionCode?year=`: budget execution and payments (预算执行) of a province by city, of a city by
 * county, each figure the server's own (`funding.funding.executionSummary`, integer fen shown as 元): a
 * province's rows are one summary per city, a city's rows its summary's counties. The totals row is the
 * region's own summary, not a sum made in the browser.
 */
export function FundingPage() {
  const { regionCode } = useParams();
  if (!regionCode) return <OwnRegionRedirect base={BASE} />;
  return <RegionFunding key={regionCode} regionCode={regionCode} />;
}

function RegionFunding({ regionCode }: { regionCode: string }) {
  const { t, locale } = useI18n();
  const provinces = useProvinces();
  const [search, setSearch] = useSearchParams();
  const years = fundingYears();
  const chain = useRegionChain(regionCode);
  const region = chain.data?.at(-1);
  // Every year's totals at once: the screen opens on the latest year with any money in it.
  const byYear = useExecutionByYear(regionCode, years);
  const latest = byYear.data?.find(hasExecution)?.year ?? (years[0] as number);
  const asked = Number(search.get('year'));
  const year = years.includes(asked) ? asked : latest;
  const summary = byYear.data?.find((s) => s.year === year);
  // A province's cities, one summary each; a city's counties come with its own summary.
  const cities = useHubQuery(
    ['regions.children', { code: regionCode }],
    (hub) => hub.regions.children.query({ code: regionCode }),
    { enabled: region?.level === 'province', staleTime: Number.POSITIVE_INFINITY },
  );
  const cityCodes = (cities.data ?? []).map((c) => c.code);
  const perCity = useExecutionSummaries(region?.level === 'province' && byYear.data ? cityCodes : [], year);
  const countyNames = useRegionNames(summary?.byCounty.map((c) => c.countyCode) ?? []);

  const header = (
    <Space wrap>
      <Select<number>
        aria-label={t('funding.year')}
        data-testid="year-select"
        style={{ width: 170 }}
        value={year}
        onChange={(next) => setSearch({ year: String(next) })}
        options={years.map((y, i) => ({
          value: y,
          label: t(
            hasExecution(byYear.data?.[i] ?? { contractCount: 0, budgetCount: 0, paymentCount: 0 })
              ? 'funding.yearOption'
              : 'funding.yearEmpty',
            { year: y },
          ),
        }))}
      />
      <DataAsOf at={byYear.dataUpdatedAt} />
    </Space>
  );

  if (byYear.isPending || chain.isPending) return <LoadingState />;
  if (byYear.isError || chain.isError || !summary)
    return (
      <Card data-testid="funding-error" extra={header}>
        <ErrorState
          error={byYear.error ?? chain.error}
          onRetry={() => {
            void byYear.refetch();
            void chain.refetch();
          }}
        />
      </Card>
    );
  const s = summary;
  const name = region?.name ?? regionCode;
  const total = rowOf(s, name);
  const isProvince = region?.level === 'province';
  const rows: ExecutionRow[] = isProvince
    ? (perCity.data ?? []).map((city, i) => rowOf(city, cities.data?.[i]?.name ?? city.regionCode))
    : s.byCounty.map(({ countyCode, ...figures }) => ({
        ...figures,
        regionCode: countyCode,
        name: countyNames.get(countyCode) ?? countyCode,
      }));
  const rowsPending = isProvince && (cities.isPending || perCity.isPending);
  const rowsError = isProvince ? (cities.error ?? perCity.error) : null;
  const empty = s.contractCount === 0 && s.budgetCount === 0 && s.paymentCount === 0;
  // Province → city → county; a county's own row is the end of the drill.
  const linkTo = (row: ExecutionRow) =>
    row.regionCode !== s.regionCode ? `${BASE}/${row.regionCode}?year=${year}` : undefined;
  const tableTitle = t(isProvince ? 'fundingPage.byCity' : 'fundingPage.byCounty');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="funding-page">
      <Card
        title={
          <Space wrap>
            <span data-testid="funding-title">{t('fundingPage.title', { name, year })}</span>
            {provinces.length > 1 && isProvince && (
              <ProvinceSwitcher provinces={provinces} current={s.regionCode} base={BASE} />
            )}
          </Space>
        }
        extra={header}
      >
        <ScreenTrail code={s.regionCode} base={BASE} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('fundingPage.hint')}
        </Typography.Paragraph>
        <Row gutter={[16, 16]} data-testid="funding-totals">
          <Col xs={12} lg={6}>
            <Statistic
              title={t('funding.contracted')}
              value={formatMoney(s.contractedFen, locale, 'unit')}
              data-testid="total-contracted"
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('funding.budgeted')}
              value={formatMoney(s.budgetedFen, locale, 'unit')}
              data-testid="total-budgeted"
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('funding.paid')}
              value={formatMoney(s.paidFen, locale, 'unit')}
              data-testid="total-paid"
            />
          </Col>
          <Col xs={12} lg={6}>
            <Statistic
              title={t('funding.execution')}
              value={
                s.executionBp === null ? t('funding.noBudget') : formatPercent(s.executionBp / 10_000, locale)
              }
              data-testid="total-execution"
            />
          </Col>
        </Row>
      </Card>
      <Card
        title={tableTitle}
        data-testid="funding-children"
        extra={
          <ExportExcelButton
            title={`${name} ${tableTitle}`}
            unit={`${name}（${s.regionCode}）`}
            period={String(year)}
            columns={executionExportColumns(t)}
            rows={rows}
            asOf={byYear.dataUpdatedAt}
          />
        }
      >
        {empty ? (
          <EmptyState title={t('funding.empty')} hint={t('funding.emptyHint')} />
        ) : rowsPending ? (
          <LoadingState />
        ) : rowsError ? (
          <ErrorState error={rowsError} onRetry={() => void perCity.refetch()} />
        ) : (
          <ExecutionTable rows={rows} linkTo={linkTo} summary={total} testId="execution-table" />
        )}
      </Card>
    </Space>
  );
}
