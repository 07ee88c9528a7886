import type { Dictionaries } from '../i18n.tsx';

/**
 * What every console says about budget execution (预算执行) and payments: money is integer fen in the hub
 * and shown as 元 [ARCHITECTURE: Money]; execution is paid ÷ budgeted of the year.
 */
export const FUNDING_MESSAGES: Dictionaries = {
  'zh-CN': {
    'funding.region': '地区',
    'funding.year': '年度',
    'funding.yearOption': '{year}年',
    'funding.yearEmpty': '{year}年（无数据）',
    'funding.contracts': '合同数',
    'funding.contracted': '合同金额',
    'funding.budgets': '预算数',
    'funding.budgeted': '项目预算',
    'funding.payments': '支付笔数',
    'funding.paid': '已支付',
    'funding.execution': '预算执行率',
    'funding.noBudget': '无预算',
    'funding.yuan': '（元）',
    'funding.empty': '该年度没有合同、预算或支付记录',
    'funding.emptyHint': '合同、预算和支付由区县推送至平台；如已签订，请联系区县民政部门。',
  },
  en: {
    'funding.region': 'Region',
    'funding.year': 'Year',
    'funding.yearOption': '{year}',
    'funding.yearEmpty': '{year} (no data)',
    'funding.contracts': 'Contracts',
    'funding.contracted': 'Contracted',
    'funding.budgets': 'Budgets',
    'funding.budgeted': 'Budgeted',
    'funding.payments': 'Payments',
    'funding.paid': 'Paid',
    'funding.execution': 'Execution',
    'funding.noBudget': 'no budget',
    'funding.yuan': ' (CNY)',
    'funding.empty': 'No contract, budget or payment in this year',
    'funding.emptyHint':
      'Counties push contracts, budgets and payments to the hub; if signed, ask the county.',
  },
};
