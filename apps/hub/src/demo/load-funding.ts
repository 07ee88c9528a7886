import type { DemoDataset } from './dataset.ts';
import type { FundingWriter } from './writers.ts';

/**
 * Signs the demo contracts, submits their budgets and walks the payment requests through
 * applied → approved → paid, through the funding service's own procedures.
 */
export async function loadFunding(funding: FundingWriter, data: DemoDataset): Promise<void> {
  for (const contract of data.contracts) {
    const { yearlyTerms, evaluations, ...signing } = contract;
    await funding.contracts.sign({ ...signing, yearlyTerms: yearlyTerms.slice(0, 1), evaluations: [] });
    for (const term of yearlyTerms.slice(1))
      await funding.contracts.addYearlyTerm({ contractId: contract.id, ...term });
    for (const evaluation of evaluations)
      await funding.contracts.addEvaluation({ contractId: contract.id, ...evaluation });
  }
  for (const budget of data.budgets) {
    await funding.budgets.submit(budget as Parameters<FundingWriter['budgets']['submit']>[0]);
  }
  for (const payment of data.payments) {
    await funding.payments.applyFor({
      id: payment.id,
      contractId: payment.contractId,
      amountFen: payment.amountFen,
      appliedOn: payment.appliedOn,
      vouchers: payment.vouchers,
    });
    if (payment.approvedOn)
      await funding.payments.approve({ id: payment.id, approvedOn: payment.approvedOn });
    if (payment.paidOn) await funding.payments.pay({ id: payment.id, paidOn: payment.paidOn });
  }
}
