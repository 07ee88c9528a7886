import { getRegion } from '@shegong/regions';
import type { DemoDataset } from './dataset.ts';
import { demoEvaluationPlan, loadEvaluations } from './load-evaluations.ts';
import { loadFunding } from './load-funding.ts';
import { loadRegistry } from './load-registry.ts';
import { demoReportPlan, loadReports } from './load-reports.ts';
import type { FundingWriter, RegistryWriter, ReportingWriter } from './writers.ts';

/** Service records per ingest call: well under reporting's limit, and a progress line per batch. */
const RECORDS_PER_BATCH = 400;

/** The three services as the demo loader reaches them: in-process callers or tRPC clients over HTTP. */
export interface DemoTarget {
  registry: RegistryWriter;
  funding: FundingWriter;
  reporting: ReportingWriter;
  /** Which parts of the demo the services hold already (a restart on the same data loads nothing twice). */
  present(): Promise<{
    registry: boolean;
    funding: boolean;
    serviceRecords: boolean;
    reports: boolean;
    evaluations: boolean;
  }>;
  /** Resolves once reporting has applied the events registry and funding wrote (stations before records). */
  settle(): Promise<void>;
}

export interface DemoLoadReport {
  /** False when everything was there already. */
  loaded: boolean;
  steps: Array<{ step: string; skipped: boolean; ms: number }>;
}

/**
 * Loads the demo into the services through their own procedures, each part only when it is not there
 * yet: registry (operators, stations opened planned → building → operating, workers, supervisors), then
 * funding (contracts, budgets, payments), then — once reporting has the stations from the events — the
 * service records through reporting's ingest, in batches with idempotency keys so a repeat writes nothing,
 * then the periodic reports filed, approved and returned through reporting's workflow, and last an
 * evaluation round of every operating station.
 */
export async function loadDemo(
  target: DemoTarget,
  data: DemoDataset,
  options: { seed: number; log: (line: string) => void },
): Promise<DemoLoadReport> {
  const { log } = options;
  const present = await target.present();
  const steps: DemoLoadReport['steps'] = [];
  const step = async (name: string, skip: boolean, run: () => Promise<string>) => {
    const started = performance.now();
    if (skip) {
      log(`demo: ${name}: already loaded, skipped`);
      steps.push({ step: name, skipped: true, ms: 0 });
      return;
    }
    const what = await run();
    const ms = performance.now() - started;
    log(`demo: ${name}: ${what} (${seconds(ms)})`);
    steps.push({ step: name, skipped: false, ms });
  };

  await step('registry', present.registry, async () => {
    await loadRegistry(target.registry, data);
    return `${data.operators.length} operators, ${data.stations.length} stations, ${data.workers.length} workers, ${data.supervisors.length} supervisors`;
  });
  await step('funding', present.funding, async () => {
    await loadFunding(target.funding, data);
    return `${data.contracts.length} contracts, ${data.budgets.length} budgets, ${data.payments.length} payment requests`;
  });
  await step('events', present.serviceRecords && present.registry && present.funding, async () => {
    await target.settle();
    return 'reporting has the stations, staff and contracts';
  });
  await step('service records', present.serviceRecords, async () => {
    const records = data.serviceRecords;
    let accepted = 0;
    for (let from = 0; from < records.length; from += RECORDS_PER_BATCH) {
      const batch = records.slice(from, from + RECORDS_PER_BATCH);
      const result = await target.reporting.serviceRecords.ingest({
        idempotencyKey: `demo:${options.seed}:records:${from / RECORDS_PER_BATCH + 1}`,
        records: batch,
      });
      accepted += result.accepted;
      log(`demo: service records ${from + batch.length} / ${records.length}`);
    }
    return `${accepted} records for ${data.months.join(', ')}`;
  });
  // After the records: a report's figures are computed from them when it is drafted.
  await step('reports', present.reports, () => loadReports(target.reporting, demoReportPlan(data)));
  await step('evaluations', present.evaluations, () =>
    loadEvaluations(target.reporting, demoEvaluationPlan(data, options.seed)),
  );
  return { loaded: steps.some((s) => !s.skipped), steps };
}

/** Operating stations per demo city: what reporting's coverage shows once the station events are in. */
export function expectedOperatingStations(data: DemoDataset): Map<string, number> {
  const byCity = new Map<string, number>();
  for (const station of data.stations) {
    if (station.openedOn === null) continue;
    const city = getRegion(station.countyCode).parentCode as string;
    byCity.set(city, (byCity.get(city) ?? 0) + 1);
  }
  return byCity;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
