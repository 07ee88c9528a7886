import type { FundingRouter } from '@shegong/funding-service';
import { DomainError } from '@shegong/kernel';
import { z } from 'zod';
import {
  fields,
  listRegion,
  mutation,
  notInJurisdiction,
  type Policies,
  type PolicyContext,
  query,
  reachesContract,
  requireContract,
  requireRegion,
  requireStation,
  unchanged,
} from './policy.ts';

const Id = z.object({ id: z.string() });
const ContractRef = z.object({ contractId: z.string() });

async function requirePayment(ctx: PolicyContext, id: string, mode: 'read' | 'write') {
  const contract = await ctx.lookups.paymentContract(id);
  if (!contract || !reachesContract(ctx.principal, contract, mode))
    throw notInJurisdiction(ctx, 'PAYMENT', id, ['id']);
}

/** A budget is the county's; an operator sees the budgets of its own contracts. */
async function requireBudget(ctx: PolicyContext, id: string) {
  const budget = await ctx.lookups.budget(id);
  const contract = budget?.contractId ? await ctx.lookups.contract(budget.contractId) : undefined;
  const reachable =
    budget !== undefined &&
    (ctx.principal.role === 'operator'
      ? contract !== undefined && reachesContract(ctx.principal, contract)
      : reachesContract(ctx.principal, { countyCode: budget.countyCode, operatorId: '' }));
  if (!reachable) throw notInJurisdiction(ctx, 'BUDGET', id, ['id']);
}

/**
 * Every funding procedure as the gateway exposes it. Counties buy the service and decide on payments;
 * operators apply for payment and see their own contracts; a region's money summary is for civil affairs
 * staff only, not for one of the operators in it.
 */
export const fundingPolicies: Policies<FundingRouter> = {
  'contracts.sign': mutation('contracts.write', async (ctx, input) => {
    const c = fields(
      z.object({ countyCode: z.string(), stationIds: z.array(z.string()).default([]) }),
      input,
    );
    requireRegion(ctx, c.countyCode, ['countyCode'], 'write');
    await ctx.lookups.stations(c.stationIds);
    for (const [i, id] of c.stationIds.entries()) await requireStation(ctx, id, ['stationIds', i], 'write');
    return { input };
  }),
  'contracts.addYearlyTerm': mutation('contracts.write', async (ctx, input) => {
    await requireContract(ctx, fields(ContractRef, input).contractId, ['contractId'], 'write');
    return { input };
  }),
  'contracts.addEvaluation': mutation('contracts.write', async (ctx, input) => {
    await requireContract(ctx, fields(ContractRef, input).contractId, ['contractId'], 'write');
    return { input };
  }),
  'contracts.get': query('funding.read', async (ctx, input) => {
    await requireContract(ctx, fields(Id, input).id, ['id']);
    return { input };
  }),
  'contracts.list': query('funding.read', (ctx, input) => {
    const given = fields(z.object({ countyCode: z.string().optional() }), input);
    return {
      input: { ...(input as object), countyCode: listRegion(ctx, given.countyCode, ['countyCode']) },
      finish: (page) => ({ ...page, items: page.items.filter((c) => reachesContract(ctx.principal, c)) }),
    };
  }),

  'budgets.submit': mutation('contracts.write', async (ctx, input) => {
    const b = fields(z.object({ countyCode: z.string(), contractId: z.string().optional() }), input);
    requireRegion(ctx, b.countyCode, ['countyCode'], 'write');
    if (b.contractId !== undefined) await requireContract(ctx, b.contractId, ['contractId'], 'write');
    return { input };
  }),
  'budgets.get': query('funding.read', async (ctx, input) => {
    await requireBudget(ctx, fields(Id, input).id);
    return { input };
  }),
  'budgets.list': query('funding.read', async (ctx, input) => {
    const given = fields(
      z.object({ countyCode: z.string().optional(), contractId: z.string().optional() }),
      input,
    );
    if (given.contractId !== undefined) await requireContract(ctx, given.contractId, ['contractId']);
    else if (ctx.principal.role === 'operator') {
      throw new DomainError(
        'INPUT_INVALID',
        'an operator lists the budgets of one of its contracts: name its contractId',
        {
          path: ['contractId'],
        },
      );
    }
    return {
      input: { ...(input as object), countyCode: listRegion(ctx, given.countyCode, ['countyCode']) },
    };
  }),

  'payments.applyFor': mutation('payments.apply', async (ctx, input) => {
    await requireContract(ctx, fields(ContractRef, input).contractId, ['contractId'], 'write');
    return { input };
  }),
  'payments.approve': mutation('payments.decide', async (ctx, input) => {
    await requirePayment(ctx, fields(Id, input).id, 'write');
    return { input };
  }),
  'payments.reject': mutation('payments.decide', async (ctx, input) => {
    await requirePayment(ctx, fields(Id, input).id, 'write');
    return { input };
  }),
  'payments.pay': mutation('payments.decide', async (ctx, input) => {
    await requirePayment(ctx, fields(Id, input).id, 'write');
    return { input };
  }),
  'payments.get': query('funding.read', async (ctx, input) => {
    await requirePayment(ctx, fields(Id, input).id, 'read');
    return { input };
  }),
  'payments.list': query('funding.read', async (ctx, input) => {
    await requireContract(ctx, fields(ContractRef, input).contractId, ['contractId']);
    return { input };
  }),

  'funding.executionSummary': query('summaries.read', (ctx, input) => {
    requireRegion(ctx, fields(z.object({ regionCode: z.string() }), input).regionCode, ['regionCode']);
    return unchanged(input);
  }),
};
