import { keepPreviousData } from '@tanstack/react-query';
import { type HubClient, useHubQuery } from '../hub.tsx';

export type OperatorPage = Awaited<ReturnType<HubClient['registry']['operators']['list']['query']>>;
export type OperatorView = OperatorPage['items'][number];
export type OperatorFinding = OperatorView['findings'][number];

/**
 * One page of operators (承接主体, `registry.operators.list`, in id order), each with its findings (the
 * imported-operator rating rule [ZZ §4.1, PY §4.1], social work in the business scope [ZZ §4.1]).
 */
export function useOperators(query: { cursor?: string; limit?: number }) {
  const input = { limit: 20, ...query };
  return useHubQuery(['registry.operators.list', input], (hub) => hub.registry.operators.list.query(input), {
    placeholderData: keepPreviousData,
  });
}

/** One operator (`registry.operators.get`); an unknown id answers 404. */
export function useOperator(id: string) {
  return useHubQuery(['registry.operators.get', { id }], (hub) => hub.registry.operators.get.query({ id }));
}
