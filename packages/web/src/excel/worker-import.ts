import { STATION_MESSAGES } from '../stations/messages.ts';
import { headersOf, type ImportColumn } from './import-columns.ts';
import { optionsFromMessages } from './station-import.ts';

/**
 * The resident workers import sheet (驻站社工): each column the `WorkerInputSchema` field (@shegong/contracts,
 * the staffing package's `ResidentWorker` plus the ID number and phone) it fills. The certificate is two
 * columns, its level and the day it was obtained (`certificate.level`, `certificate.passedOn`); trainings
 * are left out on purpose (a list of records per worker, entered on the worker's page), and so is the
 * birth date when the ID number carries it. The ID number column is text: Excel rounds an 18-digit number.
 */
export const WORKER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'id',
    zh: '社工编号',
    en: 'Worker ID',
    kind: 'text',
    required: true,
    note: {
      zh: '本系统中的社工编号；已有编号的行会更新该社工',
      en: 'The worker’s ID in the hub; a row with an existing ID updates that worker',
    },
  },
  { field: 'stationId', zh: '站点编号', en: 'Station ID', kind: 'text', required: true },
  { field: 'name', zh: '姓名', en: 'Name', kind: 'text' },
  {
    field: 'idNumber',
    zh: '身份证号',
    en: 'Resident ID number',
    kind: 'text',
    required: true,
    note: {
      zh: '18 位居民身份证号码（GB 11643），单元格设为文本；加密保存，页面只显示脱敏号码',
      en: '18-character resident ID number (GB 11643), as a text cell; stored encrypted, shown masked',
    },
  },
  {
    field: 'role',
    zh: '岗位',
    en: 'Role',
    kind: 'enum',
    options: optionsFromMessages(STATION_MESSAGES, 'workers.role.'),
  },
  { field: 'fullTime', zh: '是否专职', en: 'Full-time', kind: 'boolean' },
  { field: 'appointedOn', zh: '到岗日期', en: 'Appointed on', kind: 'date', required: true },
  { field: 'leftOn', zh: '离岗日期', en: 'Left on', kind: 'date' },
  {
    field: 'education',
    zh: '学历',
    en: 'Education',
    kind: 'enum',
    options: optionsFromMessages(STATION_MESSAGES, 'education.'),
    required: true,
  },
  { field: 'socialWorkMajor', zh: '社会工作专业毕业', en: 'Social work major', kind: 'boolean' },
  { field: 'graduatedOn', zh: '毕业日期', en: 'Graduated on', kind: 'date' },
  { field: 'localHukou', zh: '本地户籍', en: 'Local hukou', kind: 'boolean' },
  {
    field: 'certificate.level',
    zh: '职业水平证书',
    en: 'Certificate',
    kind: 'enum',
    options: optionsFromMessages(STATION_MESSAGES, 'certificate.').filter((o) => o.code !== 'none'),
    note: { zh: '无证书则留空', en: 'Leave empty without a certificate' },
  },
  {
    field: 'certificate.passedOn',
    zh: '取证日期',
    en: 'Certificate obtained on',
    kind: 'date',
    note: { zh: '有证书时必填', en: 'Required with a certificate' },
  },
  {
    field: 'relatedExperienceSince',
    zh: '相关工作经历起始日期',
    en: 'Related experience since',
    kind: 'date',
  },
  { field: 'postLevel', zh: '专业技术岗位等级', en: 'Post level', kind: 'integer' },
  { field: 'phone', zh: '手机号码', en: 'Mobile phone', kind: 'text' },
  {
    field: 'birthDate',
    zh: '出生日期',
    en: 'Birth date',
    kind: 'date',
    note: {
      zh: '可留空，按身份证号计算；填写时须与身份证号一致',
      en: 'May be left empty (read from the ID number); when given it must agree with it',
    },
  },
];

/** Every header the workers import recognises, in any of its spellings. */
export const WORKER_IMPORT_HEADERS: ReadonlySet<string> = headersOf(WORKER_IMPORT_COLUMNS);

/**
 * The template's example row by field: a worker at 金水区's first station (the county console's demo
 * county) with a made-up ID number whose check digit is right (GB 11643).
 */
export const WORKER_TEMPLATE_EXAMPLE: Readonly<Record<string, string>> = {
  id: 'w-410105001-09',
  stationId: 'st-410105001',
  name: '示例社工',
  idNumber: '410105199501010018',
  role: '驻站社工',
  fullTime: '是',
  appointedOn: '2026-01-05',
  education: '本科',
  socialWorkMajor: '是',
  graduatedOn: '2017-07-01',
  localHukou: '是',
  'certificate.level': '助理社会工作师',
  'certificate.passedOn': '2019-06-20',
  relatedExperienceSince: '2017-07-01',
};
