/**
 * The world the gateway specs run in: stations in four provinces, each with a worker, a contract, a
 * budget and a payment request, and principals of every role bound to different regions. Written
 * straight into the services (not through the gateway), as the city systems would have pushed it.
 */
import { type Principal, principalOf } from '@shegong/access';
import { residentIdCheckCharacter, usccCheckCharacter } from '@shegong/identifiers';
import type { Hub } from './hub.ts';

export interface Fixture {
  station: string;
  township: string;
  county: string;
  operator: string;
  worker: string;
  contract: string;
  budget: string;
  payment: string;
  catalog: string | null;
  itemRef: string | null;
}

const place = (
  station: string,
  township: string,
  operator: string,
  catalog: string | null,
  itemRef: string | null,
): Fixture => ({
  station,
  township,
  county: township.slice(0, 6),
  operator,
  worker: `w-${station}`,
  contract: `c-${station}`,
  budget: `b-${station}`,
  payment: `p-${station}`,
  catalog,
  itemRef,
});

export const FIXTURES = {
  jsy: place('st-jsy', '410105001', 'op-hexie', 'zz-2021', '1.1'), // 郑州 金水区 经八路街道, run by op-hexie
  jsy2: place('st-jsy2', '410105002', 'op-other', 'zz-2021', '1.1'), // 金水区, another operator
  eq: place('st-eq', '410103001', 'op-other', 'zz-2021', '1.1'), // 郑州 二七区
  py: place('st-py', '410902001', 'op-py', 'py-2021', '1.1'), // 濮阳 华龙区
  wh: place('st-wh', '420102002', 'op-wh', null, null), // 武汉 江岸区 (Hubei)
  hb: place('st-hb', '130102001', 'op-hb', null, null), // 石家庄 长安区 (Hebei)
  sx: place('st-sx', '140105001', 'op-sx', null, null), // 太原 (Shanxi): nobody's grant covers it
} as const;

const USCC: Record<string, string> = {};

/** A valid unified social credit code (GB 32100-2015) per operator. */
function usccFor(index: number): string {
  const body = `52410105MJ${String(index).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
}

export function operatorInput(id: string, index: number) {
  USCC[id] ??= usccFor(index);
  return {
    id,
    name: `${id} 社会工作服务中心`,
    unifiedSocialCreditCode: USCC[id],
    businessScopeIncludesSocialWork: true,
    rating: '4A' as const,
    origin: 'local' as const,
  };
}

export function stationInput(fx: Fixture) {
  return {
    id: fx.station,
    name: `${fx.station} 社工站`,
    regionCode: fx.township,
    type: 'township-station' as const,
    operatorId: fx.operator,
    projectStartOn: '2024-01-01',
  };
}

export function workerInput(fx: Fixture, sequence = 1) {
  const body = `${fx.county}19900101${String(100 + sequence).slice(-3)}`;
  return {
    id: fx.worker,
    stationId: fx.station,
    name: '张敏',
    appointedOn: '2024-01-10',
    education: 'bachelor' as const,
    socialWorkMajor: true,
    idNumber: body + residentIdCheckCharacter(body),
    phone: '13812345678',
  };
}

export function contractInput(fx: Fixture, id = fx.contract) {
  return {
    id,
    countyCode: fx.county,
    operatorId: fx.operator,
    stationIds: [fx.station],
    awardNoticeDate: '2024-03-01',
    signedOn: '2024-03-20',
    termStart: '2024-04-01',
    termEnd: '2027-03-31',
    cycleYears: 3,
    yearlyTerms: [{ year: 1, signedOn: '2024-03-20' }],
    amountFen: 60_000_000,
  };
}

export function budgetInput(fx: Fixture, id = fx.budget) {
  return {
    id,
    countyCode: fx.county,
    contractId: fx.contract,
    year: 2024,
    stationsCovered: 1,
    workersBudgeted: 2,
    urbanAverageWageFen: 9_000_000,
    lines: [
      { category: 'salary' as const, amountFen: 14_400_000 },
      { category: 'social-insurance' as const, amountFen: 3_600_000 },
      { category: 'service-activities' as const, amountFen: 4_000_000 },
      { category: 'project-management' as const, amountFen: 1_400_000 },
      { category: 'evaluation-reserve' as const, amountFen: 600_000 },
    ],
    sources: [
      { kind: 'general-budget' as const, amountFen: 18_000_000 },
      { kind: 'superior-subsidy' as const, amountFen: 6_000_000 },
    ],
  };
}

export function serviceRecord(fx: Fixture, id: string) {
  return {
    id,
    stationId: fx.station,
    catalogId: fx.catalog ?? 'zz-2021',
    itemRef: fx.itemRef ?? '1.1',
    populations: ['dibao'],
    kind: 'case' as const,
    date: '2024-03-14',
    beneficiaries: 1,
    hours: 2,
    volunteers: 0,
  };
}

/** Writes every fixture into the services directly, and waits until reporting has seen it. */
export async function seed(hub: Hub): Promise<void> {
  const registry = hub.registry.router.createCaller(hub.registry.context);
  const funding = hub.funding.caller();
  const fixtures = Object.values(FIXTURES);
  const operators = [...new Set(fixtures.map((f) => f.operator))];
  await registry.operators.upsertMany({ items: operators.map((id, i) => operatorInput(id, i + 1)) });
  await registry.stations.upsertMany({ items: fixtures.map(stationInput) });
  for (const fx of fixtures) {
    await registry.stations.changeStatus({ stationId: fx.station, to: 'building', on: '2024-01-01' });
    await registry.stations.changeStatus({ stationId: fx.station, to: 'operating', on: '2024-01-05' });
  }
  await registry.workers.upsertMany({ items: fixtures.map((fx, i) => workerInput(fx, i + 1)) });
  // Funding needs a policy profile for the county: Henan's and Wuhan's exist, Hebei's and Shanxi's not yet.
  for (const fx of fixtures.filter((f) => f.township.startsWith('41') || f.township.startsWith('42'))) {
    await funding.contracts.sign(contractInput(fx));
    await funding.budgets.submit(budgetInput(fx));
    await funding.payments.applyFor({
      id: fx.payment,
      contractId: fx.contract,
      amountFen: 1_000_000,
      appliedOn: '2024-05-01',
      vouchers: [{ kind: 'invoice', ref: `INV-${fx.station}` }],
    });
  }
  await hub.settle();
}

export interface Actor {
  name: string;
  principal: Principal;
  /** A thing inside its jurisdiction, and one outside. */
  own: Fixture;
  other: Fixture;
  headers: Record<string, string>;
}

type ActorSpec = { name: string; own: Fixture; other: Fixture } & (
  | {
      user: {
        role: Principal['role'];
        regionCode: string;
        operatorId?: string;
        pii?: boolean;
        crossProvince?: string[];
      };
    }
  | { client: { regionCode: string } }
);

const ACTORS: ActorSpec[] = [
  {
    name: 'henan province',
    user: { role: 'province', regionCode: '410000' },
    own: FIXTURES.jsy,
    other: FIXTURES.wh,
  },
  {
    name: 'ministry (Henan + Hubei, Hebei grant)',
    user: { role: 'province', regionCode: '410000', crossProvince: ['420000', '130000'] },
    own: FIXTURES.wh,
    other: FIXTURES.sx,
  },
  {
    name: 'zhengzhou city (PII)',
    user: { role: 'city', regionCode: '410100', pii: true },
    own: FIXTURES.eq,
    other: FIXTURES.py,
  },
  {
    name: 'puyang city',
    user: { role: 'city', regionCode: '410900' },
    own: FIXTURES.py,
    other: FIXTURES.jsy,
  },
  {
    name: 'jinshui county',
    user: { role: 'county', regionCode: '410105' },
    own: FIXTURES.jsy2,
    other: FIXTURES.eq,
  },
  {
    name: 'erqi county',
    user: { role: 'county', regionCode: '410103' },
    own: FIXTURES.eq,
    other: FIXTURES.jsy,
  },
  {
    name: 'jingbalu township',
    user: { role: 'township', regionCode: '410105001' },
    own: FIXTURES.jsy,
    other: FIXTURES.jsy2,
  },
  {
    name: 'operator op-hexie',
    user: { role: 'operator', regionCode: '410105', operatorId: 'op-hexie' },
    own: FIXTURES.jsy,
    other: FIXTURES.jsy2,
  },
  { name: 'zhengzhou city system', client: { regionCode: '410100' }, own: FIXTURES.jsy, other: FIXTURES.wh },
  { name: 'wuhan city system', client: { regionCode: '420100' }, own: FIXTURES.wh, other: FIXTURES.jsy },
];

export const PASSWORD = 'e2e-password-0123';

/** Creates every actor in the gateway (users sign in for a token; clients get an API key). */
export async function actors(hub: Hub): Promise<Actor[]> {
  const out: Actor[] = [];
  for (const [i, spec] of ACTORS.entries()) {
    if ('user' in spec) {
      const username = `user-${i}`;
      await hub.gateway.createUser({
        username,
        password: PASSWORD,
        role: spec.user.role,
        regionCode: spec.user.regionCode,
        ...(spec.user.operatorId && { operatorId: spec.user.operatorId }),
        grants: { pii: spec.user.pii ?? false, crossProvince: spec.user.crossProvince ?? [] },
      });
      const signedIn = await hub.client().auth.signIn.mutate({ username, password: PASSWORD });
      out.push({
        name: spec.name,
        principal: principalOf(signedIn.principal),
        own: spec.own,
        other: spec.other,
        headers: { authorization: `Bearer ${signedIn.token}` },
      });
    } else {
      const { principal, key } = await hub.gateway.createApiClient({
        name: spec.name,
        regionCode: spec.client.regionCode,
        id: `client-${i}`,
      });
      out.push({
        name: spec.name,
        principal,
        own: spec.own,
        other: spec.other,
        headers: { 'x-api-key': key },
      });
    }
  }
  return out;
}
