import { CitationSchema, LegalTermSchema, SeveritySchema } from '@shegong/kernel';
import { z } from 'zod';
import { BudgetInputError, BudgetProfileNotFoundError } from './errors.ts';
import { BasisPointsSchema } from './money.ts';
import { EvaluationKindSchema, OperatorRatingSchema } from './schema.ts';

/**
 * Budget, contract and facility parameters per jurisdiction, as data. Each rule's parameters carry the
 * clause they come from, how bad a breach is (`error` for 应/要/不得/不低于, `warning` for 原则上), the
 * legal counting term the clause uses, and the clause's own words where one document states it.
 * `null` means the profile's document says nothing on the matter, so the rule does not run.
 *
 * The ids match `@shegong/staffing`'s profiles; this package holds only what budgets, contracts, operators
 * and station rooms need, plus the workers-per-station defaults the estimator offers.
 */
export const BudgetProfileIdSchema = z.enum(['HENAN', 'ZZ', 'PY', 'WH']);
export type BudgetProfileId = z.infer<typeof BudgetProfileIdSchema>;

const RuleParamSchema = z.object({
  citation: CitationSchema,
  severity: SeveritySchema,
  /** The clause's words, verbatim, where a single document states the rule. */
  quote: z.string().min(1).optional(),
});
export type RuleParam = z.infer<typeof RuleParamSchema>;

export const BudgetProfileSchema = z.object({
  id: BudgetProfileIdSchema,
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  /** The issuing jurisdiction's 6-digit code: a city, or the province for a baseline. */
  regionCode: z.string().regex(/^\d{6}$/),
  note: z.string().optional(),
  /** Personnel (salary, allowances, social insurance) as a share of project funds. */
  personnelShare: RuleParamSchema.extend({ term: LegalTermSchema, floorBp: BasisPointsSchema }).nullable(),
  /** A reserve for the mid-term and final evaluation. */
  evaluationReserve: RuleParamSchema.nullable(),
  /** The county's use of 困难群众救助补助资金 for social work, as a share of that fund. */
  assistanceFundCap: RuleParamSchema.extend({ term: LegalTermSchema, capBp: BasisPointsSchema }).nullable(),
  /** Other purchasers' money booked apart. */
  separateAccounts: RuleParamSchema.nullable(),
  /** A single-source project stays inside that source's purpose. */
  singleSourcePurpose: RuleParamSchema.nullable(),
  /** Labour cost per worker against the urban average wage (a parameter of the evaluation). */
  labourCostFloor: RuleParamSchema.extend({ term: LegalTermSchema }).nullable(),
  /** Days from the award notice to the signed contract. */
  signingDeadline: RuleParamSchema.extend({
    term: LegalTermSchema,
    days: z.number().int().positive(),
  }).nullable(),
  /** The longest cycle a contract may cover, in years. */
  cycle: RuleParamSchema.extend({ term: LegalTermSchema, maxYears: z.number().int().positive() }).nullable(),
  /** One agreement per year of the cycle (一年一签). */
  yearlySigning: RuleParamSchema.nullable(),
  /** Evaluations per execution year, and which kinds count. */
  evaluations: RuleParamSchema.extend({
    term: LegalTermSchema,
    perYear: z.number().int().positive(),
    kinds: z.array(EvaluationKindSchema).min(1),
  }).nullable(),
  /** The lowest rating an operator brought in from elsewhere may have. */
  importedOperator: RuleParamSchema.extend({
    term: LegalTermSchema,
    minRating: OperatorRatingSchema,
  }).nullable(),
  /** The smallest office a station may have, in m². */
  officeArea: RuleParamSchema.extend({ term: LegalTermSchema, minM2: z.number().positive() }).nullable(),
  /**
   * Resident workers per station, for the estimator's defaults (the staffing rules themselves live in
   * `@shegong/staffing`). `category` is a `@shegong/regions` policy category, or `null` for every station.
   */
  workersPerStation: z
    .array(
      z.object({
        category: z.string().min(1).nullable(),
        workers: z.number().int().positive(),
        citation: CitationSchema,
      }),
    )
    .min(1),
});
export type BudgetProfile = z.infer<typeof BudgetProfileSchema>;
export type BudgetProfileInput = z.input<typeof BudgetProfileSchema>;

const ZZ: BudgetProfileInput = {
  id: 'ZZ',
  name: { zh: '郑州市', en: 'Zhengzhou' },
  regionCode: '410100',
  personnelShare: {
    citation: 'ZZ §6.3',
    severity: 'error',
    term: '不低于',
    floorBp: 7_000,
    quote: '其中用于支付社工站项目执行人员的薪酬、津贴、社保等不低于项目经费的70%',
  },
  evaluationReserve: {
    citation: 'ZZ §6.3',
    severity: 'error',
    quote: '购买社工站项目过程中，要预留项目评估经费，对社工站项目运营进行中期、末期评估',
  },
  assistanceFundCap: {
    citation: 'ZZ §6.2',
    severity: 'error',
    term: '不高于',
    capBp: 200,
    quote: '其中困难群众救助补助资金按照不高于2%安排购买社工服务项目',
  },
  separateAccounts: {
    citation: 'ZZ §6.3',
    severity: 'error',
    quote:
      '承接主体在民政购买服务以外链接的其他购买主体的服务，要与民政购买服务单独核算、专项管理，不得混用、挤占、挪用',
  },
  singleSourcePurpose: {
    citation: 'ZZ §6.3',
    severity: 'error',
    quote: '对于经费来源单一的社工站项目，要严格按照经费使用方向确定服务范围和服务内容',
  },
  labourCostFloor: null,
  signingDeadline: {
    citation: 'ZZ §5.3',
    severity: 'error',
    term: '以内',
    days: 30,
    quote:
      '购买主体应与中标（成交）的承接主体在中标（成交）通知书发出之日起30日内，依法签订书面的政府购买服务合同（协议）',
  },
  cycle: {
    citation: 'ZZ §5.3',
    severity: 'warning',
    term: '不超过',
    maxYears: 3,
    quote: '服务协议在预算保障的前提下原则上以3年为一个周期',
  },
  yearlySigning: { citation: 'ZZ §5.3', severity: 'warning', quote: '周期内一年一签' },
  evaluations: {
    citation: 'ZZ §5.3',
    severity: 'error',
    term: '不少于',
    perYear: 2,
    kinds: ['mid-term', 'final', 'annual'],
    quote: '县级民政部门对乡镇社工站项目每年进行两次集中评估',
  },
  importedOperator: {
    citation: 'ZZ §4.1',
    severity: 'error',
    term: '以上',
    minRating: '3A',
    quote: '当地无相关承接主体的，可从外地引进社会组织评估等级为3A级以上社会工作服务机构',
  },
  officeArea: {
    citation: 'ZZ §4.2',
    severity: 'error',
    term: '不少于',
    minM2: 12,
    quote: '包括不少于12m²的办公用房和一定面积的活动用房',
  },
  workersPerStation: [{ category: null, workers: 2, citation: 'ZZ §4.4' }],
};

const PY: BudgetProfileInput = {
  id: 'PY',
  name: { zh: '濮阳市', en: 'Puyang' },
  regionCode: '410900',
  note: "PY's draft states no personnel share, no evaluation reserve and no cap on assistance funds (§6.2, §6.3).",
  personnelShare: null,
  evaluationReserve: null,
  assistanceFundCap: null,
  separateAccounts: {
    citation: 'PY §6.3',
    severity: 'error',
    quote:
      '承接主体在民政购买服务以外链接的其他购买主体的服务，要与民政购买服务单独核算、专项管理，不得混用、挤占、挪用',
  },
  singleSourcePurpose: {
    citation: 'PY §6.3',
    severity: 'error',
    quote: '对于经费来源单一的社工站项目，严格按照经费使用方向确定服务范围和服务内容',
  },
  labourCostFloor: null,
  signingDeadline: {
    citation: 'PY §5.3',
    severity: 'error',
    term: '以内',
    days: 30,
    quote:
      '购买主体应与中标（成交）的承接主体在中标（成交）通知书发出之日起30日内，依法签订书面政府购买服务合同（协议）',
  },
  cycle: {
    citation: 'PY §5.3',
    severity: 'warning',
    term: '不超过',
    maxYears: 3,
    quote: '服务协议在预算保障的前提下原则上以3年为一个周期',
  },
  yearlySigning: { citation: 'PY §5.3', severity: 'warning', quote: '周期内一年一签' },
  evaluations: {
    citation: 'PY §5.3',
    severity: 'error',
    term: '不少于',
    perYear: 2,
    kinds: ['mid-term', 'final', 'annual'],
    quote: '县级民政部门对乡镇（街道）社工站项目每年进行两次集中评估',
  },
  importedOperator: {
    citation: 'PY §4.1',
    severity: 'error',
    term: '以上',
    minRating: '3A',
    quote: '当地无相关承接主体的，可从外地引进评估等级为3A级以上社工服务机构',
  },
  officeArea: {
    citation: 'PY §4.3',
    severity: 'error',
    term: '不少于',
    minM2: 20,
    quote: '包括不少于 20 平方的办公用房和一定面积的活动用房',
  },
  workersPerStation: [{ category: null, workers: 2, citation: 'PY §4.5' }],
};

const WH: BudgetProfileInput = {
  id: 'WH',
  name: { zh: '武汉市', en: 'Wuhan' },
  regionCode: '420100',
  note: "WH's notice states no personnel share, reserve, fund cap, signing deadline, operator rating or office size.",
  personnelShare: null,
  evaluationReserve: null,
  assistanceFundCap: null,
  separateAccounts: null,
  singleSourcePurpose: null,
  labourCostFloor: {
    citation: 'WH §2.2',
    severity: 'error',
    term: '不低于',
    quote: '按不低于城镇单位在岗职工平均工资标准核算政府购买社会工作服务项目人力成本，并建立动态调整机制',
  },
  signingDeadline: null,
  // "可以签订期限最长3年": the permission reaches three years and no further, so a longer contract has no basis.
  cycle: {
    citation: 'WH §3.4',
    severity: 'error',
    term: '不超过',
    maxYears: 3,
    quote: '在预算资金有保障的前提下，可以签订期限最长 3 年的服务合同',
  },
  yearlySigning: null,
  evaluations: {
    citation: 'WH §3.4',
    severity: 'error',
    term: '不少于',
    perYear: 1,
    kinds: ['mid-term'],
    quote: '项目每一执行年度，各区至少组织一次中期评估',
  },
  importedOperator: null,
  officeArea: null,
  workersPerStation: [
    { category: 'wh.central-urban', workers: 3, citation: 'WH §2.2' },
    { category: 'wh.new-urban', workers: 2, citation: 'WH §2.2' },
  ],
};

/**
 * What Zhengzhou's and Puyang's plans share, both following the provincial plan (豫民〔2020〕5号, not in the
 * seeds): the rules both state, cited to both. Where both set a number, the baseline keeps the laxer one
 * (office ≥ 12 m², which Puyang's 20 m² also meets); rules only one states (ZZ's 70% personnel share, its
 * evaluation reserve and 2% cap) are left out.
 */
const HENAN: BudgetProfileInput = {
  id: 'HENAN',
  name: { zh: '河南省（郑州、濮阳共同要求）', en: 'Henan baseline (shared by Zhengzhou and Puyang)' },
  regionCode: '410000',
  note: 'The intersection of ZZ and PY; the provincial plan itself is not among the seeds.',
  personnelShare: null,
  evaluationReserve: null,
  assistanceFundCap: null,
  separateAccounts: { citation: 'ZZ §6.3, PY §6.3', severity: 'error' },
  singleSourcePurpose: { citation: 'ZZ §6.3, PY §6.3', severity: 'error' },
  labourCostFloor: null,
  signingDeadline: { citation: 'ZZ §5.3, PY §5.3', severity: 'error', term: '以内', days: 30 },
  cycle: { citation: 'ZZ §5.3, PY §5.3', severity: 'warning', term: '不超过', maxYears: 3 },
  yearlySigning: { citation: 'ZZ §5.3, PY §5.3', severity: 'warning' },
  evaluations: {
    citation: 'ZZ §5.3, PY §5.3',
    severity: 'error',
    term: '不少于',
    perYear: 2,
    kinds: ['mid-term', 'final', 'annual'],
  },
  importedOperator: { citation: 'ZZ §4.1, PY §4.1', severity: 'error', term: '以上', minRating: '3A' },
  officeArea: { citation: 'ZZ §4.2, PY §4.3', severity: 'error', term: '不少于', minM2: 12 },
  workersPerStation: [{ category: null, workers: 2, citation: 'ZZ §4.4, PY §4.5' }],
};

// Parsed once at load, so a malformed entry fails every test that imports the package.
const PROFILES: ReadonlyMap<BudgetProfileId, BudgetProfile> = new Map(
  [HENAN, ZZ, PY, WH].map((input) => {
    const profile = BudgetProfileSchema.parse(input);
    return [profile.id, profile] as const;
  }),
);

/** Every budget profile: HENAN, ZZ, PY, WH. */
export function listBudgetProfiles(): BudgetProfile[] {
  return [...PROFILES.values()];
}

/**
 * A budget profile by id.
 * @example getBudgetProfile('ZZ').personnelShare?.floorBp // 7000
 * @throws BudgetProfileNotFoundError
 */
export function getBudgetProfile(id: string): BudgetProfile {
  const profile = PROFILES.get(id as BudgetProfileId);
  if (!profile) throw new BudgetProfileNotFoundError(id, [...PROFILES.keys()]);
  return profile;
}

/**
 * The profile that governs a region: its city's, else its province's baseline. Accepts any code of a
 * county, township or functional zone (`410105`, `410105001`, `410100.zhengdong`).
 * @example budgetProfileFor('410105').id // 'ZZ'
 * @example budgetProfileFor('410300').id // 'HENAN': Luoyang has no profile of its own
 * @throws BudgetProfileNotFoundError when neither the city nor the province has one
 */
export function budgetProfileFor(regionCode: string): BudgetProfile {
  const profiles = listBudgetProfiles();
  const byCity = profiles.find(
    (p) => !p.regionCode.endsWith('0000') && regionCode.startsWith(p.regionCode.slice(0, 4)),
  );
  if (byCity) return byCity;
  const byProvince = profiles.find(
    (p) => p.regionCode.endsWith('0000') && regionCode.startsWith(p.regionCode.slice(0, 2)),
  );
  if (byProvince) return byProvince;
  throw new BudgetProfileNotFoundError(regionCode, [...PROFILES.keys()]);
}

/**
 * The estimator's default workers per station under a profile, for stations of a policy category
 * (`wh.central-urban`) or for every station.
 * @example defaultWorkersPerStation(getBudgetProfile('WH'), 'wh.central-urban') // 3
 * @throws BudgetInputError when the profile's number depends on a category and none (or an unknown one)
 *   is given
 */
export function defaultWorkersPerStation(profile: BudgetProfile, category?: string): number {
  const rules = profile.workersPerStation;
  const match =
    rules.find((r) => category !== undefined && r.category === category) ??
    rules.find((r) => r.category === null);
  if (match) return match.workers;
  const known = rules.map((r) => r.category).join(', ');
  throw new BudgetInputError('the station category', [
    {
      path: ['category'],
      message:
        category === undefined
          ? `${profile.id} sets workers per station by category (${known}); name one`
          : `${profile.id} has no workers-per-station rule for "${category}"; known: ${known}`,
    },
  ]);
}
