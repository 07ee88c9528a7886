import { operatorsRouter } from './operators.ts';
import { staffChangesRouter, supervisorsRouter } from './staffing.ts';
import { stationsRouter } from './stations.ts';
import { router } from './trpc.ts';
import { workersRouter } from './workers.ts';

/** The registry's procedures; the gateway mounts them under `registry`. */
export const registryRouter = router({
  operators: operatorsRouter,
  stations: stationsRouter,
  workers: workersRouter,
  supervisors: supervisorsRouter,
  staffChanges: staffChangesRouter,
});

export type RegistryRouter = typeof registryRouter;
