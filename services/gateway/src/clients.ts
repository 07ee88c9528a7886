import type { FundingRouter } from '@shegong/funding-service';
import type { RegistryRouter } from '@shegong/registry-service';
import type { ReportingRouter } from '@shegong/reporting-service';
import {
  createTRPCClient,
  createTRPCUntypedClient,
  httpBatchLink,
  type TRPCClient,
  type TRPCUntypedClient,
} from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';

/**
 * The services behind the gateway. The gateway knows their routers only as types (the tRPC
 * service-oriented pattern): it imports no service code, and talks to each over HTTP with batching on.
 */
export const SERVICES = ['registry', 'funding', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ServiceRouters {
  registry: RegistryRouter;
  funding: FundingRouter;
  reporting: ReportingRouter;
}

export type ServiceUrls = Record<ServiceName, string>;

export interface ServiceClients {
  /** Typed clients, for the gateway's own lookups (a station's region, a contract's county). */
  typed: { [S in ServiceName]: TRPCClient<ServiceRouters[S]> };
  /** Untyped clients, for forwarding a checked call by its path. */
  raw: { [S in ServiceName]: TRPCUntypedClient<AnyTRPCRouter> };
}

/** @param urls each service's base URL, e.g. `{ registry: 'http://127.0.0.1:4101', … }` */
export function createServiceClients(urls: ServiceUrls): ServiceClients {
  // Queries go as POST: an input such as 10,000 station ids would not fit in a URL.
  const links = (service: ServiceName) => [
    httpBatchLink({ url: `${urls[service]}/trpc`, maxItems: 20, methodOverride: 'POST' }),
  ];
  return {
    typed: {
      registry: createTRPCClient<RegistryRouter>({ links: links('registry') }),
      funding: createTRPCClient<FundingRouter>({ links: links('funding') }),
      reporting: createTRPCClient<ReportingRouter>({ links: links('reporting') }),
    },
    raw: {
      registry: createTRPCUntypedClient({ links: links('registry') }),
      funding: createTRPCUntypedClient({ links: links('funding') }),
      reporting: createTRPCUntypedClient({ links: links('reporting') }),
    },
  };
}
