import { type HubClient, useHubQuery } from '@shegong/web';
import { useQueryClient } from '@tanstack/react-query';

export type Coverage = Awaited<ReturnType<HubClient['reporting']['rollups']['coverage']['query']>>;
export type CoverageRow = Coverage['children'][number];
export type ComplianceSummary = Awaited<ReturnType<HubClient['reporting']['compliance']['summary']['query']>>;
export type ComplianceRow = ComplianceSummary['children'][number];
export type ServiceRollup = Awaited<ReturnType<HubClient['reporting']['rollups']['services']['query']>>;

/** Operating stations and township coverage of a region and each child region (`reporting.rollups.coverage`). */
export function useCoverage(regionCode: string) {
  return useHubQuery(['reporting.rollups.coverage', { regionCode }], (hub) =>
    hub.reporting.rollups.coverage.query({ regionCode }),
  );
}

/**
 * Operating stations compliant / not / not yet evaluated, in a region and per child region that has any
 * (`reporting.compliance.summary`).
 */
export function useComplianceSummary(regionCode: string) {
  return useHubQuery(['reporting.compliance.summary', { regionCode }], (hub) =>
    hub.reporting.compliance.summary.query({ regionCode }),
  );
}

/** `YYYY-MM` of the current month and the `count - 1` before it, newest first, by the browser's clock. */
export function recentMonths(count: number, today = new Date()): string[] {
  return Array.from({ length: count }, (_, back) => {
    const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - back, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * The region's service totals for each of the last 12 months, newest first: 12 index reads of the rollups,
 * sent as one batched request. Says which months have any records, so the dashboard opens on the latest
 * month with data (cities report a month after it ends). Each month is read by domain and put in the cache
 * under `useServicesByDomain`'s key, so the month the dashboard opens on (or one picked later) shows without
 * a second round trip that would wait for this one.
 */
export function useMonthlyTotals(regionCode: string) {
  const months = recentMonths(12);
  const queryClient = useQueryClient();
  return useHubQuery(['reporting.rollups.services', 'monthly', { regionCode, months }], (hub) =>
    Promise.all(
      months.map(async (period) => {
        const rollup = await hub.reporting.rollups.services.query({ regionCode, period, by: 'domain' });
        queryClient.setQueryData(servicesByDomainKey(regionCode, period), rollup);
        return { period, records: rollup.totals.records };
      }),
    ),
  );
}

function servicesByDomainKey(regionCode: string, period: string | undefined) {
  return ['reporting.rollups.services', { regionCode, period, by: 'domain' }] as const;
}

/** Records, beneficiaries, hours and volunteers of a region in a month, by canonical domain. */
export function useServicesByDomain(regionCode: string, period: string | undefined) {
  return useHubQuery(
    servicesByDomainKey(regionCode, period),
    (hub) => hub.reporting.rollups.services.query({ regionCode, period: period ?? '', by: 'domain' }),
    { enabled: period !== undefined },
  );
}
