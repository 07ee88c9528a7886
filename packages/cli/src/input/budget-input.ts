import {
  type BudgetProfile,
  budgetProfileFor,
  evaluateBudget,
  evaluateContract,
  evaluateFacilities,
  evaluateOperator,
  FenSchema,
  getBudgetProfile,
  OperatorSchema,
  ProjectBudgetSchema,
  PurchaseContractSchema,
  parseYuan,
  StationFacilitiesSchema,
} from '@shegong/budget';
import { compareFindings, DomainError, type Finding, type IsoDate } from '@shegong/kernel';
import { z } from 'zod';
import { type ColumnSpec, column, type SheetSpec, toSheets } from './tabular.ts';

const RegionCodeSchema = z.string().regex(/^\d{6}(\d{3})?$/, { message: 'a region code of 6 or 9 digits' });

/**
 * What a county uploads for `shegong check budget`: its project budgets, purchase contracts, operators and
 * station rooms. Items that carry no county code of their own (operators, rooms) take `regionCode`.
 */
export const BudgetCheckInputSchema = z.object({
  /** The jurisdiction of items that name none; picks the profile unless `--profile` is given. */
  regionCode: RegionCodeSchema.optional(),
  /** The year's urban average wage in fen per worker, for Wuhan's labour-cost floor [WH §2.2]. */
  urbanAverageWageFen: FenSchema.optional(),
  budgets: z.array(ProjectBudgetSchema).default([]),
  contracts: z.array(PurchaseContractSchema).default([]),
  operators: z.array(OperatorSchema.extend({ regionCode: RegionCodeSchema.optional() })).default([]),
  facilities: z
    .array(StationFacilitiesSchema.extend({ regionCode: RegionCodeSchema.optional() }))
    .default([]),
});
export type BudgetCheckInput = z.infer<typeof BudgetCheckInputSchema>;

export interface BudgetCheckReport {
  asOf: IsoDate;
  counts: { budgets: number; contracts: number; operators: number; facilities: number };
  /** The profile each item was checked under, keyed `budgets[0]`, `contracts[2]` … */
  profiles: Record<string, string>;
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}

/** Checks every item of an upload under its profile (or `profile` for all), on `asOf`. */
export function checkBudgetUpload(
  input: BudgetCheckInput,
  options: { asOf: IsoDate; profile?: string; onProgress?: (done: number, total: number) => void },
): BudgetCheckReport {
  const forced = options.profile === undefined ? undefined : getBudgetProfile(options.profile);
  const profiles: Record<string, string> = {};
  const profileOf = (key: string, regionCode: string | undefined): BudgetProfile => {
    const code = regionCode ?? input.regionCode;
    if (!forced && code === undefined) {
      throw new DomainError(
        'INPUT_INVALID',
        `${key} names no county and the file gives no regionCode; add one or pass --profile`,
        {
          path: key.split(/[[\].]+/).filter(Boolean),
        },
      );
    }
    const profile = forced ?? budgetProfileFor(code as string);
    profiles[key] = profile.id;
    return profile;
  };
  const wage =
    input.urbanAverageWageFen === undefined ? {} : { urbanAverageWageFen: input.urbanAverageWageFen };
  const total =
    input.budgets.length + input.contracts.length + input.operators.length + input.facilities.length;
  let done = 0;
  const tick = <T>(items: T[]): T[] => {
    done += 1;
    options.onProgress?.(done, total);
    return items;
  };
  const findings = [
    ...input.budgets.flatMap((b, i) =>
      tick(evaluateBudget(b, profileOf(`budgets[${i}]`, b.countyCode), wage)),
    ),
    ...input.contracts.flatMap((c, i) =>
      tick(evaluateContract(c, profileOf(`contracts[${i}]`, c.countyCode), { asOf: options.asOf })),
    ),
    ...input.operators.flatMap((o, i) =>
      tick(evaluateOperator(o, profileOf(`operators[${i}]`, o.regionCode))),
    ),
    ...input.facilities.flatMap((f, i) =>
      tick(evaluateFacilities(f, profileOf(`facilities[${i}]`, f.regionCode))),
    ),
  ].sort(compareFindings);
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return {
    asOf: options.asOf,
    counts: {
      budgets: input.budgets.length,
      contracts: input.contracts.length,
      operators: input.operators.length,
      facilities: input.facilities.length,
    },
    profiles,
    findings,
    summary,
  };
}

const { string: s, number: n, boolean: b, list: l } = column;
function fenText(yuanNumber: number): string | undefined {
  const fen = Math.round(yuanNumber * 100);
  if (!Number.isSafeInteger(fen) || fen < 0 || Math.abs(yuanNumber * 100 - fen) > 1e-6) return undefined;
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Money typed as yuan in a spreadsheet (`12345.67`), stored as fen. */
const yuan = (...path: string[]): ColumnSpec => ({
  path,
  type: 'string',
  convert: (value) => {
    // A numeric cell holds a binary float (12.34 → 12.339999…): accept it only when it is a whole number
    // of fen to within 1e-6, then read its exact two-decimal text. A text cell is read exactly.
    const text = typeof value === 'number' ? fenText(value) : String(value);
    if (text === undefined)
      return { ok: false, message: `${String(value)} has more than two decimals (fen)` };
    try {
      return { ok: true, value: parseYuan(text) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  },
  // Exact: 1234567 fen → "12345.67", no floating point.
  unconvert: (fen) => `${Math.trunc(Number(fen) / 100)}.${String(Number(fen) % 100).padStart(2, '0')}`,
});

/**
 * The XLSX layout of a budget check. Money columns are in yuan (`amountYuan`), read exactly into fen;
 * nested lists get their own sheets keyed by their parent's id. Documented in README, "shegong check".
 */
export const BUDGET_SHEETS: readonly SheetSpec[] = [
  {
    sheet: 'settings',
    target: 'settings',
    singleton: true,
    columns: { regionCode: s('regionCode'), urbanAverageWageYuan: yuan('urbanAverageWageFen') },
  },
  {
    sheet: 'budgets',
    target: 'budgets',
    columns: {
      id: s('id'),
      countyCode: s('countyCode'),
      year: n('year'),
      stationsCovered: n('stationsCovered'),
      workersBudgeted: n('workersBudgeted'),
      countyAssistanceFundsYuan: yuan('countyAssistanceFundsFen'),
      assistanceFundUsedElsewhereYuan: yuan('assistanceFundUsedElsewhereFen'),
      servicesPlanned: l('servicesPlanned'),
    },
  },
  {
    sheet: 'budgetLines',
    target: 'budgetLines',
    parent: { target: 'budgets', key: 'budgetId', into: 'lines' },
    columns: {
      budgetId: s('budgetId'),
      category: s('category'),
      amountYuan: yuan('amountFen'),
      note: s('note'),
    },
  },
  {
    sheet: 'fundingSources',
    target: 'fundingSources',
    parent: { target: 'budgets', key: 'budgetId', into: 'sources' },
    columns: {
      budgetId: s('budgetId'),
      kind: s('kind'),
      amountYuan: yuan('amountFen'),
      purchaser: s('purchaser'),
      purpose: l('purpose'),
      separateAccount: b('separateAccount'),
    },
  },
  {
    sheet: 'contracts',
    target: 'contracts',
    columns: {
      id: s('id'),
      countyCode: s('countyCode'),
      operatorId: s('operatorId'),
      awardNoticeDate: s('awardNoticeDate'),
      signedOn: s('signedOn'),
      termStart: s('termStart'),
      termEnd: s('termEnd'),
      cycleYears: n('cycleYears'),
    },
  },
  {
    sheet: 'yearlyTerms',
    target: 'yearlyTerms',
    parent: { target: 'contracts', key: 'contractId', into: 'yearlyTerms' },
    columns: { contractId: s('contractId'), year: n('year'), signedOn: s('signedOn') },
  },
  {
    sheet: 'evaluations',
    target: 'evaluations',
    parent: { target: 'contracts', key: 'contractId', into: 'evaluations' },
    columns: { contractId: s('contractId'), date: s('date'), kind: s('kind') },
  },
  {
    sheet: 'operators',
    target: 'operators',
    columns: {
      id: s('id'),
      name: s('name'),
      origin: s('origin'),
      rating: s('rating'),
      regionCode: s('regionCode'),
    },
  },
  {
    sheet: 'facilities',
    target: 'facilities',
    columns: {
      stationId: s('stationId'),
      regionCode: s('regionCode'),
      officeAreaM2: n('officeAreaM2'),
      activityAreaM2: n('activityAreaM2'),
    },
  },
];

/** Budget JSON input laid out as the sheets above (money in yuan), e.g. to produce an XLSX from JSON. */
export function budgetToSheets(
  data: Record<string, unknown>,
): Record<string, Array<Record<string, unknown>>> {
  return toSheets(data, BUDGET_SHEETS);
}
