import {
  addDays,
  type Citation,
  CitationSchema,
  type Finding,
  type IsoDate,
  IsoDateSchema,
  periodEnd,
} from '@shegong/kernel';
import { z } from 'zod';
import { parseRecords } from './cadence.ts';
import type { EvaluationProfile } from './profile-schema.ts';
import type { EvaluationRecord, EvaluationRecordInput } from './records.ts';
import { GRADE_RANK, type Grade } from './scheme-schema.ts';

/**
 * A period in which an operator may not undertake purchased social work services (取消一定时期内承接政府
 * 购买社会工作服务资格 [ZZ §6.4]). Both days are included. `basis: default` when the document leaves the
 * length open and the hub's default was used. Stored by funding, which refuses an award inside it.
 */
export const IneligibilityPeriodSchema = z.object({
  operatorId: z.string().min(1),
  /** The day of the failing evaluation the period follows. */
  decidedOn: IsoDateSchema,
  /** The day after `decidedOn` [民法典 art. 201]. */
  from: IsoDateSchema,
  /** The corresponding day `years` later [民法典 art. 202]; included. */
  to: IsoDateSchema,
  citation: CitationSchema,
  basis: z.enum(['default', 'stated']),
  evaluationId: z.string().min(1).optional(),
  contractId: z.string().min(1).optional(),
});
export type IneligibilityPeriod = z.infer<typeof IneligibilityPeriodSchema>;

/** One execution year of a purchase contract (one yearly agreement of the cycle, 一年一签 [ZZ §5.3]). */
export interface ContractYear {
  contractId: string;
  operatorId: string;
  stationId?: string;
  /** 1 for the cycle's first year. */
  year: number;
  /** First and last day of the year's agreement, both included. */
  from: IsoDate;
  to: IsoDate;
}

export type RenewalConsequence = {
  kind: 're-procurement' | 'exit' | 'temporary-takeover' | 'rectification' | 'ineligibility';
  citation: Citation;
  quote?: string;
};

export interface RenewalDecision {
  contractId: string;
  operatorId: string;
  year: number;
  /** `undetermined`: the evaluation the decision rests on is not (yet) held or graded. */
  decision: 'renew' | 're-procure' | 'undetermined';
  /** The document says "may renew" (可以续签 [WH §3.4]): a renewal is allowed, not owed. */
  discretionary: boolean;
  citation: Citation;
  reason: { zh: string; en: string };
  /** The evaluations the decision rests on, in date order. */
  evidence: EvaluationRecord[];
  /** What follows: re-procurement, exit and temporary takeover, rectification, ineligibility. */
  consequences: RenewalConsequence[];
  ineligibility: IneligibilityPeriod | null;
  findings: Finding[];
}

const GRADE_ZH: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/**
 * Whether a contract year's agreement is renewed, and on what evidence:
 * - ZZ, PY: renewed only when the year's annual evaluation (the last `annual`/`final` one) passes;
 *   otherwise not renewed and the operator is chosen again by procurement [ZZ §5.3, PY §5.3];
 * - WH: may be renewed when every evaluation of the year is excellent; otherwise not, with the exit
 *   mechanism and the temporary-takeover plan [WH §3.4];
 * - a failing evaluation (不合格, or vetoed) also brings rectification and a period without eligibility
 *   [ZZ §6.4], from the day after the evaluation to the corresponding day a year later (the length is a
 *   default: the document says 一定时期).
 *
 * @example
 * decideRenewal(getEvaluationProfile('ZZ'), contractYear, records)
 * // { decision: 're-procure', citation: 'ZZ §5.3', ineligibility: { from: '2023-12-21', to: '2024-12-20', … } }
 * @throws EvaluationInputError for a record that is not valid
 */
export function decideRenewal(
  profile: EvaluationProfile,
  contractYear: ContractYear,
  records: readonly EvaluationRecordInput[],
): RenewalDecision {
  const rule = profile.rules.renewal;
  const inYear = parseRecords(records)
    .filter(
      (r) =>
        (r.contractId === undefined || r.contractId === contractYear.contractId) &&
        (contractYear.stationId === undefined || r.stationId === contractYear.stationId) &&
        r.date >= contractYear.from &&
        r.date <= contractYear.to &&
        rule.kinds.includes(r.kind),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const graded = inYear.filter((r) => r.grade !== undefined || r.vetoed);
  const evidence = rule.basis === 'last' ? graded.slice(-1) : graded;
  const base = {
    contractId: contractYear.contractId,
    operatorId: contractYear.operatorId,
    year: contractYear.year,
    discretionary: rule.discretionary,
    citation: rule.citation,
    evidence,
  };
  if (evidence.length === 0) {
    const kinds = rule.kinds.join('/');
    const reason = {
      zh: `第${contractYear.year}个合同年度（${contractYear.from}至${contractYear.to}）没有已评定等级的${rule.basis === 'last' ? '年度' : ''}评估，无法决定是否续签`,
      en: `no graded ${kinds} evaluation in contract year ${contractYear.year} (${contractYear.from} to ${contractYear.to}): renewal cannot be decided`,
    };
    return {
      ...base,
      decision: 'undetermined',
      reason,
      consequences: [],
      ineligibility: null,
      findings: [
        {
          ruleId: 'renewal.evaluation-missing',
          severity: 'error',
          subject: { kind: 'contract', id: contractYear.contractId },
          citation: rule.citation,
          message: reason,
          facts: { year: contractYear.year, from: contractYear.from, to: contractYear.to, kinds: rule.kinds },
        },
      ],
    };
  }
  const gradeOf = (r: EvaluationRecord): Grade => (r.vetoed ? 'fail' : (r.grade as Grade));
  const meets = evidence.every((r) => GRADE_RANK[gradeOf(r)] >= GRADE_RANK[rule.minGrade]);
  const failing = evidence.filter((r) => gradeOf(r) === 'fail');
  const consequences: RenewalConsequence[] = [];
  const add = (
    kind: RenewalConsequence['kind'],
    param: { citation: Citation; quote?: string | undefined } | null,
  ) => {
    if (param)
      consequences.push({ kind, citation: param.citation, ...(param.quote ? { quote: param.quote } : {}) });
  };
  if (!meets) {
    add('re-procurement', profile.rules.reProcurement);
    add('exit', profile.rules.exit);
    add('temporary-takeover', profile.rules.temporaryTakeover);
  }
  let ineligibility: IneligibilityPeriod | null = null;
  const lastFailing = failing.at(-1);
  if (lastFailing) {
    add('rectification', profile.rules.rectification);
    const param = profile.rules.ineligibility;
    if (param) {
      add('ineligibility', param);
      ineligibility = {
        operatorId: contractYear.operatorId,
        decidedOn: lastFailing.date,
        from: addDays(lastFailing.date, 1),
        to: periodEnd(lastFailing.date, param.years, 'year'),
        citation: param.citation,
        basis: param.basis,
        evaluationId: lastFailing.id,
        contractId: contractYear.contractId,
      };
    }
  }
  const grades = evidence.map((r) => `${r.date} ${r.kind} ${GRADE_ZH[gradeOf(r)]}`).join('；');
  const required = GRADE_ZH[rule.minGrade];
  const reason = meets
    ? {
        zh: `${rule.basis === 'last' ? '年度评估' : '年度内各次评估均'}达到${required}（${grades}）${rule.discretionary ? '，可以续签' : '，续签'}`,
        en: `${rule.basis === 'last' ? 'the annual evaluation' : 'every evaluation of the year'} reached ${rule.minGrade}: ${rule.discretionary ? 'may be renewed' : 'renewed'}`,
      }
    : {
        zh: `${rule.basis === 'last' ? '年度评估' : '年度内评估'}未${rule.basis === 'last' ? '' : '均'}达到${required}（${grades}），不予续签，重新确定承接主体`,
        en: `${rule.basis === 'last' ? 'the annual evaluation' : 'not every evaluation of the year'} reached ${rule.minGrade}: not renewed, the operator is chosen again`,
      };
  return {
    ...base,
    decision: meets ? 'renew' : 're-procure',
    reason,
    consequences,
    ineligibility,
    findings: [],
  };
}

/**
 * Whether an operator may be awarded a contract on `date`, given its ineligibility periods (pass the
 * operator's own history). A period covers its `from` and `to` days both: ineligible on either, eligible
 * on the day after `to`.
 * @example isEligible([{ from: '2023-12-21', to: '2024-12-20', … }], '2024-12-20') // false
 * @example isEligible([{ from: '2023-12-21', to: '2024-12-20', … }], '2024-12-21') // true
 */
export function isEligible(history: readonly IneligibilityPeriod[], date: IsoDate): boolean {
  return blockingPeriods(history, date).length === 0;
}

/** The ineligibility periods covering `date`, for a refusal that cites its reason. */
export function blockingPeriods(
  history: readonly IneligibilityPeriod[],
  date: IsoDate,
): IneligibilityPeriod[] {
  return history.filter((p) => p.from <= date && date <= p.to);
}
