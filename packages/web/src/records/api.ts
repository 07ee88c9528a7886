import { keepPreviousData } from '@tanstack/react-query';
import { type HubClient, useHubQuery } from '../hub.tsx';

export type ServiceRecordPage = Awaited<
  ReturnType<HubClient['reporting']['serviceRecords']['list']['query']>
>;
export type ServiceRecordRow = ServiceRecordPage['items'][number];

/** One page of a station's service records (`reporting.serviceRecords.list`), by date then id. */
export function useServiceRecords(query: {
  stationId: string;
  month?: string;
  cursor?: string;
  limit?: number;
}) {
  const input = { limit: 50, ...query };
  return useHubQuery(
    ['reporting.serviceRecords.list', input],
    (hub) => hub.reporting.serviceRecords.list.query(input),
    { placeholderData: keepPreviousData },
  );
}
