import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type HubClient, useHub, useHubQuery } from '../hub.tsx';
import { schemeView } from './scheme.ts';

type Evaluations = HubClient['reporting']['evaluations'];
/** An evaluation as `reporting.evaluations.get` answers it: facts, their sources, entries, vetoes, score. */
export type Evaluation = Awaited<ReturnType<Evaluations['get']['query']>>;
export type EvaluationScore = Evaluation['score'];
export type RecordEvaluationInput = Parameters<Evaluations['record']['mutate']>[0];
export type EvaluationKind = Evaluation['kind'];

const LIST = 'reporting.evaluations.list';
const SCHEME = 'reporting.evaluations.scheme';
const GET = 'reporting.evaluations.get';

/**
 * The evaluations of the stations inside a region (`reporting.evaluations.list`, by day decided), one
 * station's with `stationId`; `period` narrows to a year (`2026`) or half-year (`2026-H2`).
 * @example useEvaluations({ regionCode: '410105', stationId: 'st-410105001' })
 */
export function useEvaluations(query: {
  regionCode: string | undefined;
  stationId?: string;
  period?: string;
}) {
  const input = {
    regionCode: query.regionCode ?? '',
    ...(query.stationId && { stationId: query.stationId }),
    ...(query.period && { period: query.period }),
  };
  return useHubQuery([LIST, input], (hub) => hub.reporting.evaluations.list.query(input), {
    enabled: query.regionCode !== undefined,
  });
}

/** One evaluation of a station (`reporting.evaluations.get`): placed by its station, so outside the jurisdiction is 404. */
export function useEvaluation(ref: { stationId: string; evaluationId: string }) {
  return useHubQuery([GET, ref], (hub) => hub.reporting.evaluations.get.query(ref));
}

/**
 * Records an evaluation (`reporting.evaluations.record`): the gateway sets who conducted it (the caller's
 * level) and who recorded it; reporting fills the computed indicators from its own data and scores it.
 * The answer replaces the cached copy and every list is refetched.
 */
export function useRecordEvaluation() {
  const hub = useHub();
  const queryClient = useQueryClient();
  return useMutation<Evaluation, Error, RecordEvaluationInput>({
    mutationFn: (input) => hub.reporting.evaluations.record.mutate(input),
    onSuccess: (evaluation) => {
      queryClient.setQueryData(
        [GET, { stationId: evaluation.stationId, evaluationId: evaluation.id }],
        evaluation,
      );
      void queryClient.invalidateQueries({ queryKey: [LIST] });
    },
  });
}

/**
 * The scheme a station is scored with (`reporting.evaluations.scheme`: its region's evaluation profile's),
 * read into the view the entry screens use; disabled until a station is chosen.
 */
export function useStationScheme(stationId: string | undefined) {
  return useHubQuery(
    [SCHEME, stationId],
    async (hub) =>
      schemeView((await hub.reporting.evaluations.scheme.query({ stationId: stationId ?? '' })).scheme),
    { enabled: stationId !== undefined && stationId !== '', staleTime: 60 * 60_000 },
  );
}
