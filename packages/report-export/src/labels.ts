import { canonicalTaxonomy } from '@shegong/catalog';
import type { ReportStatus } from '@shegong/contracts';

export type ExportLocale = 'zh-CN' | 'en';

type Text = Record<ExportLocale, string>;

/** The sheet's fixed words, in each locale. */
export const WORDS = {
  unit: { 'zh-CN': '填报单位', en: 'Reporting unit' },
  period: { 'zh-CN': '报告期', en: 'Period' },
  dueOn: { 'zh-CN': '报送截止日期', en: 'Due on' },
  status: { 'zh-CN': '状态', en: 'Status' },
  section: { 'zh-CN': '类别', en: 'Section' },
  figure: { 'zh-CN': '指标', en: 'Figure' },
  computed: { 'zh-CN': '系统计算值', en: 'Computed by the hub' },
  reported: { 'zh-CN': '填报值', en: 'Reported' },
  correction: { 'zh-CN': '更正说明', en: 'Reason for correction' },
  narrative: { 'zh-CN': '情况说明', en: 'Narrative' },
  submittedBy: { 'zh-CN': '填报人', en: 'Submitted by' },
  submittedOn: { 'zh-CN': '提交日期', en: 'Submitted on' },
  approvedBy: { 'zh-CN': '审核签发人', en: 'Signed off by' },
  approvedAt: { 'zh-CN': '审核时间', en: 'Signed off at' },
  acceptedBy: { 'zh-CN': '签收人', en: 'Accepted by' },
  acceptedAt: { 'zh-CN': '签收时间', en: 'Accepted at' },
  returned: { 'zh-CN': '退回原因', en: 'Returned because' },
  timeliness: { 'zh-CN': '报送及时性', en: 'Timeliness' },
  onTime: { 'zh-CN': '按时报送', en: 'On time' },
  late: { 'zh-CN': '逾期 {days} 天', en: '{days} days late' },
  asOf: { 'zh-CN': '数据截至', en: 'Data as of' },
  exportedAt: { 'zh-CN': '导出时间', en: 'Exported at' },
  source: {
    'zh-CN': '数据来源：社工站省级综合平台（系统计算值由平台数据自动生成，更正须说明理由）',
    en: 'Source: Shegong Hub (computed figures come from the hub; a correction needs a reason)',
  },
  none: { 'zh-CN': '（无）', en: '(none)' },
} satisfies Record<string, Text>;

const STATUS: Record<ReportStatus, Text> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已报送', en: 'Submitted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  approved: { 'zh-CN': '已审核', en: 'Approved' },
};

export function statusLabel(status: ReportStatus, locale: ExportLocale): string {
  return STATUS[status][locale];
}

const QUARTERS = ['一', '二', '三', '四'];

/**
 * A period key as a clerk writes it: `2023-Q1` → 2023年第一季度, `2023-H1` → 2023年上半年, `2023-03` → 2023年3月.
 * @example periodLabel('2023-H2', 'en') // 'H2 2023'
 */
export function periodLabel(key: string, locale: ExportLocale): string {
  const [year, part = ''] = key.split('-');
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    return locale === 'zh-CN' ? `${year}年第${QUARTERS[q - 1]}季度` : `Q${q} ${year}`;
  }
  if (part.startsWith('H')) {
    const half = part === 'H1' ? '上' : '下';
    return locale === 'zh-CN' ? `${year}年${half}半年` : `${part} ${year}`;
  }
  if (/^\d{2}$/.test(part)) {
    return locale === 'zh-CN' ? `${year}年${Number(part)}月` : `${year}-${part}`;
  }
  return key;
}

const SECTIONS: Record<string, Text> = {
  stations: { 'zh-CN': '站点建设', en: 'Stations' },
  staffing: { 'zh-CN': '人员配置', en: 'Staffing' },
  services: { 'zh-CN': '服务开展', en: 'Services' },
};

export function sectionLabel(section: string, locale: ExportLocale): string {
  return SECTIONS[section]?.[locale] ?? section;
}

const FIGURES: Record<string, Text> = {
  'stations.operating': { 'zh-CN': '运营站点数（个）', en: 'Operating stations' },
  'stations.townships': { 'zh-CN': '乡镇（街道）数（个）', en: 'Townships' },
  'stations.coveredTownships': { 'zh-CN': '已建站乡镇（街道）数（个）', en: 'Townships with a station' },
  'staffing.stations': { 'zh-CN': '纳入核查站点数（个）', en: 'Stations checked' },
  'staffing.compliant': { 'zh-CN': '人员配置达标站点数（个）', en: 'Stations meeting the staffing rules' },
  'staffing.nonCompliant': { 'zh-CN': '人员配置未达标站点数（个）', en: 'Stations failing a staffing rule' },
  'staffing.notEvaluated': { 'zh-CN': '尚未核查站点数（个）', en: 'Stations not yet checked' },
  records: { 'zh-CN': '服务记录数（条）', en: 'Service records' },
  beneficiaries: { 'zh-CN': '服务人次', en: 'Beneficiaries' },
  hours: { 'zh-CN': '服务时长（小时）', en: 'Service hours' },
  volunteers: { 'zh-CN': '志愿者人次', en: 'Volunteers' },
};

const STATION_STATUS: Record<string, Text> = {
  planned: { 'zh-CN': '规划中', en: 'planned' },
  building: { 'zh-CN': '建设中', en: 'building' },
  operating: { 'zh-CN': '运营中', en: 'operating' },
  suspended: { 'zh-CN': '暂停', en: 'suspended' },
  closed: { 'zh-CN': '已关闭', en: 'closed' },
};

let domainLabels: Map<string, Text> | undefined;

/** A canonical domain's name (`@shegong/catalog`'s taxonomy), or its id when the taxonomy has none. */
function domainLabel(id: string, locale: ExportLocale): string {
  domainLabels ??= new Map(
    canonicalTaxonomy().domains.map((d) => [d.id, { 'zh-CN': d.label.zh, en: d.label.en }]),
  );
  return domainLabels.get(id)?.[locale] ?? id;
}

/**
 * The name of a figure by its dotted path, the same path a correction names.
 * @example figureLabel('services.byDomain.elderly.records', 'en') // 'Elderly services: Service records'
 */
export function figureLabel(path: string, locale: ExportLocale): string {
  const known = FIGURES[path];
  if (known) return known[locale];
  const parts = path.split('.');
  if (parts[0] === 'stations' && parts[1] === 'byStatus' && parts[2]) {
    const status = STATION_STATUS[parts[2]]?.[locale] ?? parts[2];
    return locale === 'zh-CN' ? `${status}站点数（个）` : `Stations ${status}`;
  }
  if (parts[0] === 'staffing' && parts[1] === 'errorRules' && parts[2]) {
    return locale === 'zh-CN' ? `未达标规则 ${parts[2]}（站点数）` : `Stations failing rule ${parts[2]}`;
  }
  if (parts[0] === 'services' && parts.length === 2 && parts[1]) {
    return FIGURES[parts[1]]?.[locale] ?? path;
  }
  if (parts[0] === 'services' && parts[1] === 'byDomain' && parts[2] && parts[3]) {
    const counter = FIGURES[parts[3]]?.[locale] ?? parts[3];
    return `${domainLabel(parts[2], locale)}${locale === 'zh-CN' ? '：' : ': '}${counter}`;
  }
  return path;
}
