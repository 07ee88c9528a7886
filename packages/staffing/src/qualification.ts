import { type IsoDate, satisfies } from '@shegong/kernel';
import type { StaffingRules } from './profile-schema.ts';
import type { ResidentWorker, TrainingRecord } from './schema.ts';

const CIVIL_AFFAIRS_LEVELS = ['township', 'county', 'city', 'province', 'national'] as const;

/**
 * Whether a training counts towards the qualification's training hours: professional training given by a
 * civil affairs department at county level or higher, an incubation base or an industry organization
 * [ZZ §4.4, PY §4.5]. An operator's in-house training does not count.
 */
export function countsTowardQualification(
  training: TrainingRecord,
  definition: NonNullable<StaffingRules['qualificationDefinition']>,
): boolean {
  if (training.kind !== 'professional') return false;
  const { kind, level } = training.provider;
  if (kind === 'incubation-base' || kind === 'industry-organization') return true;
  if (kind !== 'civil-affairs' || level === undefined) return false;
  return CIVIL_AFFAIRS_LEVELS.indexOf(level) >= CIVIL_AFFAIRS_LEVELS.indexOf(definition.civilAffairsMinLevel);
}

export type QualificationBasis = 'social-work-major' | 'certificate' | 'training-hours';

/**
 * When a worker first held the social work qualification, and on what basis, or `undefined` if they do
 * not hold it yet on `asOf`. The qualification is: a social work graduate, OR the national certificate, OR
 * ≥ N hours of qualifying professional training [ZZ §4.4, PY §4.5]. A major without a graduation date
 * counts from appointment.
 */
export function qualifiedSince(
  worker: ResidentWorker,
  definition: NonNullable<StaffingRules['qualificationDefinition']>,
  asOf: IsoDate,
): { since: IsoDate; basis: QualificationBasis } | undefined {
  const candidates: Array<{ since: IsoDate; basis: QualificationBasis }> = [];
  if (worker.socialWorkMajor) {
    candidates.push({ since: worker.graduatedOn ?? worker.appointedOn, basis: 'social-work-major' });
  }
  if (worker.certificate) candidates.push({ since: worker.certificate.passedOn, basis: 'certificate' });
  let hours = 0;
  for (const training of [...worker.trainings].sort((a, b) => a.date.localeCompare(b.date))) {
    if (training.date > asOf || !countsTowardQualification(training, definition)) continue;
    hours += training.hours;
    if (satisfies(hours, definition.term, definition.trainingHours)) {
      candidates.push({ since: training.date, basis: 'training-hours' });
      break;
    }
  }
  return candidates.filter((c) => c.since <= asOf).sort((a, b) => a.since.localeCompare(b.since))[0];
}

/** Qualifying professional training hours on or before `asOf`. */
export function qualifyingTrainingHours(
  worker: ResidentWorker,
  definition: NonNullable<StaffingRules['qualificationDefinition']>,
  asOf: IsoDate,
): number {
  return worker.trainings
    .filter((t) => t.date <= asOf && countsTowardQualification(t, definition))
    .reduce((sum, t) => sum + t.hours, 0);
}
