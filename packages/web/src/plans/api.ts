import { keepPreviousData } from '@tanstack/react-query';
import { type HubClient, useHubQuery } from '../hub.tsx';

/** Plan vs actual of a region as `reporting.plans.progress` answers it. */
export type PlanProgress = Awaited<ReturnType<HubClient['reporting']['plans']['progress']['query']>>;
export type PlanTarget = PlanProgress['targets'][number];
export type CoverageGap = PlanProgress['gaps']['items'][number];
export type PlanTargetStatus = PlanTarget['status'];

/**
 * A region's rollout targets against its operating township stations, judged on their deadlines, and one
 * page of its gap list (`reporting.plans.progress`; `asOf` defaults to today in China on the server).
 * @example const progress = usePlanProgress('410900', { gapLimit: 50, gapOffset: 0 });
 */
export function usePlanProgress(
  regionCode: string,
  page: { gapLimit: number; gapOffset: number },
  asOf?: string,
) {
  const input = { regionCode, ...page, ...(asOf ? { asOf } : {}) };
  return useHubQuery(
    ['reporting.plans.progress', input],
    (hub) => hub.reporting.plans.progress.query(input),
    {
      // Paging the gap list keeps the targets on screen instead of flashing a spinner.
      placeholderData: keepPreviousData,
    },
  );
}
