import {
  type Dictionaries,
  EVALUATION_MESSAGES,
  OPERATOR_MESSAGES,
  REPORT_MESSAGES,
  STATION_EDIT_MESSAGES,
  STATION_MESSAGES,
} from '@shegong/web';
import { CONTRACT_MESSAGES } from './features/contracts/messages.ts';

/**
 * The county console's own words; the shell's, sign-in's and the states' come from @shegong/web, and so do
 * the station screens' (`STATION_MESSAGES`).
 */
export const MESSAGES: Dictionaries = {
  'zh-CN': {
    ...STATION_MESSAGES['zh-CN'],
    ...REPORT_MESSAGES['zh-CN'],
    ...STATION_EDIT_MESSAGES['zh-CN'],
    ...EVALUATION_MESSAGES['zh-CN'],
    ...CONTRACT_MESSAGES['zh-CN'],
    ...OPERATOR_MESSAGES['zh-CN'],
    'menu.evaluations': '绩效评估',
    'evaluation.countyHint':
      '本辖区社工站的评估记录：县级每年两次集中评估 [ZZ §5.3]，以及市、省两级的抽查评估；在站点页录入新的评估。',
    'stations.new': '新建社工站',
    'app.title': '区县社工站管理',
    'menu.stations': '社工站',
    'menu.importStations': '导入社工站',
    'menu.importWorkers': '导入驻站社工',
    'menu.importRecords': '导入服务记录',
    'menu.reports': '报表',
    'stations.title': '本辖区社工站',
    'stations.hint': '名单由市级系统推送至省级平台；点击站点名称查看阵地、驻站社工与人员配置合规情况。',
    'stations.statusFilter': '按状态筛选',
    'stations.allStatuses': '全部状态',
    'stations.empty': '没有符合条件的社工站',
    'stations.emptyHint': '请更换状态筛选；如本区尚无站点，请由市级系统推送站点名单。',
    'stations.back': '返回社工站列表',
  },
  en: {
    ...STATION_MESSAGES.en,
    ...REPORT_MESSAGES.en,
    ...STATION_EDIT_MESSAGES.en,
    ...EVALUATION_MESSAGES.en,
    ...CONTRACT_MESSAGES.en,
    ...OPERATOR_MESSAGES.en,
    'menu.evaluations': 'Evaluations',
    'evaluation.countyHint':
      "The county's evaluations of its stations, twice a year [ZZ §5.3], and the city's and province's spot checks; record a new one from a station's page.",
    'stations.new': 'New station',
    'app.title': 'County social work stations',
    'menu.stations': 'Stations',
    'menu.importStations': 'Import stations',
    'menu.importWorkers': 'Import resident workers',
    'menu.importRecords': 'Import service records',
    'menu.reports': 'Reports',
    'stations.title': 'Stations in your county',
    'stations.hint':
      "The list comes from the city's system through the provincial hub; open a station for its rooms, resident workers and staffing compliance.",
    'stations.statusFilter': 'Filter by status',
    'stations.allStatuses': 'All statuses',
    'stations.empty': 'No station matches',
    'stations.emptyHint':
      "Change the status filter; if the county has none yet, the city's system pushes them.",
    'stations.back': 'Back to the stations',
  },
};
