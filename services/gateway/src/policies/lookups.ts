import type { StationPlace } from '@shegong/access';
import { TRPCClientError } from '@trpc/client';
import type { ServiceClients } from '../clients.ts';

/** A purchase contract as jurisdiction sees it: the purchasing county and the operator. */
export interface ContractPlace {
  id: string;
  countyCode: string;
  operatorId: string;
  stationIds: string[];
}

/**
 * What the gateway looks up to place a request: the station a worker belongs to, the county of a
 * contract … Cached for one request, so a batch asks each service once per id. A missing thing is
 * `undefined`, never an error: the caller decides what a missing thing means.
 */
export class Lookups {
  readonly #services: ServiceClients;
  readonly #stations = new Map<string, Promise<StationPlace | undefined>>();
  readonly #contracts = new Map<string, Promise<ContractPlace | undefined>>();

  constructor(services: ServiceClients) {
    this.#services = services;
  }

  station(id: string): Promise<StationPlace | undefined> {
    return this.stations([id]).then((m) => m.get(id));
  }

  /** Several stations in one registry call (`stations.places`). */
  async stations(ids: readonly string[]): Promise<Map<string, StationPlace | undefined>> {
    const missing = [...new Set(ids)].filter((id) => !this.#stations.has(id));
    if (missing.length > 0) {
      const found = this.#services.typed.registry.stations.places.query({ ids: missing });
      for (const id of missing)
        this.#stations.set(
          id,
          found.then((rows) => rows.find((r) => r.id === id)),
        );
    }
    const out = new Map<string, StationPlace | undefined>();
    for (const id of new Set(ids)) out.set(id, await this.#stations.get(id));
    return out;
  }

  /** The stations inside a region (a township holds one or a few), where each lies and who runs it. */
  async stationsIn(regionCode: string): Promise<StationPlace[]> {
    const page = await this.#services.typed.registry.stations.list.query({ regionCode, limit: 500 });
    return page.items.map((s) => ({
      id: s.id,
      regionCode: s.regionCode,
      ...(s.operatorId !== undefined && { operatorId: s.operatorId }),
    }));
  }

  /** The station a worker belongs to. */
  async workerStation(workerId: string): Promise<StationPlace | undefined> {
    const worker = await orUndefined(this.#services.typed.registry.workers.get.query({ id: workerId }));
    return worker ? this.station(worker.stationId) : undefined;
  }

  contract(id: string): Promise<ContractPlace | undefined> {
    let found = this.#contracts.get(id);
    if (!found) {
      found = orUndefined(this.#services.typed.funding.contracts.get.query({ id })).then(
        (c) =>
          c && {
            id: c.id,
            countyCode: c.countyCode,
            operatorId: c.operatorId,
            stationIds: [...c.stationIds],
          },
      );
      this.#contracts.set(id, found);
    }
    return found;
  }

  async paymentContract(paymentId: string): Promise<ContractPlace | undefined> {
    const payment = await orUndefined(this.#services.typed.funding.payments.get.query({ id: paymentId }));
    return payment ? this.contract(payment.contractId) : undefined;
  }

  async budget(id: string): Promise<{ countyCode: string; contractId: string | null } | undefined> {
    const budget = await orUndefined(this.#services.typed.funding.budgets.get.query({ id }));
    return budget && { countyCode: budget.countyCode, contractId: budget.contractId ?? null };
  }
}

/** A service's 404 as `undefined`; anything else is thrown on. */
async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (
      error instanceof TRPCClientError &&
      (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND'
    )
      return undefined;
    throw error;
  }
}
