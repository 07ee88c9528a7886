/**
 * @shegong/hub: the one-command start (`pnpm start`, `src/start.ts`) and its demo data. Exported for the
 * end-to-end tests and for anyone who wants the same demo: the dataset, the planted violations, the ports.
 */
export { DEMO_SEED, type HubPorts, portsOf } from './config.ts';
export {
  DEMO_COUNTIES,
  DEMO_VIOLATIONS,
  type DemoCounty,
  type DemoDataset,
  type DemoViolation,
  demoSubjectId,
  generateDemoDataset,
} from './demo/dataset.ts';
export { expectedOperatingStations } from './demo/load.ts';
export { demoEvaluationPlan } from './demo/load-evaluations.ts';
export { type DemoReport, type DemoReportOutcome, demoReportPlan } from './demo/load-reports.ts';
export { type RunningHub, startEmbeddedHub } from './embedded.ts';
export { type HubEnv, readHubEnv } from './env.ts';
export { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_USERS, type DemoIdentities } from './identities.ts';
export { curlQuery, gatewayQuery, viewOf } from './where.ts';
