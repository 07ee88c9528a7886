import { crosswalk, getCatalog } from '@shegong/catalog';
import { residentIdCheckCharacter, usccCheckCharacter } from '@shegong/identifiers';
import { addDays, addYears, type IsoDate } from '@shegong/kernel';
import { getRegion, townshipsOf } from '@shegong/regions';
import { type Random, seeded } from './random.ts';

/**
 * The demo data `pnpm start` loads: Zhengzhou, Puyang and Wuhan stations with their operators, resident
 * workers, supervisors, contracts, budgets, payments and three months of service records — generated from a
 * fixed seed, shaped like what a city system pushes, with deliberate rule violations to find (listed in
 * `DEMO_VIOLATIONS`, which the README repeats).
 */
export interface DemoCounty {
  cityProfile: 'ZZ' | 'PY' | 'WH';
  catalogId: string;
  countyCode: string;
  stations: number;
  workersPerStation: number;
}

export const DEMO_COUNTIES: readonly DemoCounty[] = [
  { cityProfile: 'ZZ', catalogId: 'zz-2021', countyCode: '410105', stations: 5, workersPerStation: 2 }, // 金水区, advanced area
  { cityProfile: 'ZZ', catalogId: 'zz-2021', countyCode: '410103', stations: 3, workersPerStation: 2 }, // 二七区
  { cityProfile: 'ZZ', catalogId: 'zz-2021', countyCode: '410122', stations: 3, workersPerStation: 2 }, // 中牟县
  { cityProfile: 'PY', catalogId: 'py-2021', countyCode: '410902', stations: 3, workersPerStation: 2 }, // 华龙区
  { cityProfile: 'PY', catalogId: 'py-2021', countyCode: '410928', stations: 3, workersPerStation: 2 }, // 濮阳县
  { cityProfile: 'WH', catalogId: 'wh-2021', countyCode: '420102', stations: 3, workersPerStation: 3 }, // 江岸区, central urban
  { cityProfile: 'WH', catalogId: 'wh-2021', countyCode: '420117', stations: 3, workersPerStation: 2 }, // 新洲区, new urban
];

/**
 * The problems planted in the demo data, for people to find in the views: where (a county, and the
 * station's position among the county's demo stations), what, the rule that finds it and its clause.
 * `demoSubjectId` turns one into the id of the station, contract, budget or operator it is about.
 */
export const DEMO_VIOLATIONS = [
  {
    where: '二七区 first station',
    what: 'only one resident worker (≥ 2 required)',
    ruleId: 'staffing.min-residents',
    citation: 'ZZ §4.4',
    subject: 'station',
    countyCode: '410103',
    stationIndex: 0,
  },
  {
    where: '金水区 second station',
    what: 'a worker 47 years old at appointment (45岁以下)',
    ruleId: 'staffing.age-at-appointment',
    citation: 'ZZ §4.4',
    subject: 'station',
    countyCode: '410105',
    stationIndex: 1,
  },
  {
    where: '中牟县 first station',
    what: 'a worker still unqualified after the 2-year deadline',
    ruleId: 'staffing.qualification-phase-in',
    citation: 'ZZ §4.4',
    subject: 'station',
    countyCode: '410122',
    stationIndex: 0,
  },
  {
    where: '中牟县 second station',
    what: 'no supervisor assigned',
    ruleId: 'staffing.supervisor-assigned',
    citation: 'ZZ §5.7',
    subject: 'station',
    countyCode: '410122',
    stationIndex: 1,
  },
  {
    where: '江岸区 first station',
    what: 'two full-time workers in a central urban district (≥ 3)',
    ruleId: 'staffing.min-residents',
    citation: 'WH §2.2',
    subject: 'station',
    countyCode: '420102',
    stationIndex: 0,
  },
  {
    where: '濮阳县 contract',
    what: 'signed 41 days after the award notice (30日内)',
    ruleId: 'contract.signing-deadline',
    citation: 'PY §5.3',
    subject: 'contract',
    countyCode: '410928',
  },
  {
    where: '二七区 budget',
    what: 'personnel 62% of project funds (≥ 70%)',
    ruleId: 'budget.personnel-share',
    citation: 'ZZ §6.3',
    subject: 'budget',
    countyCode: '410103',
  },
  {
    where: '中牟县 operator',
    what: 'imported operator rated 2A (3A or above)',
    ruleId: 'operator.imported-rating',
    citation: 'ZZ §4.1',
    subject: 'operator',
    countyCode: '410122',
  },
] as const;

export type DemoViolation = (typeof DEMO_VIOLATIONS)[number];

/** The townships of a demo county that get a station, in order. */
function demoTownships(countyCode: string, count: number) {
  return townshipsOf(countyCode)
    .filter((t) => t.townshipKind !== 'other')
    .slice(0, count);
}

/** The project start of a demo county's stations and contract: Wuhan's a year after Henan's. */
function demoProjectStart(county: DemoCounty): IsoDate {
  return county.cityProfile === 'WH' ? '2022-01-01' : '2021-03-01';
}

/**
 * The id of what a planted violation is about: `st-410103001`, `c-410928-2021`, `b-410103-2021`, `op-420117`.
 * @example demoSubjectId(DEMO_VIOLATIONS[0]) // 'st-410103001', the 二七区 station with one worker
 */
export function demoSubjectId(violation: DemoViolation): string {
  const county = DEMO_COUNTIES.find((c) => c.countyCode === violation.countyCode);
  if (!county) throw new Error(`county ${violation.countyCode} has no demo stations`);
  const year = demoProjectStart(county).slice(0, 4);
  switch (violation.subject) {
    case 'station': {
      const township = demoTownships(county.countyCode, county.stations)[violation.stationIndex];
      if (!township) throw new Error(`${violation.where}: no such demo station`);
      return `st-${township.code}`;
    }
    case 'contract':
      return `c-${county.countyCode}-${year}`;
    case 'budget':
      return `b-${county.countyCode}-${year}`;
    case 'operator':
      return `op-${county.countyCode}`;
  }
}

/** What every demo project plans, as canonical domains. */
const SERVICES_PLANNED = ['social-assistance', 'elderly', 'child-welfare', 'community-governance'] as const;

/**
 * Wuhan's average wage of urban employees for the demo budgets (¥110,000 a year): close to the published
 * figure, but a demo value — a real budget takes the year's published one [WH §2.2].
 */
const WUHAN_URBAN_AVERAGE_WAGE_FEN = 11_000_000;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN = [
  '静',
  '磊',
  '敏',
  '洋',
  '晨',
  '丽',
  '强',
  '婷',
  '军',
  '芳',
  '杰',
  '娜',
  '涛',
  '燕',
  '鹏',
  '霞',
  '斌',
  '慧',
  '超',
  '玲',
];

export interface DemoOperator {
  id: string;
  name: string;
  unifiedSocialCreditCode: string;
  registrationAuthority: string;
  registeredOn: IsoDate;
  businessScopeIncludesSocialWork: boolean;
  origin: 'local' | 'imported';
  rating: '1A' | '2A' | '3A' | '4A' | '5A' | null;
}

export interface DemoStation {
  id: string;
  name: string;
  regionCode: string;
  countyCode: string;
  type: 'township-station';
  operatorId: string;
  projectStartOn: IsoDate;
  openedOn: IsoDate | null;
  facilities: {
    officeM2: number;
    activityM2: number;
    rooms: Array<'office' | 'casework' | 'group-activity'>;
    equipment: string[];
  };
  catalogId: string;
}

export interface DemoWorker {
  id: string;
  stationId: string;
  name: string;
  role: 'lead' | 'resident';
  birthDate: IsoDate;
  idNumber: string;
  phone: string;
  appointedOn: IsoDate;
  education: 'associate' | 'bachelor' | 'master';
  socialWorkMajor: boolean;
  localHukou: boolean;
  relatedExperienceSince: IsoDate;
  certificate?: { level: 'assistant' | 'intermediate'; passedOn: IsoDate; registrations: IsoDate[] };
  trainings: Array<{
    date: IsoDate;
    hours: number;
    kind: 'professional' | 'pre-job' | 'continuing';
    provider: { kind: 'civil-affairs' | 'industry-organization'; level?: 'city' | 'county' };
    passed?: boolean;
  }>;
}

export interface DemoSupervisor {
  id: string;
  stationId: string;
  name: string;
  fromSelectedPool: boolean;
  socialWorkSince: IsoDate;
  assignedOn: IsoDate;
  agreementSignedOn: IsoDate;
}

export interface DemoContract {
  id: string;
  countyCode: string;
  operatorId: string;
  stationIds: string[];
  awardNoticeDate: IsoDate;
  signedOn: IsoDate;
  termStart: IsoDate;
  termEnd: IsoDate;
  cycleYears: number;
  amountFen: number;
  yearlyTerms: Array<{ year: number; signedOn: IsoDate }>;
  evaluations: Array<{ date: IsoDate; kind: 'mid-term' | 'final' }>;
}

export interface DemoBudget {
  id: string;
  contractId: string;
  countyCode: string;
  year: number;
  stationsCovered: number;
  workersBudgeted: number;
  lines: Array<{ category: string; amountFen: number }>;
  sources: Array<{ kind: string; amountFen: number; purpose?: string[] }>;
  servicesPlanned: string[];
  /** The year's urban average wage, for profiles that budget labour cost against it (WH) [WH §2.2]. */
  urbanAverageWageFen?: number;
}

export interface DemoPayment {
  id: string;
  contractId: string;
  amountFen: number;
  appliedOn: IsoDate;
  approvedOn?: IsoDate;
  paidOn?: IsoDate;
  vouchers: Array<{ kind: 'service-agreement' | 'invoice' | 'service-report'; ref: string }>;
}

export interface DemoServiceRecord {
  id: string;
  stationId: string;
  catalogId: string;
  itemRef: string;
  populations: string[];
  kind: 'case' | 'group' | 'activity' | 'visit';
  date: IsoDate;
  beneficiaries: number;
  hours: number;
  volunteers: number;
}

export interface DemoDataset {
  operators: DemoOperator[];
  stations: DemoStation[];
  workers: DemoWorker[];
  supervisors: DemoSupervisor[];
  contracts: DemoContract[];
  budgets: DemoBudget[];
  payments: DemoPayment[];
  serviceRecords: DemoServiceRecord[];
  /** The months the service records cover. */
  months: string[];
}

/** A valid 统一社会信用代码 for a social organization (登记管理部门 5 = 民政, 机构类别 2 = 社会服务机构). */
function uscc(regionCode: string, serial: number): string {
  const first17 = `52${regionCode}${String(500_000_000 + serial * 7_919).slice(0, 8)}X`
    .slice(0, 17)
    .replace('X', '0');
  return `${first17}${usccCheckCharacter(first17)}`;
}

/** A valid 居民身份证号码 for someone born `birthDate` whose ID was issued in `regionCode`. */
function residentId(regionCode: string, birthDate: IsoDate, serial: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** A first registration and its renewals, each shortly before the last one lapses (valid 3 years) [SWREG]. */
function registrationsUntil(first: IsoDate, today: IsoDate): IsoDate[] {
  const registrations = [first];
  for (let next = addDays(addYears(first, 3), -20); next <= today; next = addDays(addYears(next, 3), -20))
    registrations.push(next);
  return registrations;
}

export function generateDemoDataset(seed = 2026, today: IsoDate = '2026-11-25'): DemoDataset {
  const random: Random = seeded(seed);
  const name = () =>
    `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.5) ? random.pick(GIVEN) : ''}`;
  const data: DemoDataset = {
    operators: [],
    stations: [],
    workers: [],
    supervisors: [],
    contracts: [],
    budgets: [],
    payments: [],
    serviceRecords: [],
    months: [],
  };
  const months = [3, 2, 1].map((back) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back, 1);
    return d.toISOString().slice(0, 7);
  });
  data.months = months;
  let serial = 1;

  for (const county of DEMO_COUNTIES) {
    const countyName = getRegion(county.countyCode).name;
    const cityCode = getRegion(county.countyCode).parentCode as string;
    // 中牟县 brought its operator in from 开封 (龙亭区, 410202): Zhengzhou allows that only for 3A or above.
    const imported = county.countyCode === '410122';
    const operator: DemoOperator = {
      id: `op-${county.countyCode}`,
      name: imported ? '开封市汴梁社会工作服务中心（外地引进）' : `${countyName}和煦社会工作服务中心`,
      unifiedSocialCreditCode: uscc(imported ? '410202' : county.countyCode, serial++),
      registrationAuthority: imported ? '开封市龙亭区民政局' : `${countyName}民政局`,
      registeredOn: '2019-05-20',
      businessScopeIncludesSocialWork: true,
      origin: imported ? 'imported' : 'local',
      rating: imported ? '2A' : random.pick(['3A', '4A', '5A'] as const),
    };
    data.operators.push(operator);

    const townships = demoTownships(county.countyCode, county.stations);
    const projectStartOn = demoProjectStart(county);
    const stationIds: string[] = [];
    townships.forEach((township, index) => {
      const id = `st-${township.code}`;
      stationIds.push(id);
      const planned = county.countyCode === '410928' && index === 2;
      data.stations.push({
        id,
        name: `${township.name}社会工作服务站`,
        regionCode: township.code,
        countyCode: county.countyCode,
        type: 'township-station',
        operatorId: operator.id,
        projectStartOn,
        openedOn: planned ? null : addDays(projectStartOn, 30 + index * 15),
        facilities: {
          officeM2: county.cityProfile === 'PY' ? 20 + index * 4 : 12 + index * 3,
          activityM2: 40 + index * 10,
          rooms: ['office', 'casework', 'group-activity'],
          equipment: ['办公桌椅', '电脑', '打印机', '档案柜'],
        },
        catalogId: county.catalogId,
      });
      if (planned) return;

      const short = county.countyCode === '410103' && index === 0; // 二七区: one worker only
      const headcount = short
        ? 1
        : county.countyCode === '420102' && index === 0
          ? 2
          : county.workersPerStation;
      for (let w = 0; w < headcount; w++) {
        const tooOld = county.countyCode === '410105' && index === 1 && w === 1;
        const unqualified = county.countyCode === '410122' && index === 0 && w === 1;
        const birthDate = tooOld
          ? addYears(projectStartOn, -47)
          : addDays(`${random.int(1982, 1999)}-01-01`, random.int(0, 364));
        const appointedOn = projectStartOn;
        const certified = !unqualified && random.chance(0.6);
        const socialWorkMajor = !unqualified && (w === 0 || random.chance(0.4));
        const trainings: DemoWorker['trainings'] = [
          {
            date: addDays(appointedOn, -7),
            hours: 24,
            kind: 'pre-job',
            passed: true,
            provider: { kind: 'civil-affairs', level: 'city' },
          },
        ];
        if (!unqualified && !certified && !socialWorkMajor) {
          // Qualified through ≥ 60 hours of professional training in the first year [ZZ §4.4, PY §4.5].
          trainings.push({
            date: addDays(appointedOn, random.int(90, 300)),
            hours: 64,
            kind: 'professional',
            passed: true,
            provider: { kind: 'civil-affairs', level: 'city' },
          });
        }
        for (let year = Number(appointedOn.slice(0, 4)); year < Number(today.slice(0, 4)); year++) {
          trainings.push({
            date: `${year}-04-${String(random.int(10, 28))}`,
            hours: 32,
            kind: 'continuing',
            provider: { kind: 'industry-organization' },
          });
          trainings.push({
            date: `${year}-10-${String(random.int(10, 28))}`,
            hours: 32,
            kind: 'continuing',
            provider: { kind: 'civil-affairs', level: 'county' },
          });
        }
        data.workers.push({
          id: `w-${township.code}-${w + 1}`,
          stationId: id,
          name: name(),
          role: w === 0 ? 'lead' : 'resident',
          birthDate,
          idNumber: residentId(`${cityCode.slice(0, 4)}02`, birthDate, serial++),
          phone: `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
          appointedOn,
          education: unqualified
            ? 'associate'
            : random.pick(['associate', 'bachelor', 'bachelor', 'master'] as const),
          socialWorkMajor,
          localHukou: random.chance(0.85),
          relatedExperienceSince: addDays(appointedOn, -random.int(3 * 366, 8 * 366)),
          ...(certified
            ? {
                certificate: {
                  level: random.pick(['assistant', 'intermediate'] as const),
                  passedOn: addDays(appointedOn, -200),
                  registrations: registrationsUntil(addDays(appointedOn, -100), today),
                },
              }
            : {}),
          trainings: unqualified
            ? trainings.map((t) =>
                t.kind === 'continuing'
                  ? {
                      ...t,
                      kind: 'continuing' as const,
                      provider: { kind: 'industry-organization' as const },
                    }
                  : t,
              )
            : trainings,
        });
      }
      const unsupervised = county.countyCode === '410122' && index === 1;
      if (!unsupervised) {
        data.supervisors.push({
          id: `sv-${township.code}`,
          stationId: id,
          name: `${name()}（督导）`,
          fromSelectedPool: true,
          socialWorkSince: '2012-09-01',
          assignedOn: projectStartOn,
          agreementSignedOn: projectStartOn,
        });
      }
    });

    // One purchase contract per county covering its stations [ZZ §5.3].
    const late = county.countyCode === '410928';
    const awardNoticeDate = addDays(projectStartOn, -60);
    const signedOn = addDays(awardNoticeDate, late ? 41 : 20);
    // ¥200,000 per station per year; Wuhan budgets labour at the urban average wage per worker [WH §2.2].
    const perStationFen = county.cityProfile === 'WH' ? county.workersPerStation * 15_000_000 : 20_000_000;
    const amountFen = stationIds.length * perStationFen;
    const contractId = `c-${county.countyCode}-${projectStartOn.slice(0, 4)}`;
    data.contracts.push({
      id: contractId,
      countyCode: county.countyCode,
      operatorId: operator.id,
      stationIds,
      awardNoticeDate,
      signedOn,
      termStart: projectStartOn,
      termEnd: addDays(addYears(projectStartOn, 3), -1),
      cycleYears: 3,
      amountFen,
      yearlyTerms: [1, 2, 3].map((year) => ({
        year,
        signedOn: addDays(addYears(projectStartOn, year - 1), -10),
      })),
      evaluations: [0, 1, 2].flatMap((y) => [
        { date: addDays(addYears(projectStartOn, y), 150), kind: 'mid-term' as const },
        { date: addDays(addYears(projectStartOn, y), 330), kind: 'final' as const },
      ]),
    });
    const personnelShareBp = county.countyCode === '410103' ? 6_200 : 7_400;
    const personnel = Math.round((amountFen * personnelShareBp) / 10_000);
    const rest = amountFen - personnel;
    const salary = Math.round(personnel * 0.76);
    data.budgets.push({
      id: `b-${county.countyCode}-${projectStartOn.slice(0, 4)}`,
      contractId,
      countyCode: county.countyCode,
      year: Number(projectStartOn.slice(0, 4)),
      stationsCovered: stationIds.length,
      workersBudgeted: stationIds.length * county.workersPerStation,
      lines: [
        { category: 'salary', amountFen: salary },
        { category: 'social-insurance', amountFen: personnel - salary },
        { category: 'supervision-training', amountFen: Math.round(rest * 0.25) },
        { category: 'service-activities', amountFen: Math.round(rest * 0.45) },
        { category: 'evaluation-reserve', amountFen: Math.round(rest * 0.1) },
        {
          category: 'project-management',
          amountFen: rest - Math.round(rest * 0.25) - Math.round(rest * 0.45) - Math.round(rest * 0.1),
        },
      ],
      // One source: its purpose must cover what the project plans [ZZ §6.3].
      sources: [{ kind: 'general-budget', amountFen, purpose: [...SERVICES_PLANNED] }],
      servicesPlanned: [...SERVICES_PLANNED],
      ...(county.cityProfile === 'WH' && { urbanAverageWageFen: WUHAN_URBAN_AVERAGE_WAGE_FEN }),
    });
    const quarter = Math.floor(amountFen / 4);
    data.payments.push(
      {
        id: `p-${contractId}-1`,
        contractId,
        amountFen: quarter,
        appliedOn: addDays(projectStartOn, 90),
        approvedOn: addDays(projectStartOn, 100),
        paidOn: addDays(projectStartOn, 110),
        vouchers: [
          { kind: 'service-agreement', ref: contractId },
          { kind: 'service-report', ref: `${contractId}-Q1` },
        ],
      },
      {
        id: `p-${contractId}-2`,
        contractId,
        amountFen: quarter,
        appliedOn: addDays(projectStartOn, 180),
        approvedOn: addDays(projectStartOn, 190),
        paidOn: addDays(projectStartOn, 200),
        vouchers: [
          { kind: 'invoice', ref: `${contractId}-INV2` },
          { kind: 'service-report', ref: `${contractId}-Q2` },
        ],
      },
      {
        id: `p-${contractId}-3`,
        contractId,
        amountFen: quarter,
        appliedOn: addDays(projectStartOn, 270),
        vouchers: [{ kind: 'service-report', ref: `${contractId}-Q3` }],
      },
    );

    // Three months of service records per operating station.
    const items = crosswalk(getCatalog(county.catalogId));
    const populationsOf = new Map<string, readonly string[]>(
      getCatalog(county.catalogId).domains.flatMap((d) =>
        d.items.map((it) => [`${d.number ?? d.name}.${it.number ?? it.name}`, it.populations] as const),
      ),
    );
    for (const station of data.stations.filter(
      (s) => s.countyCode === county.countyCode && s.openedOn !== null,
    )) {
      for (const m of months) {
        const count = random.int(12, 24);
        for (let r = 0; r < count; r++) {
          const item = random.pick(items);
          const named = populationsOf.get(item.ref) ?? [];
          const populations =
            named.length > 0
              ? [random.pick(named)]
              : [
                  random.pick([
                    'dibao',
                    'tekun',
                    'left-behind-elderly',
                    'rural-left-behind-child',
                    'disabled',
                    'resident',
                  ]),
                ];
          const kind = random.pick(['case', 'group', 'activity', 'visit'] as const);
          data.serviceRecords.push({
            id: `${station.id}-${m}-${r + 1}`,
            stationId: station.id,
            catalogId: county.catalogId,
            itemRef: item.ref,
            populations,
            kind,
            date: `${m}-${String(random.int(1, 28)).padStart(2, '0')}`,
            beneficiaries: kind === 'case' || kind === 'visit' ? 1 : random.int(5, 40),
            hours: random.int(1, 6),
            volunteers: kind === 'activity' ? random.int(1, 10) : 0,
          });
        }
      }
    }
  }
  return data;
}
