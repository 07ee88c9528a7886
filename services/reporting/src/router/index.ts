import * as compliance from './compliance.ts';
import { ingest } from './ingest.ts';
import * as rollups from './rollups.ts';
import { router } from './trpc.ts';

/** Every procedure of the reporting service. */
export const reportingRouter = router({
  serviceRecords: router({ ingest }),
  compliance: router({
    station: compliance.station,
    summary: compliance.summary,
    reevaluate: compliance.reevaluate,
  }),
  rollups: router({ services: rollups.services, coverage: rollups.coverage }),
});

export type ReportingRouter = typeof reportingRouter;
