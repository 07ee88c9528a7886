import { type HubClient, useHub, useHubQuery } from '@shegong/web';
import { useMutation, useQueryClient } from '@tanstack/react-query';

type Funding = HubClient['funding'];
/** One page of contracts as `funding.contracts.list` answers it. */
export type ContractPage = Awaited<ReturnType<Funding['contracts']['list']['query']>>;
export type Contract = Awaited<ReturnType<Funding['contracts']['get']['query']>>;
/** A contract's payment requests and what they add up to (`funding.payments.list`), in fen. */
export type ContractPayments = Awaited<ReturnType<Funding['payments']['list']['query']>>;
export type PaymentRequest = ContractPayments['items'][number];
export type PaymentStatus = PaymentRequest['status'];
/** A project budget with its totals and the findings of the budget rules (`funding.budgets.list`). */
export type ContractBudget = Awaited<ReturnType<Funding['budgets']['list']['query']>>['items'][number];
/** What the payment procedures take: the service's zod schemas' input, as the gateway types them. */
export type ApproveInput = Parameters<Funding['payments']['approve']['mutate']>[0];
export type RejectInput = Parameters<Funding['payments']['reject']['mutate']>[0];
export type PayInput = Parameters<Funding['payments']['pay']['mutate']>[0];
export type ApplyForInput = Parameters<Funding['payments']['applyFor']['mutate']>[0];
export type VoucherKind = ApplyForInput['vouchers'][number]['kind'];

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

/**
 * The project budgets that fund a contract (`funding.budgets.list` by `contractId`), each with the budget
 * rules' findings — personnel share, evaluation reserve [ZZ §6.3], assistance-fund cap [ZZ §6.2],
 * labour-cost floor [WH §2.2] — as funding evaluated them when the budget was submitted.
 */
export function useContractBudgets(contractId: string) {
  const input = { contractId, limit: 20 };
  return useHubQuery(['funding.budgets.list', input], (hub) => hub.funding.budgets.list.query(input));
}

/** Every cached read a payment decision may change: the contract's requests and totals, and the summaries. */
const PAYMENT_KEYS = [
  'funding.payments.list',
  'funding.payments.get',
  'funding.contracts.get',
  'funding.executionSummary',
];

/**
 * The county's payment writes through the gateway (`payments.decide`: approve, reject, pay;
 * `payments.apply`: record an application). Each refetches the contract's requests when it succeeds, so
 * the table shows the state the server now holds, never one the page guessed.
 */
export function usePaymentWrites() {
  const hub = useHub();
  const queryClient = useQueryClient();
  const onSuccess = () => {
    for (const key of PAYMENT_KEYS) void queryClient.invalidateQueries({ queryKey: [key] });
  };
  return {
    approve: useMutation({
      mutationFn: (input: ApproveInput) => hub.funding.payments.approve.mutate(input),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: (input: RejectInput) => hub.funding.payments.reject.mutate(input),
      onSuccess,
    }),
    pay: useMutation({ mutationFn: (input: PayInput) => hub.funding.payments.pay.mutate(input), onSuccess }),
    applyFor: useMutation({
      mutationFn: (input: ApplyForInput) => hub.funding.payments.applyFor.mutate(input),
      onSuccess,
    }),
  };
}

/** What `funding.contracts.sign` takes: the service's `SignContractInputSchema`, as the gateway types it. */
export type SignContractInput = Parameters<Funding['contracts']['sign']['mutate']>[0];

/**
 * Signs a purchase contract (`funding.contracts.sign`, `contracts.write`): funding evaluates it under the
 * county's budget profile as it stores it and answers it with its findings (signed within 30 days of the
 * award notice [ZZ §5.3, PY §5.3], cycle, yearly agreements); the contract lists refetch.
 */
export function useSignContract() {
  const hub = useHub();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignContractInput) => hub.funding.contracts.sign.mutate(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['funding.contracts.list'] });
      void queryClient.invalidateQueries({ queryKey: ['funding.executionSummary'] });
    },
  });
}
