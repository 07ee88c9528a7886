import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type HubClient, useHub, useHubQuery } from '../hub.tsx';

/** A report as `reporting.reports.get` answers it: figures, corrections, status, timeliness, lock. */
export type Report = Awaited<ReturnType<HubClient['reporting']['reports']['get']['query']>>;
export type ReportStatus = Report['status'];
export type ReportFigures = Report['figures'];
export type ReportCorrection = Report['corrections'][number];

type Reports = HubClient['reporting']['reports'];
export type ReportDraftInput = Parameters<Reports['draft']['mutate']>[0];
export type ReportCorrectInput = Parameters<Reports['correct']['mutate']>[0];
/** A report by id and its unit: the gateway places every report call by the unit. */
export interface ReportRef {
  reportId: string;
  unitRegionCode: string;
}

const LIST = 'reporting.reports.list';
const GET = 'reporting.reports.get';

/**
 * The reports of every unit inside a region (`reporting.reports.list`, by period then unit): a county
 * sees its own, a city its counties' and its own; `period` narrows to one period key or a year.
 * @example useReports('410100') // the queue's source for Zhengzhou
 */
export function useReports(regionCode: string | undefined, period?: string) {
  const input = { regionCode: regionCode ?? '', ...(period && { period }) };
  return useHubQuery([LIST, input], (hub) => hub.reporting.reports.list.query(input), {
    enabled: regionCode !== undefined,
  });
}

/** One report (`reporting.reports.get`); one of a unit outside the jurisdiction is "not found". */
export function useReport(ref: ReportRef) {
  return useHubQuery([GET, ref], (hub) => hub.reporting.reports.get.query(ref));
}

/**
 * The report workflow's steps as mutations: each answers the report as it now stands, which replaces the
 * cached copy, and every list is refetched (a status moved). The gateway decides who may take a step: the
 * unit drafts, corrects and submits; the level above approves and returns [ZZ §2, §5.6].
 */
export function useReportSteps() {
  const hub = useHub();
  const queryClient = useQueryClient();
  const settle = (report: Report) => {
    queryClient.setQueryData([GET, { reportId: report.id, unitRegionCode: report.unitRegionCode }], report);
    void queryClient.invalidateQueries({ queryKey: [LIST] });
  };
  const settled = { onSuccess: settle };
  return {
    draft: useMutation<Report, Error, ReportDraftInput>({
      mutationFn: (input) => hub.reporting.reports.draft.mutate(input),
      ...settled,
    }),
    correct: useMutation<Report, Error, ReportCorrectInput>({
      mutationFn: (input) => hub.reporting.reports.correct.mutate(input),
      ...settled,
    }),
    submit: useMutation<Report, Error, ReportRef>({
      mutationFn: (input) => hub.reporting.reports.submit.mutate(input),
      ...settled,
    }),
    approve: useMutation<Report, Error, ReportRef>({
      mutationFn: (input) => hub.reporting.reports.approve.mutate(input),
      ...settled,
    }),
    sendBack: useMutation<Report, Error, ReportRef & { reason: string }>({
      mutationFn: (input) => hub.reporting.reports.return.mutate(input),
      ...settled,
    }),
  };
}
