import { type HubClient, useHubQuery } from '@shegong/web';

type Funding = HubClient['funding'];
/** One page of contracts as `funding.contracts.list` answers it. */
export type ContractPage = Awaited<ReturnType<Funding['contracts']['list']['query']>>;
export type Contract = Awaited<ReturnType<Funding['contracts']['get']['query']>>;
/** A contract's payment requests and what they add up to (`funding.payments.list`), in fen. */
export type ContractPayments = Awaited<ReturnType<Funding['payments']['list']['query']>>;
export type PaymentRequest = ContractPayments['items'][number];

/**
 * The county's purchase contracts, a page at a time (`funding.contracts.list`): the gateway answers the
 * signed-in county's own, each with the findings funding noticed (signing deadline, term …).
 */
export function useContracts(query: { cursor?: string; limit?: number }) {
  const input = { limit: 20, ...query };
  return useHubQuery(['funding.contracts.list', input], (hub) => hub.funding.contracts.list.query(input));
}

/** One contract with its yearly agreements, evaluations and findings; outside the county it is "not found". */
export function useContract(id: string) {
  return useHubQuery(['funding.contracts.get', { id }], (hub) => hub.funding.contracts.get.query({ id }));
}

/** A contract's payment requests (applied → approved → paid, or rejected), vouchers and totals. */
export function usePayments(contractId: string) {
  return useHubQuery(['funding.payments.list', { contractId }], (hub) =>
    hub.funding.payments.list.query({ contractId }),
  );
}
