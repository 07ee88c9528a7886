import { compareFindings, DomainError, type Finding, type IsoDate, IsoDateSchema } from '@shegong/kernel';
import { categoriesOf } from '@shegong/regions';
import type { PolicyProfile } from './profile-schema.ts';
import { getProfile, profileFor } from './profiles.ts';
import type { Rule, StationContext } from './rules/context.ts';
import {
  certificateRegistration,
  registrationContinuingEducation,
  registrationValidity,
} from './rules/national-rules.ts';
import {
  leadQualified,
  minResidents,
  staffChangeFiling,
  supervisorAssigned,
  supervisorExperience,
} from './rules/station-rules.ts';
import {
  ageAtAppointment,
  certifiedWithExperience,
  continuingEducation,
  education,
  localHukouPreferred,
  postLevelCertificate,
  preJobTraining,
  qualificationAtAppointment,
  qualificationPhaseIn,
} from './rules/worker-rules.ts';
import {
  type ResidentWorker,
  type StaffChange,
  type StaffedStation,
  type StaffingInputRaw,
  StaffingInputSchema,
  type Supervisor,
} from './schema.ts';

/** Every staffing rule, in evaluation order. A rule whose profile key is `null` returns nothing. */
const RULES: readonly Rule[] = [
  minResidents,
  leadQualified,
  supervisorAssigned,
  supervisorExperience,
  staffChangeFiling,
  ageAtAppointment,
  education,
  qualificationAtAppointment,
  qualificationPhaseIn,
  continuingEducation,
  preJobTraining,
  certifiedWithExperience,
  localHukouPreferred,
  postLevelCertificate,
  certificateRegistration,
  registrationValidity,
  registrationContinuingEducation,
];

export interface StationStaff {
  workers: readonly ResidentWorker[];
  supervisors?: readonly Supervisor[];
  staffChanges?: readonly StaffChange[];
}

/**
 * Evaluates one station's staffing against a profile on a day. Pure and deterministic: the same input
 * gives the same findings in the same order.
 *
 * @example
 * evaluateStation(station, { workers }, getProfile('ZZ'), '2023-06-30')
 * // [{ ruleId: 'staffing.min-residents', severity: 'error', citation: 'ZZ §4.4', … }]
 */
export function evaluateStation(
  station: StaffedStation,
  staff: StationStaff,
  profile: PolicyProfile,
  asOf: IsoDate,
): Finding[] {
  const ctx: StationContext = {
    station,
    workers: staff.workers,
    supervisors: staff.supervisors ?? [],
    staffChanges: staff.staffChanges ?? [],
    profile,
    categories: categoriesOf(station.regionCode).map((c) => c.id),
    asOf: IsoDateSchema.parse(asOf),
  };
  return RULES.flatMap((rule) => rule(ctx)).sort(compareFindings);
}

export interface StaffingReport {
  asOf: IsoDate;
  stations: number;
  workers: number;
  /** Which profile each station was evaluated under. */
  profiles: Record<string, string>;
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}

export interface EvaluateOptions {
  asOf: IsoDate;
  /** Evaluate every station under this profile instead of its own (a what-if). */
  profile?: string;
  /** Called after each station, for progress on large inputs. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Evaluates a whole upload: every station with its workers, supervisors and staff changes, each under the
 * station's `profile`, or `options.profile`, or the profile of its region.
 *
 * @throws DomainError `STAFFING_INPUT_INVALID` for a worker, supervisor or change naming no known station
 */
export function evaluateStaffing(input: StaffingInputRaw, options: EvaluateOptions): StaffingReport {
  const data = StaffingInputSchema.parse(input);
  const byStation = new Map<
    string,
    { workers: ResidentWorker[]; supervisors: Supervisor[]; staffChanges: StaffChange[] }
  >(data.stations.map((s) => [s.id, { workers: [], supervisors: [], staffChanges: [] }]));
  const attach = <K extends 'workers' | 'supervisors' | 'staffChanges'>(
    key: K,
    items: ReadonlyArray<StationStaffItem<K>>,
  ) => {
    items.forEach((item, index) => {
      const bucket = byStation.get(item.stationId);
      if (!bucket) {
        throw new DomainError(
          'STAFFING_INPUT_INVALID',
          `${key}[${index}] names station "${item.stationId}", which is not in stations`,
          {
            path: [key, index, 'stationId'],
          },
        );
      }
      (bucket[key] as StationStaffItem<K>[]).push(item);
    });
  };
  attach('workers', data.workers);
  attach('supervisors', data.supervisors);
  attach('staffChanges', data.staffChanges);

  const profiles: Record<string, string> = {};
  const cache = new Map<string, PolicyProfile>();
  const resolveProfile = (station: StaffedStation): PolicyProfile => {
    const key = options.profile ?? station.profile ?? `region:${station.regionCode}`;
    let profile = cache.get(key);
    if (!profile) {
      profile = key.startsWith('region:') ? profileFor(station.regionCode) : getProfile(key);
      cache.set(key, profile);
    }
    return profile;
  };

  const findings: Finding[] = [];
  data.stations.forEach((station, index) => {
    const profile = resolveProfile(station);
    profiles[station.id] = profile.id;
    const staff = byStation.get(station.id) ?? { workers: [], supervisors: [], staffChanges: [] };
    for (const f of evaluateStation(station, staff, profile, options.asOf)) findings.push(f);
    options.onProgress?.(index + 1, data.stations.length);
  });
  findings.sort(compareFindings);
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return {
    asOf: options.asOf,
    stations: data.stations.length,
    workers: data.workers.length,
    profiles,
    findings,
    summary,
  };
}

type StationStaffItem<K> = K extends 'workers'
  ? ResidentWorker
  : K extends 'supervisors'
    ? Supervisor
    : StaffChange;
