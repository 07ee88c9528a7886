import type { BudgetLineCategory, FundingSourceKind } from './schema.ts';

/** A label in the documents' Chinese and in English. */
export interface Label {
  zh: string;
  en: string;
}

/** The budget lines as the documents name them [ZZ §6.3]. */
export const BUDGET_LINE_CATEGORY_LABELS: Readonly<Record<BudgetLineCategory, Label>> = {
  salary: { zh: '薪酬', en: 'Salaries' },
  allowance: { zh: '津贴', en: 'Allowances' },
  'social-insurance': { zh: '社会保险（五险一金）', en: 'Social insurance and housing fund' },
  'supervision-training': { zh: '督导培训经费', en: 'Supervision and training' },
  'service-activities': { zh: '服务活动经费', en: 'Service activities' },
  'project-management': { zh: '项目管理经费', en: 'Project management' },
  'evaluation-reserve': { zh: '项目评估经费', en: 'Evaluation reserve' },
  other: { zh: '其他', en: 'Other' },
};

/** The funding sources as the documents name them [ZZ §6.2, PY §6.2, WH §4.2]. */
export const FUNDING_SOURCE_KIND_LABELS: Readonly<Record<FundingSourceKind, Label>> = {
  'assistance-fund': { zh: '困难群众救助补助资金', en: 'Assistance funds for people in difficulty' },
  'welfare-lottery': { zh: '福彩公益金', en: 'Welfare lottery public-welfare fund' },
  'general-budget': { zh: '一般公共预算资金', en: 'General public budget' },
  'superior-subsidy': { zh: '省市补助资金', en: 'Provincial and city subsidies' },
  charity: { zh: '慈善资金', en: 'Charity funds' },
  'other-purchaser': { zh: '其他购买主体资金', en: 'Funds of other purchasers' },
};
