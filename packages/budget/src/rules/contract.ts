import {
  addDays,
  addYears,
  daysBetween,
  type Finding,
  type FindingSubject,
  type IsoDate,
  minDate,
  periodEnd,
  satisfies,
} from '@shegong/kernel';
import type { BudgetProfile } from '../profiles.ts';
import type { PurchaseContract } from '../schema.ts';
import { makeFinding } from './rule.ts';

type Param<K extends keyof BudgetProfile> = NonNullable<BudgetProfile[K]>;

function subjectOf(contract: PurchaseContract): FindingSubject {
  return { kind: 'contract', id: contract.id };
}

/** One year of a contract's execution: `year` 1 starts on the term's first day. */
interface ExecutionYear {
  year: number;
  from: IsoDate;
  to: IsoDate;
}

/**
 * The contract's execution years, each from a start day to the day before its anniversary, the last one
 * cut at the term's end.
 */
function executionYears(contract: PurchaseContract): ExecutionYear[] {
  const years: ExecutionYear[] = [];
  for (let year = 1; ; year++) {
    const from = addYears(contract.termStart, year - 1);
    if (from > contract.termEnd) return years;
    years.push({
      year,
      from,
      to: minDate(addDays(addYears(contract.termStart, year), -1), contract.termEnd),
    });
  }
}

/**
 * `contract.signing-deadline` [ZZ §5.3, PY §5.3]: the contract is signed within 30 days of the award notice
 * (自中标通知书发出之日起30日内). The period starts the day after the notice [民法典 art. 201], so the
 * deadline is `periodEnd(notice, 30, 'day')`; signing on that day is on time ("以内" includes it), a day
 * later is late.
 */
export function checkSigningDeadline(contract: PurchaseContract, param: Param<'signingDeadline'>): Finding[] {
  const days = daysBetween(contract.awardNoticeDate, contract.signedOn);
  if (satisfies(days, param.term, param.days)) return [];
  const deadline = periodEnd(contract.awardNoticeDate, param.days, 'day');
  return [
    makeFinding(
      'contract.signing-deadline',
      param,
      subjectOf(contract),
      {
        zh: `合同于${contract.signedOn}签订，为中标（成交）通知书发出（${contract.awardNoticeDate}）后第${days}日，超过${param.days}日期限（${deadline}）`,
        en: `The contract was signed on ${contract.signedOn}, ${days} days after the award notice of ${contract.awardNoticeDate}; the deadline was ${deadline} (${param.days} days)`,
      },
      {
        awardNoticeDate: contract.awardNoticeDate,
        signedOn: contract.signedOn,
        deadline,
        daysAfterNotice: days,
        limitDays: param.days,
        term: param.term,
      },
    ),
  ];
}

/**
 * `contract.cycle` [ZZ §5.3, PY §5.3: 原则上以3年为一个周期 → warning; WH §3.4: 期限最长3年 → error]: the
 * cycle is at most 3 years, and the term ends no later than the third anniversary of its start. The
 * anniversary itself is allowed (a contract dated 2021-03-01 to 2024-03-01 passes): the documents count the
 * cycle in years, and reading "three years" as ending the day before would flag contracts written either way.
 */
export function checkCycle(contract: PurchaseContract, param: Param<'cycle'>): Finding[] {
  const latestTermEnd = periodEnd(contract.termStart, param.maxYears, 'year');
  const cycleOk = satisfies(contract.cycleYears, param.term, param.maxYears);
  const termOk = contract.termEnd <= latestTermEnd;
  if (cycleOk && termOk) return [];
  return [
    makeFinding(
      'contract.cycle',
      param,
      subjectOf(contract),
      {
        zh: `服务协议周期${contract.cycleYears}年（${contract.termStart}至${contract.termEnd}），超过${param.maxYears}年`,
        en: `The contract covers ${contract.cycleYears} years (${contract.termStart} to ${contract.termEnd}); the cycle is at most ${param.maxYears} years`,
      },
      {
        cycleYears: contract.cycleYears,
        termStart: contract.termStart,
        termEnd: contract.termEnd,
        latestTermEnd,
        maxYears: param.maxYears,
        term: param.term,
      },
    ),
  ];
}

/**
 * `contract.yearly-signing` [ZZ §5.3, PY §5.3]: within the cycle an agreement is signed every year (一年一签).
 * Every execution year that has begun by `asOf` needs an agreement signed by then; the contract itself is
 * the first year's. The documents set no day by which a year's agreement is due, so one signed late in its
 * year still counts. One finding per missing year.
 */
export function checkYearlySigning(
  contract: PurchaseContract,
  param: Param<'yearlySigning'>,
  asOf: IsoDate,
): Finding[] {
  return executionYears(contract)
    .filter(({ year, from }) => year > 1 && year <= contract.cycleYears && from <= asOf)
    .filter(({ year }) => !contract.yearlyTerms.some((t) => t.year === year && t.signedOn <= asOf))
    .map(({ year, from, to }) =>
      makeFinding(
        'contract.yearly-signing',
        param,
        subjectOf(contract),
        {
          zh: `服务周期第${year}年（${from}起）未签订年度协议（周期内一年一签）`,
          en: `No agreement has been signed for year ${year} of the cycle (from ${from}); the cycle is signed year by year`,
        },
        { year, from, to, asOf },
      ),
    );
}

/**
 * `contract.evaluations` [ZZ §5.3, PY §5.3: the county evaluates twice a year; WH §3.4: at least one mid-term
 * evaluation per execution year]: every execution year that is over by `asOf` (its last day is before it)
 * holds at least the required number of evaluations of the kinds the profile counts. A year still running
 * is not judged. One finding per short year.
 */
export function checkEvaluations(
  contract: PurchaseContract,
  param: Param<'evaluations'>,
  asOf: IsoDate,
): Finding[] {
  return executionYears(contract)
    .filter(({ to }) => to < asOf)
    .flatMap(({ year, from, to }) => {
      const count = contract.evaluations.filter(
        (e) => param.kinds.includes(e.kind) && e.date >= from && e.date <= to,
      ).length;
      if (satisfies(count, param.term, param.perYear)) return [];
      return [
        makeFinding(
          'contract.evaluations',
          param,
          subjectOf(contract),
          {
            zh: `第${year}个执行年度（${from}至${to}）评估${count}次，少于${param.perYear}次`,
            en: `Execution year ${year} (${from} to ${to}) had ${count} evaluation(s); at least ${param.perYear} required (${param.kinds.join(', ')})`,
          },
          { year, from, to, count, required: param.perYear, kinds: param.kinds, term: param.term },
        ),
      ];
    });
}
