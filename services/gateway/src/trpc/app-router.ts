import type { ServiceRouters } from '../clients.ts';
import { fundingPolicies } from '../policies/funding.ts';
import { registryPolicies } from '../policies/registry.ts';
import { reportingPolicies } from '../policies/reporting.ts';
import { auditRouter, authRouter } from './auth.ts';
import { catalogRouter } from './catalog.ts';
import { router } from './init.ts';
import { proxyRouter } from './proxy.ts';
import { regionsRouter } from './regions.ts';

/**
 * The one `AppRouter` the province, city and county front ends consume. `auth`, `audit` and `regions`
 * (the published division: names and tree, for every signed-in caller) are the gateway's own; `registry`, `funding` and `reporting` are the services' procedures, typed as the
 * services define them (their routers are imported as types only) and served by the gateway's proxies,
 * which check permission and jurisdiction before forwarding. A path no service has is a 404 naming it.
 */
export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  regions: regionsRouter,
  catalog: catalogRouter,
  registry: proxyRouter('registry', registryPolicies) as unknown as ServiceRouters['registry'],
  funding: proxyRouter('funding', fundingPolicies) as unknown as ServiceRouters['funding'],
  reporting: proxyRouter('reporting', reportingPolicies) as unknown as ServiceRouters['reporting'],
});

export type AppRouter = typeof appRouter;
