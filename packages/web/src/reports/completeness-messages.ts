import type { Dictionaries } from '../i18n.tsx';

/**
 * What every console says about report completeness and timeliness (报送完整率、及时率): expected, received,
 * on time, overdue and how late [ZZ §2, §5.4, §5.6; PY §2.2, §5.4]. The due day itself counts as on time.
 */
export const COMPLETENESS_MESSAGES: Dictionaries = {
  'zh-CN': {
    'completeness.region': '地区',
    'completeness.expected': '应报',
    'completeness.owed': '已到期应报',
    'completeness.received': '已报',
    'completeness.onTime': '按时报送',
    'completeness.late': '逾期报送',
    'completeness.overdue': '逾期未报',
    'completeness.notDue': '未到期',
    'completeness.approved': '已审核',
    'completeness.rate': '完整率',
    'completeness.timeliness': '及时率',
    'completeness.period': '报告期',
    'completeness.empty': '该报告期没有应报报表',
    'completeness.emptyHint': '应报报表按各地报表制度（报送层级、周期、截止日）生成；请选择其他报告期。',
    'completeness.overdueList': '逾期未报清单（{count} 份）',
    'completeness.overdueHint': '截止日已过仍未首次提交的报表，按截止日先后排列；截止日当天提交计为按时。',
    'completeness.noOverdue': '没有逾期未报的报表',
    'completeness.unit': '报送单位',
    'completeness.report': '报表',
    'completeness.dueOn': '截止日期',
    'completeness.daysLate': '逾期天数',
    'completeness.daysLateValue': '逾期 {days} 天',
  },
  en: {
    'completeness.region': 'Region',
    'completeness.expected': 'Expected',
    'completeness.owed': 'Due so far',
    'completeness.received': 'Received',
    'completeness.onTime': 'On time',
    'completeness.late': 'Late',
    'completeness.overdue': 'Overdue',
    'completeness.notDue': 'Not due',
    'completeness.approved': 'Approved',
    'completeness.rate': 'Completeness',
    'completeness.timeliness': 'Timeliness',
    'completeness.period': 'Period',
    'completeness.empty': 'No report is expected for this period',
    'completeness.emptyHint':
      "Expected reports follow each jurisdiction's reporting rules (who, how often, due day); choose another period.",
    'completeness.overdueList': 'Overdue reports ({count})',
    'completeness.overdueHint':
      'Reports past their due day and not yet submitted, oldest due day first; a report submitted on its due day is on time.',
    'completeness.noOverdue': 'No overdue report',
    'completeness.unit': 'Unit',
    'completeness.report': 'Report',
    'completeness.dueOn': 'Due',
    'completeness.daysLate': 'Days late',
    'completeness.daysLateValue': '{days} days late',
  },
};
