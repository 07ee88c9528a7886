import { type Finding, type FindingSubject, satisfies } from '@shegong/kernel';
import { BudgetInputError } from '../errors.ts';
import { FUNDING_SOURCE_KIND_LABELS } from '../labels.ts';
import {
  exactFraction,
  formatBp,
  formatYuan,
  mulDiv,
  shareBp,
  shareSatisfies,
  sumFen,
  times,
} from '../money.ts';
import { domainOfScope } from '../parse.ts';
import type { BudgetProfile } from '../profiles.ts';
import type { ProjectBudget } from '../schema.ts';
import { summarizeBudget } from '../summary.ts';
import { makeFinding } from './rule.ts';

type Param<K extends keyof BudgetProfile> = NonNullable<BudgetProfile[K]>;

function subjectOf(budget: ProjectBudget): FindingSubject {
  return { kind: 'budget', id: budget.id };
}

/**
 * A share for a message, rounded half up to 0.01%. A share that breaks a limit can round onto it (69.9999…%
 * shows as 70.00%); it is then shown as `<70.00%` (or `>2.00%`) so the message never contradicts its verdict.
 */
function shownShare(part: number, whole: number, limitBp: number, side: '<' | '>'): string {
  const bp = shareBp(part, whole);
  return bp === limitBp ? `${side}${formatBp(bp)}` : formatBp(bp);
}

/**
 * `budget.personnel-share` [ZZ §6.3]: salaries, allowances and social insurance are at least 70% of the
 * project funds (the sum of all lines). "不低于" includes the floor, so exactly 70% passes; the comparison is
 * on the exact fraction, so one fen short of 70% fails.
 */
export function checkPersonnelShare(budget: ProjectBudget, param: Param<'personnelShare'>): Finding[] {
  const { personnelFen, totalFen } = summarizeBudget(budget);
  if (totalFen === 0 || shareSatisfies(personnelFen, totalFen, param.term, param.floorBp)) return [];
  const share = shownShare(personnelFen, totalFen, param.floorBp, '<');
  const floor = formatBp(param.floorBp);
  return [
    makeFinding(
      'budget.personnel-share',
      param,
      subjectOf(budget),
      {
        zh: `人员经费（薪酬、津贴、社保）${formatYuan(personnelFen)}占项目经费${formatYuan(totalFen)}的${share}，${param.term}${floor}的要求未满足`,
        en: `Personnel costs (salaries, allowances, social insurance) of ${formatYuan(personnelFen)} are ${share} of project funds of ${formatYuan(totalFen)}; they must be at least ${floor}`,
      },
      {
        personnelFen,
        projectFen: totalFen,
        share: exactFraction(personnelFen, totalFen),
        shareBp: shareBp(personnelFen, totalFen),
        floorBp: param.floorBp,
        term: param.term,
      },
    ),
  ];
}

/**
 * `budget.evaluation-reserve` [ZZ §6.3]: the budget sets money aside for the mid-term and final evaluation
 * (要预留项目评估经费): an `evaluation-reserve` line of more than ¥0.00.
 */
export function checkEvaluationReserve(budget: ProjectBudget, param: Param<'evaluationReserve'>): Finding[] {
  const reserveFen = summarizeBudget(budget).byCategory['evaluation-reserve'];
  if (reserveFen > 0) return [];
  return [
    makeFinding(
      'budget.evaluation-reserve',
      param,
      subjectOf(budget),
      {
        zh: '预算未预留项目评估经费（用于中期、末期评估）',
        en: 'The budget reserves no money for the mid-term and final evaluation',
      },
      { evaluationReserveFen: reserveFen },
    ),
  ];
}

/**
 * `budget.assistance-fund-cap` [ZZ §6.2]: the county spends at most 2% of its 困难群众救助补助资金 on social
 * work purchases (不高于 includes 2% itself). The cap is on the county's whole use of the fund, so money
 * other projects take from it (`assistanceFundUsedElsewhereFen`) counts too. Exact comparison, no rounding.
 * @throws BudgetInputError when the fund is a source but the county's total is not given
 */
export function checkAssistanceFundCap(budget: ProjectBudget, param: Param<'assistanceFundCap'>): Finding[] {
  const projectFen = summarizeBudget(budget).bySourceKind['assistance-fund'];
  if (projectFen === 0) return [];
  const countyFen = budget.countyAssistanceFundsFen;
  if (countyFen === undefined) {
    throw new BudgetInputError('the budget', [
      {
        path: ['countyAssistanceFundsFen'],
        message: `the county's total 困难群众救助补助资金 for the year is needed to check the ${formatBp(param.capBp)} cap [${param.citation}]`,
      },
    ]);
  }
  const usedFen = sumFen([projectFen, budget.assistanceFundUsedElsewhereFen]);
  if (shareSatisfies(usedFen, countyFen, param.term, param.capBp)) return [];
  const cap = formatBp(param.capBp);
  const share = countyFen > 0 ? shownShare(usedFen, countyFen, param.capBp, '>') : '—';
  return [
    makeFinding(
      'budget.assistance-fund-cap',
      param,
      subjectOf(budget),
      {
        zh: `购买社工服务使用困难群众救助补助资金${formatYuan(usedFen)}（本项目${formatYuan(projectFen)}），占全县该项资金${formatYuan(countyFen)}的${share}，超过${cap}`,
        en: `Social work purchases use ${formatYuan(usedFen)} of assistance funds (this project ${formatYuan(projectFen)}), ${share} of the county's ${formatYuan(countyFen)}; the cap is ${cap}`,
      },
      {
        projectAssistanceFundFen: projectFen,
        usedElsewhereFen: budget.assistanceFundUsedElsewhereFen,
        usedFen,
        countyAssistanceFundsFen: countyFen,
        share: countyFen > 0 ? exactFraction(usedFen, countyFen) : null,
        shareBp: countyFen > 0 ? shareBp(usedFen, countyFen) : null,
        capBp: param.capBp,
        term: param.term,
      },
    ),
  ];
}

/**
 * `budget.separate-accounts` [ZZ §6.3, PY §6.3]: money from purchasers other than civil affairs is booked
 * apart (单独核算、专项管理，不得混用). A source of kind `other-purchaser` must say `separateAccount: true`;
 * not saying it is treated as not booked apart, since the budget is where it must show. One finding per
 * source, in the budget's order.
 */
export function checkSeparateAccounts(budget: ProjectBudget, param: Param<'separateAccounts'>): Finding[] {
  return budget.sources.flatMap((source, index) => {
    if (source.kind !== 'other-purchaser' || source.separateAccount === true) return [];
    const who = source.purchaser ?? FUNDING_SOURCE_KIND_LABELS['other-purchaser'].zh;
    return [
      makeFinding(
        'budget.separate-accounts',
        param,
        subjectOf(budget),
        {
          zh: `${who}的资金${formatYuan(source.amountFen)}未与民政购买服务单独核算、专项管理`,
          en: `${formatYuan(source.amountFen)} from ${source.purchaser ?? 'another purchaser'} is not accounted separately from the civil-affairs purchase`,
        },
        {
          sourceIndex: index,
          purchaser: source.purchaser ?? null,
          amountFen: source.amountFen,
          separateAccount: source.separateAccount ?? null,
        },
      ),
    ];
  });
}

/**
 * `budget.single-source-purpose` [ZZ §6.3, PY §6.3]: when all the money comes from one kind of source
 * (经费来源单一), every planned service lies inside that source's purpose (使用方向). A planned item is
 * inside when the purpose names it or its domain; a planned domain only when the purpose names the domain.
 * With several entries of the one kind, their purposes are pooled.
 * @throws BudgetInputError when the purpose or the planned services are missing, since then the rule
 *   cannot be checked
 */
export function checkSingleSourcePurpose(
  budget: ProjectBudget,
  param: Param<'singleSourcePurpose'>,
): Finding[] {
  const kinds = new Set(budget.sources.map((s) => s.kind));
  const [kind] = kinds;
  if (kinds.size !== 1 || kind === undefined) return [];
  const missing = budget.sources.flatMap((source, i) =>
    source.purpose === undefined || source.purpose.length === 0
      ? [
          {
            path: ['sources', i, 'purpose'],
            message: `a single-source project needs its source's purpose [${param.citation}]`,
          },
        ]
      : [],
  );
  if (budget.servicesPlanned.length === 0) {
    missing.push({
      path: ['servicesPlanned'],
      message: `a single-source project must list its planned services to be checked against the source's purpose [${param.citation}]`,
    });
  }
  if (missing.length > 0) throw new BudgetInputError('the budget', missing);
  const purpose = new Set(budget.sources.flatMap((s) => s.purpose ?? []));
  const outside = budget.servicesPlanned.filter(
    (id) => !purpose.has(id) && !(id.includes('.') && purpose.has(domainOfScope(id) ?? '')),
  );
  if (outside.length === 0) return [];
  const label = FUNDING_SOURCE_KIND_LABELS[kind];
  return [
    makeFinding(
      'budget.single-source-purpose',
      param,
      subjectOf(budget),
      {
        zh: `经费来源单一（${label.zh}），但计划服务${outside.join('、')}超出其使用方向（${[...purpose].join('、')}）`,
        en: `All funds come from one source (${label.en}), but planned services ${outside.join(', ')} lie outside its purpose (${[...purpose].join(', ')})`,
      },
      { sourceKind: kind, purpose: [...purpose], outside },
    ),
  ];
}

/**
 * `budget.labour-cost-floor` [WH §2.2]: labour cost is budgeted at no less than the urban average wage per
 * worker (按不低于城镇单位在岗职工平均工资标准核算人力成本). Labour cost is the personnel lines — salary,
 * allowances and the employer's social insurance — of a one-year budget; the wage is the year's average
 * wage of urban employees, given by the caller because it changes every year (动态调整). Compared exactly:
 * personnel ≥ workers × wage.
 */
export function checkLabourCostFloor(
  budget: ProjectBudget,
  param: Param<'labourCostFloor'>,
  urbanAverageWageFen: number,
): Finding[] {
  if (budget.workersBudgeted === 0) return [];
  const { personnelFen } = summarizeBudget(budget);
  const requiredFen = times(urbanAverageWageFen, budget.workersBudgeted);
  if (satisfies(personnelFen, param.term, requiredFen)) return [];
  // Per-worker cost is for the message only; the verdict above used no division.
  const perWorkerFen = mulDiv(personnelFen, 1, budget.workersBudgeted);
  return [
    makeFinding(
      'budget.labour-cost-floor',
      param,
      subjectOf(budget),
      {
        zh: `人力成本${formatYuan(personnelFen)}（${budget.workersBudgeted}人，人均约${formatYuan(perWorkerFen)}）低于按城镇单位在岗职工平均工资${formatYuan(urbanAverageWageFen)}核算的${formatYuan(requiredFen)}`,
        en: `Labour cost of ${formatYuan(personnelFen)} (${budget.workersBudgeted} workers, about ${formatYuan(perWorkerFen)} each) is below ${formatYuan(requiredFen)}, the urban average wage of ${formatYuan(urbanAverageWageFen)} per worker`,
      },
      {
        personnelFen,
        workersBudgeted: budget.workersBudgeted,
        urbanAverageWageFen,
        requiredFen,
        perWorkerFen,
        term: param.term,
      },
    ),
  ];
}
