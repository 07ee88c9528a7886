import { type Finding, type IsoDate, satisfies, yearOf } from '@shegong/kernel';
import { EvaluationInputError, issuesOf } from './errors.ts';
import type { EvaluationProfile } from './profile-schema.ts';
import { type EvaluationRecord, type EvaluationRecordInput, EvaluationRecordSchema } from './records.ts';

export interface CadenceCheck {
  stationId: string;
  /** The calendar year to check. */
  year: number;
  /** Every evaluation record at hand; those of other stations and years are ignored. */
  records: readonly EvaluationRecordInput[];
  profile: EvaluationProfile;
  /**
   * The day of the check. While the year is still running (`asOf` on or before 31 December) a shortfall
   * is a `warning` — it can still be made up; once the year is over, an `error`. Without `asOf` the year
   * is taken as over.
   */
  asOf?: IsoDate;
}

/**
 * `evaluation.cadence`: the station had the evaluations its profile requires in the year — the county's
 * two concentrated evaluations a year [ZZ §5.3, PY §5.3], or at least one mid-term evaluation a year in
 * Wuhan [WH §3.4]. City and provincial spot checks (`spot-check`) are recorded and listed in the facts but
 * never count towards the county's own.
 *
 * @example
 * checkCadence({ stationId: 'st-1', year: 2023, records, profile: getEvaluationProfile('ZZ') })
 * // [{ ruleId: 'evaluation.cadence', severity: 'error', citation: 'ZZ §5.3',
 * //    facts: { counted: 1, required: 2, spotChecks: ['ev-9'], … } }]
 * @throws EvaluationInputError for a record that is not valid (a county "spot check", a bad date …)
 */
export function checkCadence(check: CadenceCheck): Finding[] {
  const rule = check.profile.rules.cadence;
  if (!rule) return [];
  const records = parseRecords(check.records).filter(
    (r) => r.stationId === check.stationId && yearOf(r.date) === check.year,
  );
  const counts = (r: EvaluationRecord) =>
    rule.kinds.includes(r.kind) && rule.conductedBy.includes(r.conductedBy);
  const counted = records.filter(counts);
  if (satisfies(counted.length, rule.term, rule.perYear)) return [];
  const yearOver = check.asOf === undefined || check.asOf > `${check.year}-12-31`;
  const kinds = rule.kinds.join('/');
  return [
    {
      ruleId: 'evaluation.cadence',
      severity: yearOver ? 'error' : 'warning',
      subject: { kind: 'station', id: check.stationId },
      citation: rule.citation,
      message: {
        zh: `${check.year}年县级评估${counted.length}次，应${rule.term}${rule.perYear}次${yearOver ? '' : '（年度未结束）'}；市、省抽查不计入`,
        en: `${counted.length} county evaluation(s) (${kinds}) in ${check.year}; at least ${rule.perYear} required${yearOver ? '' : ' (the year is not over)'}; spot checks do not count`,
      },
      facts: {
        year: check.year,
        counted: counted.length,
        required: rule.perYear,
        term: rule.term,
        kinds: rule.kinds,
        conductedBy: rule.conductedBy,
        evaluations: counted.map((r) => r.id),
        spotChecks: records.filter((r) => r.kind === 'spot-check').map((r) => r.id),
        notCounted: records.filter((r) => r.kind !== 'spot-check' && !counts(r)).map((r) => r.id),
        ...(check.asOf === undefined ? {} : { asOf: check.asOf }),
      },
    },
  ];
}

/** Validates records, naming the bad one by its index. Internal. */
export function parseRecords(records: readonly EvaluationRecordInput[]): EvaluationRecord[] {
  return records.map((record, index) => {
    const parsed = EvaluationRecordSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    throw new EvaluationInputError(
      'the evaluation records',
      issuesOf(parsed.error).map((i) => ({ ...i, path: ['records', index, ...i.path] })),
    );
  });
}
