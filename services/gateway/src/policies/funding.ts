import type { FundingRouter } from '@shegong/funding-service';
import { DomainError } from '@shegong/kernel';
import { z } from 'zod';
import {
  by,
  fields,
  listRegion,
  mutation,
  type Policies,
  query,
  reachesContract,
  requireContract,
  requireRegion,
  requireStation,
} from './policy.ts';

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
  'contracts.addYearlyTerm': mutation('contracts.write', by('contract', 'contractId', 'write')),
  'contracts.addEvaluation': mutation('contracts.write', by('contract', 'contractId', 'write')),
  'contracts.get': query('funding.read', by('contract', 'id')),
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
  'budgets.get': query('funding.read', by('budget', 'id')),
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

  'payments.applyFor': mutation('payments.apply', by('contract', 'contractId', 'write')),
  'payments.approve': mutation('payments.decide', by('payment', 'id', 'write')),
  'payments.reject': mutation('payments.decide', by('payment', 'id', 'write')),
  'payments.pay': mutation('payments.decide', by('payment', 'id', 'write')),
  'payments.get': query('funding.read', by('payment', 'id')),
  'payments.list': query('funding.read', by('contract', 'contractId')),

  'funding.executionSummary': query('summaries.read', by('region', 'regionCode')),

  // Eligibility is the operator's, wherever it bids [ZZ §6.4]: civil affairs staff read any operator's (a
  // county checks before it awards); an operator reads only its own, others answer as not found.
  'eligibility.get': query('funding.read', (ctx, input) => {
    const { operatorId } = fields(z.object({ operatorId: z.string() }), input);
    if (ctx.principal.role === 'operator' && ctx.principal.operatorId !== operatorId) {
      throw new DomainError(
        'OPERATOR_NOT_FOUND',
        `no operator "${operatorId}" in the jurisdiction of operator ${ctx.principal.operatorId}`,
        { path: ['operatorId'] },
      );
    }
    return { input };
  }),
};
