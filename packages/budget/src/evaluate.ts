import { compareFindings, type Finding, IsoDateSchema } from '@shegong/kernel';
import { z } from 'zod';
import { BudgetInputError } from './errors.ts';
import { FenSchema } from './money.ts';
import { parseInput, parseProjectBudget, resolveProfile } from './parse.ts';
import type { BudgetProfile, BudgetProfileId } from './profiles.ts';
import {
  checkAssistanceFundCap,
  checkEvaluationReserve,
  checkLabourCostFloor,
  checkPersonnelShare,
  checkSeparateAccounts,
  checkSingleSourcePurpose,
} from './rules/budget.ts';
import { checkCycle, checkEvaluations, checkSigningDeadline, checkYearlySigning } from './rules/contract.ts';
import { checkImportedRating } from './rules/operator.ts';
import { checkOfficeArea } from './rules/station.ts';
import { OperatorSchema, PurchaseContractSchema, StationFacilitiesSchema } from './schema.ts';

const BudgetOptionsSchema = z.object({
  /**
   * The year's average annual wage of urban employees (城镇单位在岗职工平均工资), in fen per worker; needed by
   * profiles with a labour-cost floor (WH) [WH §2.2].
   */
  urbanAverageWageFen: FenSchema.optional(),
});
export type BudgetOptions = z.infer<typeof BudgetOptionsSchema>;

const AsOfSchema = z.object({ asOf: IsoDateSchema });

/**
 * Checks a one-year project budget against a profile's budget rules: personnel share [ZZ §6.3], evaluation
 * reserve [ZZ §6.3], assistance-fund cap [ZZ §6.2], separate accounts [ZZ §6.3, PY §6.3], single-source
 * purpose [ZZ §6.3, PY §6.3] and labour-cost floor [WH §2.2] — whichever the profile states. Pure and
 * deterministic; findings come sorted with `compareFindings`, empty when the budget meets every rule.
 *
 * @example
 * evaluateBudget(
 *   {
 *     id: 'jinshui-2021', countyCode: '410105', year: 2021, stationsCovered: 1, workersBudgeted: 2,
 *     lines: [
 *       { category: 'salary', amountFen: 12_000_000 },            // ¥120,000.00
 *       { category: 'social-insurance', amountFen: 3_600_000 },   // ¥36,000.00
 *       { category: 'service-activities', amountFen: 7_400_000 }, // ¥74,000.00
 *     ],
 *   },
 *   'ZZ',
 * ).map((f) => f.ruleId);
 * // ['budget.evaluation-reserve', 'budget.personnel-share']: personnel ¥156,000 is 67.83% of ¥230,000
 * @throws BudgetInputError naming the bad field, including a value a rule needs and lacks
 */
export function evaluateBudget(
  input: unknown,
  profile: BudgetProfile | BudgetProfileId,
  options: BudgetOptions = {},
): Finding[] {
  const p = resolveProfile(profile);
  const budget = parseProjectBudget(input);
  const { urbanAverageWageFen } = parseInput(BudgetOptionsSchema, options, 'the options');
  const findings: Finding[] = [];
  if (p.personnelShare) findings.push(...checkPersonnelShare(budget, p.personnelShare));
  if (p.evaluationReserve) findings.push(...checkEvaluationReserve(budget, p.evaluationReserve));
  if (p.assistanceFundCap) findings.push(...checkAssistanceFundCap(budget, p.assistanceFundCap));
  if (p.separateAccounts) findings.push(...checkSeparateAccounts(budget, p.separateAccounts));
  if (p.singleSourcePurpose) findings.push(...checkSingleSourcePurpose(budget, p.singleSourcePurpose));
  if (p.labourCostFloor) {
    if (urbanAverageWageFen === undefined) {
      throw new BudgetInputError('the options', [
        {
          path: ['urbanAverageWageFen'],
          message: `${p.id} budgets labour cost against the urban average wage; give the year's wage in fen [${p.labourCostFloor.citation}]`,
        },
      ]);
    }
    findings.push(...checkLabourCostFloor(budget, p.labourCostFloor, urbanAverageWageFen));
  }
  return findings.sort(compareFindings);
}

/**
 * Checks a purchase contract as of a day: signed within 30 days of the award notice [ZZ §5.3, PY §5.3], a
 * cycle of at most 3 years [ZZ §5.3, PY §5.3, WH §3.4], an agreement for every year begun [ZZ §5.3, PY §5.3],
 * and enough evaluations in every execution year that is over [ZZ §5.3, PY §5.3, WH §3.4].
 *
 * @example
 * evaluateContract(
 *   {
 *     id: 'C-2021-01', awardNoticeDate: '2021-03-01', signedOn: '2021-04-01', // day 31
 *     termStart: '2021-04-01', termEnd: '2024-03-31', cycleYears: 3,
 *   },
 *   'ZZ',
 *   { asOf: '2021-06-30' },
 * ).map((f) => f.ruleId);
 * // ['contract.signing-deadline']: the deadline was 2021-03-31
 * @throws BudgetInputError naming the bad field
 */
export function evaluateContract(
  input: unknown,
  profile: BudgetProfile | BudgetProfileId,
  options: { asOf: string },
): Finding[] {
  const p = resolveProfile(profile);
  const contract = parseInput(PurchaseContractSchema, input, 'the contract');
  const { asOf } = parseInput(AsOfSchema, options, 'the options');
  const findings: Finding[] = [];
  if (p.signingDeadline) findings.push(...checkSigningDeadline(contract, p.signingDeadline));
  if (p.cycle) findings.push(...checkCycle(contract, p.cycle));
  if (p.yearlySigning) findings.push(...checkYearlySigning(contract, p.yearlySigning, asOf));
  if (p.evaluations) findings.push(...checkEvaluations(contract, p.evaluations, asOf));
  return findings.sort(compareFindings);
}

/**
 * Checks an operator: one imported from elsewhere is rated 3A or above [ZZ §4.1, PY §4.1].
 * @example
 * evaluateOperator({ id: 'op-1', name: '某社工中心', origin: 'imported', rating: '2A' }, 'PY')[0]?.ruleId
 * // 'operator.imported-rating'
 * @throws BudgetInputError naming the bad field
 */
export function evaluateOperator(input: unknown, profile: BudgetProfile | BudgetProfileId): Finding[] {
  const p = resolveProfile(profile);
  const operator = parseInput(OperatorSchema, input, 'the operator');
  return p.importedOperator ? checkImportedRating(operator, p.importedOperator).sort(compareFindings) : [];
}

/**
 * Checks a station's rooms: an office of at least 12 m² (ZZ) or 20 m² (PY) [ZZ §4.2, PY §4.3].
 * @example
 * evaluateFacilities({ stationId: '410105001', officeAreaM2: 12 }, 'ZZ')  // []
 * evaluateFacilities({ stationId: '410902001', officeAreaM2: 12 }, 'PY')[0]?.ruleId // 'station.office-area'
 * @throws BudgetInputError naming the bad field
 */
export function evaluateFacilities(input: unknown, profile: BudgetProfile | BudgetProfileId): Finding[] {
  const p = resolveProfile(profile);
  const facilities = parseInput(StationFacilitiesSchema, input, 'the station facilities');
  return p.officeArea ? checkOfficeArea(facilities, p.officeArea).sort(compareFindings) : [];
}
