import * as compliance from './compliance.ts';
import { ingest } from './ingest.ts';
import * as reports from './reports.ts';
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
  reports: router({
    draft: reports.draft,
    correct: reports.correct,
    submit: reports.submit,
    approve: reports.approve,
    return: reports.sendBack,
    unlock: reports.unlock,
    get: reports.get,
    list: reports.list,
  }),
});

export type ReportingRouter = typeof reportingRouter;
