import type { Citation, Finding, FindingSubject, IsoDate, Severity } from '@shegong/kernel';
import type { PolicyProfile } from '../profile-schema.ts';
import type { ResidentWorker, StaffChange, StaffedStation, Supervisor } from '../schema.ts';

/** What a rule sees about one station on one day. Internal. */
export interface StationContext {
  station: StaffedStation;
  /** Every worker ever recorded at the station, including those who left. */
  workers: readonly ResidentWorker[];
  supervisors: readonly Supervisor[];
  staffChanges: readonly StaffChange[];
  profile: PolicyProfile;
  /** Region category ids of the station's region (e.g. `wh.central-urban`). */
  categories: readonly string[];
  asOf: IsoDate;
}

export type Rule = (ctx: StationContext) => Finding[];

/** In post on the day: appointed on or before it and not yet left. */
export function inPost(worker: ResidentWorker, on: IsoDate): boolean {
  return worker.appointedOn <= on && (worker.leftOn === undefined || worker.leftOn > on);
}

export function workerSubject(worker: ResidentWorker): FindingSubject {
  return { kind: 'worker', id: worker.id, stationId: worker.stationId };
}

export function stationSubject(station: StaffedStation): FindingSubject {
  return { kind: 'station', id: station.id };
}

export function finding(
  ruleId: string,
  severity: Severity,
  subject: FindingSubject,
  citation: Citation,
  message: { zh: string; en: string },
  facts: Record<string, unknown>,
): Finding {
  return { ruleId, severity, subject, citation, message, facts };
}

/** A worker's name for messages: the name when given, else the id. */
export function who(worker: { id: string; name?: string | undefined }): string {
  return worker.name ?? worker.id;
}
