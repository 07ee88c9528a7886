import { keepPreviousData } from '@tanstack/react-query';
import { type HubClient, useHubQuery } from '../hub.tsx';

/** Completeness and timeliness of a region's reports as `reporting.reports.completeness` answers it. */
export type Completeness = Awaited<ReturnType<HubClient['reporting']['reports']['completeness']['query']>>;
export type RegionCompleteness = Completeness['region'];
export type OverdueReport = Completeness['overdue']['items'][number];

/**
 * Expected, received, on time and overdue reports of a region and each child region for a period, with one
 * page of the overdue list (oldest due day first; how late against today in China, on the server).
 * @example const c = useCompleteness('410000', '2026-Q3', { overdueLimit: 20, overdueOffset: 0 });
 */
export function useCompleteness(
  regionCode: string,
  period: string,
  page: { overdueLimit: number; overdueOffset: number },
) {
  const input = { regionCode, period, ...page };
  return useHubQuery(
    ['reporting.reports.completeness', input],
    (hub) => hub.reporting.reports.completeness.query(input),
    // Paging the overdue list keeps the figures on screen instead of flashing a spinner.
    { placeholderData: keepPreviousData },
  );
}

/**
 * The report periods a completeness screen offers, newest first, by the browser's clock: this year and the
 * last, each as a year, its halves and its quarters. Default: the latest quarter that has ended.
 * @example recentReportPeriods(new Date('2026-12-03')).default // '2026-Q3'
 */
export function recentReportPeriods(today = new Date()): { periods: string[]; default: string } {
  const year = today.getFullYear();
  const quarter = Math.floor(today.getMonth() / 3) + 1;
  const periods: string[] = [];
  for (const y of [year, year - 1]) {
    periods.push(String(y), `${y}-H2`, `${y}-H1`, `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`);
  }
  const latest = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  return { periods, default: latest };
}
