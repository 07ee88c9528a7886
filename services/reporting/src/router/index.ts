import { completeness } from './completeness.ts';
import * as compliance from './compliance.ts';
import * as evaluations from './evaluations.ts';
import { ingest } from './ingest.ts';
import * as plans from './plans.ts';
import * as records from './records-list.ts';
import * as reports from './reports.ts';
import * as rollups from './rollups.ts';
import { router } from './trpc.ts';

/** Every procedure of the reporting service. */
export const reportingRouter = router({
  serviceRecords: router({ ingest, list: records.list }),
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
    accept: reports.accept,
    return: reports.sendBack,
    unlock: reports.unlock,
    get: reports.get,
    list: reports.list,
    completeness,
  }),
  evaluations: router({
    record: evaluations.record,
    list: evaluations.list,
    get: evaluations.get,
    cadence: evaluations.cadence,
    scheme: evaluations.scheme,
  }),
  renewals: router({ decide: evaluations.decide, list: evaluations.renewals }),
  plans: router({ progress: plans.progress, talent: plans.talent }),
});

export type ReportingRouter = typeof reportingRouter;
