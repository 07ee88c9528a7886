import { type Action, can, canReachStation, type Principal, withinJurisdiction } from '@shegong/access';
import { appRouter } from '@shegong/gateway-service';
import { getRegion } from '@shegong/regions';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  actors,
  budgetInput,
  contractInput,
  type Fixture,
  operatorInput,
  seed,
  serviceRecord,
  stationInput,
  workerInput,
} from './fixtures.ts';
import { type Hub, startHub } from './hub.ts';

/**
 * Every procedure of the gateway's AppRouter × every role × a thing inside and a thing outside the
 * actor's jurisdiction, over HTTP as a front end calls it. What may pass passes; what may not is refused
 * with 403/404, writes nothing (a fingerprint of every table is unchanged) and leaks nothing.
 */

type Target =
  | 'none'
  | 'station'
  | 'worker'
  | 'region'
  | 'county'
  | 'contract'
  | 'payment'
  | 'budget'
  /** The county itself: a report step its own unit takes. */
  | 'unit'
  /** Strictly inside the caller's region: a report step the level above takes. */
  | 'below'
  /** Strictly inside a region strictly inside the caller's: accepting what the level above approved. */
  | 'two-below'
  /** An operator's own record: civil affairs staff read any operator's, an operator only its own. */
  | 'operator';

interface Case {
  action: Action;
  target: Target;
  mode: 'read' | 'write';
  pii?: true;
  input: (fx: Fixture, unique: string) => unknown;
}

const read = (action: Action, target: Target, input: Case['input'], extra: Partial<Case> = {}): Case => ({
  action,
  target,
  mode: 'read',
  input,
  ...extra,
});
const write = (action: Action, target: Target, input: Case['input']): Case => ({
  action,
  target,
  mode: 'write',
  input,
});

const training = {
  date: '2024-06-01',
  hours: 8,
  kind: 'continuing' as const,
  provider: { kind: 'operator' as const },
};

/** The spec: for each procedure, the permission it needs and what it must be inside the jurisdiction. */
const CASES: Record<string, Case> = {
  'registry.operators.upsert': write('operators.write', 'none', (fx) => operatorInput(fx.operator, 0)),
  'registry.operators.upsertMany': write('operators.write', 'none', (fx) => ({
    items: [operatorInput(fx.operator, 0)],
  })),
  'registry.operators.get': read('operators.read', 'none', (fx) => ({ id: fx.operator })),
  'registry.operators.list': read('operators.read', 'none', () => ({})),
  'registry.stations.upsert': write('stations.write', 'station', (fx) => stationInput(fx)),
  'registry.stations.upsertMany': write('stations.write', 'station', (fx) => ({ items: [stationInput(fx)] })),
  'registry.stations.changeStatus': write('stations.write', 'station', (fx) => ({
    stationId: fx.station,
    to: 'suspended',
    on: '2024-06-01',
  })),
  'registry.stations.get': read('stations.read', 'station', (fx) => ({ id: fx.station })),
  'registry.stations.list': read('stations.read', 'region', (fx) => ({ regionCode: fx.township })),
  'registry.stations.places': read('stations.read', 'none', (fx) => ({ ids: [fx.station] })),
  'registry.stations.institutionsGap': read('stations.read', 'station', (fx) => ({ stationId: fx.station })),
  'registry.workers.upsert': write('workers.write', 'station', (fx) => workerInput(fx, 9)),
  'registry.workers.upsertMany': write('workers.write', 'station', (fx) => ({ items: [workerInput(fx, 9)] })),
  'registry.workers.get': read('workers.read', 'worker', (fx) => ({ id: fx.worker })),
  'registry.workers.reveal': read('workers.read', 'worker', (fx) => ({ id: fx.worker }), { pii: true }),
  'registry.workers.list': read('workers.read', 'station', (fx) => ({ stationId: fx.station })),
  'registry.workers.addTraining': write('workers.write', 'worker', (fx) => ({
    workerId: fx.worker,
    training,
  })),
  'registry.supervisors.upsert': write('workers.write', 'station', (fx) => ({
    id: `sv-${fx.station}`,
    stationId: fx.station,
    assignedOn: '2024-02-01',
  })),
  'registry.staffChanges.file': write('workers.write', 'station', (fx) => ({
    stationId: fx.station,
    workerId: fx.worker,
    kind: 'join',
    effectiveOn: '2024-03-01',
    filedOn: '2024-02-20',
  })),

  'funding.contracts.sign': write('contracts.write', 'county', (fx, u) => contractInput(fx, `c-${u}`)),
  'funding.contracts.addYearlyTerm': write('contracts.write', 'contract', (fx) => ({
    contractId: fx.contract,
    year: 2,
    signedOn: '2025-03-20',
  })),
  'funding.contracts.addEvaluation': write('contracts.write', 'contract', (fx) => ({
    contractId: fx.contract,
    date: '2024-10-01',
    kind: 'mid-term',
  })),
  'funding.contracts.get': read('funding.read', 'contract', (fx) => ({ id: fx.contract })),
  'funding.contracts.list': read('funding.read', 'county', (fx) => ({ countyCode: fx.county })),
  'funding.budgets.submit': write('contracts.write', 'contract', (fx, u) => budgetInput(fx, `b-${u}`)),
  'funding.budgets.get': read('funding.read', 'budget', (fx) => ({ id: fx.budget })),
  'funding.budgets.list': read('funding.read', 'contract', (fx) => ({ contractId: fx.contract })),
  'funding.payments.applyFor': write('payments.apply', 'contract', (fx, u) => ({
    id: `p-${u}`,
    contractId: fx.contract,
    amountFen: 100,
    appliedOn: '2024-05-02',
    vouchers: [{ kind: 'invoice', ref: 'INV-1' }],
  })),
  'funding.payments.approve': write('payments.decide', 'payment', (fx) => ({
    id: fx.payment,
    approvedOn: '2024-05-10',
  })),
  'funding.payments.reject': write('payments.decide', 'payment', (fx) => ({
    id: fx.payment,
    rejectedOn: '2024-05-10',
    reason: '凭证不全',
  })),
  'funding.payments.pay': write('payments.decide', 'payment', (fx) => ({
    id: fx.payment,
    paidOn: '2024-05-20',
  })),
  'funding.payments.get': read('funding.read', 'payment', (fx) => ({ id: fx.payment })),
  'funding.payments.list': read('funding.read', 'contract', (fx) => ({ contractId: fx.contract })),
  'funding.funding.executionSummary': read('summaries.read', 'county', (fx) => ({
    regionCode: fx.county,
    year: 2024,
  })),
  'funding.eligibility.get': read('funding.read', 'operator', (fx) => ({
    operatorId: fx.operator,
    asOf: '2024-06-01',
  })),

  'reporting.serviceRecords.ingest': write('service-records.write', 'station', (fx, u) => ({
    idempotencyKey: `k-${u}`,
    records: [serviceRecord(fx, `r-${u}`)],
  })),
  'reporting.serviceRecords.list': read('stations.read', 'station', (fx) => ({ stationId: fx.station })),
  'reporting.compliance.station': read('compliance.read', 'station', (fx) => ({ stationId: fx.station })),
  'reporting.compliance.summary': read('summaries.read', 'region', (fx) => ({ regionCode: fx.township })),
  'reporting.compliance.reevaluate': write('compliance.reevaluate', 'county', (fx) => ({
    regionCode: fx.county,
    asOf: '2024-06-30',
  })),
  'reporting.rollups.services': read('summaries.read', 'region', (fx) => ({
    regionCode: fx.township,
    period: '2024-03',
  })),
  'reporting.rollups.coverage': read('summaries.read', 'region', (fx) => ({ regionCode: fx.township })),
  'reporting.reports.draft': write('reports.write', 'unit', (fx) => ({
    definitionId: 'county-quarterly-report',
    unitRegionCode: fx.county,
    period: '2024-Q1',
  })),
  'reporting.reports.correct': write('reports.write', 'unit', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
    path: 'services.beneficiaries',
    value: 1,
    reason: '台账补录',
  })),
  'reporting.reports.submit': write('reports.write', 'unit', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
  })),
  'reporting.reports.approve': write('reports.approve', 'below', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
  })),
  'reporting.reports.accept': write('reports.approve', 'two-below', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
  })),
  'reporting.reports.return': write('reports.approve', 'below', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
    reason: '数据不全',
  })),
  'reporting.reports.unlock': write('reports.approve', 'below', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
    reason: '补报',
  })),
  'reporting.reports.get': read('summaries.read', 'county', (fx) => ({
    reportId: reportId(fx),
    unitRegionCode: fx.county,
  })),
  'reporting.reports.list': read('summaries.read', 'county', (fx) => ({ regionCode: fx.county })),
  // The gateway sets conductedBy to the caller's level: a county's "spot check" is then refused by
  // reporting (400, not a refusal of the gateway), a city's or province's recorded.
  'reporting.evaluations.record': write('evaluations.write', 'station', (fx, u) => ({
    id: `ev-${u}`,
    stationId: fx.station,
    kind: 'spot-check',
    conductedBy: 'city',
    period: { from: '2024-01-01', to: '2024-06-30' },
    decidedOn: '2024-07-05',
  })),
  'reporting.evaluations.list': read('evaluations.read', 'region', (fx) => ({ regionCode: fx.township })),
  'reporting.evaluations.cadence': read('evaluations.read', 'region', (fx) => ({
    regionCode: fx.township,
    year: 2024,
  })),
  'reporting.evaluations.scheme': read('evaluations.read', 'station', (fx) => ({ stationId: fx.station })),
  'reporting.evaluations.get': read('evaluations.read', 'station', (fx) => ({
    stationId: fx.station,
    evaluationId: 'ev-none',
  })),
  'reporting.renewals.decide': write('renewals.decide', 'contract', (fx) => ({
    contractId: fx.contract,
    year: 1,
    decidedOn: '2025-03-25',
  })),
  'reporting.renewals.list': read('evaluations.read', 'county', (fx) => ({ regionCode: fx.county })),
  'reporting.reports.completeness': read('summaries.read', 'region', (fx) => ({
    regionCode: fx.township,
    period: '2024-03',
  })),
  'reporting.plans.progress': read('summaries.read', 'region', (fx) => ({
    regionCode: fx.township,
    asOf: '2024-06-30',
  })),
  'reporting.plans.talent': read('summaries.read', 'region', (fx) => ({ regionCode: fx.township })),
};

/** The county's quarterly report the draft case creates (where the county may draft it). */
function reportId(fx: Fixture): string {
  return `${fx.county}-county-quarterly-report-2024-Q1`;
}

/**
 * The gateway's own routers (sign-in, the audit log, published reference data), tested on their own below,
 * in identity.e2e and in regions.e2e; every other procedure is a service's, behind a policy.
 */
const OWN_ROUTERS = ['auth', 'audit', 'regions', 'catalog'];

/** Whether the spec lets this actor make this call. */
function expected(principal: Principal, c: Case, fx: Fixture): boolean {
  if (!can(principal, c.action)) return false;
  if (c.pii && !principal.grants.pii) return false;
  const station = { id: fx.station, regionCode: fx.township, operatorId: fx.operator };
  const contract =
    withinJurisdiction(principal, fx.county, c.mode) &&
    (principal.role !== 'operator' || principal.operatorId === fx.operator);
  switch (c.target) {
    case 'none':
      return true;
    case 'station':
    case 'worker':
      return canReachStation(principal, station, c.mode);
    case 'region':
      return withinJurisdiction(principal, fx.township, c.mode);
    case 'county':
      // Signing a contract also names a station; the county decides for both here.
      return (
        withinJurisdiction(principal, fx.county, c.mode) &&
        (c.action !== 'contracts.write' || canReachStation(principal, station, c.mode))
      );
    case 'contract':
    case 'payment':
    case 'budget':
      return contract;
    case 'unit':
      // An operator files only its station's township briefs, never a county's report.
      return (
        principal.role !== 'operator' &&
        withinJurisdiction(principal, fx.county, c.mode) &&
        principal.regionCode === fx.county
      );
    case 'below':
      return withinJurisdiction(principal, fx.county, c.mode) && principal.regionCode !== fx.county;
    case 'two-below':
      return (
        withinJurisdiction(principal, fx.county, c.mode) &&
        principal.regionCode !== fx.county &&
        principal.regionCode !== getRegion(fx.county).parentCode
      );
    case 'operator':
      return principal.role !== 'operator' || principal.operatorId === fx.operator;
  }
}

let hub: Hub;
let everyone: Actor[];
beforeAll(async () => {
  hub = await startHub();
  await seed(hub);
  everyone = await actors(hub);
}, 120_000);
afterAll(async () => {
  await hub?.[Symbol.asyncDispose]();
});

function call(actor: Actor, path: string, input: unknown): Promise<unknown> {
  const client = hub.client(actor.headers, false) as unknown as Record<string, unknown>;
  let node: unknown = client;
  for (const segment of path.split('.')) node = (node as Record<string, unknown>)[segment];
  const kind = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]
    ?._def.type;
  const proc = node as { query(i: unknown): Promise<unknown>; mutate(i: unknown): Promise<unknown> };
  return kind === 'query' ? proc.query(input) : proc.mutate(input);
}

/**
 * A refusal by the gateway: no permission (403), outside the jurisdiction (403 for a region, a 404 that
 * reads the same as "missing" for a thing), or a batch refused for rows outside it (400 naming the rows).
 */
function isRefusal(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as { code?: string; domain?: { code?: string } | null } | undefined;
  if (data?.code === 'FORBIDDEN') return true;
  if (data?.code === 'NOT_FOUND') return /jurisdiction/.test(error.message);
  return data?.domain?.code === 'SERVICE_RECORDS_REJECTED' && /outside your jurisdiction/.test(error.message);
}

describe('authorization matrix', () => {
  it('has a case for every procedure of the AppRouter', () => {
    const procedures = Object.keys(appRouter._def.procedures).filter(
      (p) => !OWN_ROUTERS.includes(p.split('.')[0] ?? ''),
    );
    expect(procedures.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('allows exactly what the spec allows, and a refused call writes nothing', async () => {
    const outcomes: string[] = [];
    let n = 0;
    for (const [path, c] of Object.entries(CASES)) {
      for (const actor of everyone) {
        for (const side of ['own', 'other'] as const) {
          const fx = actor[side];
          const allowed = expected(actor.principal, c, fx);
          // Let earlier writes finish relaying first: publishing marks outbox rows, which is not this call's doing.
          if (c.mode === 'write' && !allowed) await hub.settle();
          const before = c.mode === 'write' && !allowed ? await hub.fingerprint() : undefined;
          let error: unknown;
          let result: unknown;
          try {
            result = await call(actor, path, c.input(fx, `${n++}`));
          } catch (e) {
            error = e;
          }
          const refused = error !== undefined && isRefusal(error);
          if (allowed && refused)
            outcomes.push(`${path} × ${actor.name} × ${side}: refused (${(error as Error).message})`);
          if (!allowed && !refused)
            outcomes.push(
              `${path} × ${actor.name} × ${side}: NOT refused (${error ? (error as Error).message : JSON.stringify(result).slice(0, 120)})`,
            );
          if (before !== undefined) {
            await hub.settle();
            if ((await hub.fingerprint()) !== before)
              outcomes.push(`${path} × ${actor.name} × ${side}: refused but wrote`);
          }
          // stations.places answers everyone, but only with the stations they reach.
          if (path === 'registry.stations.places' && !error) {
            const reach = canReachStation(actor.principal, {
              id: fx.station,
              regionCode: fx.township,
              operatorId: fx.operator,
            });
            expect((result as unknown[]).length, `${actor.name} × ${side}`).toBe(reach ? 1 : 0);
          }
        }
      }
    }
    expect(outcomes).toEqual([]);
  }, 600_000);

  it('lists show each actor only what it reaches', async () => {
    for (const actor of everyone) {
      if (actor.principal.grants.crossProvince.length > 0) continue; // must name a region: below
      const client = hub.client(actor.headers);
      const page = await client.registry.stations.list.query({});
      for (const s of page.items)
        expect(canReachStation(actor.principal, s), `${actor.name}: ${s.id}`).toBe(true);
      expect(page.items.length, actor.name).toBeGreaterThan(0);
      if (can(actor.principal, 'funding.read')) {
        const contracts = await client.funding.contracts.list.query({});
        for (const k of contracts.items) {
          expect(withinJurisdiction(actor.principal, k.countyCode), `${actor.name}: ${k.id}`).toBe(true);
          if (actor.principal.role === 'operator') expect(k.operatorId).toBe(actor.principal.operatorId);
        }
      }
    }
    const ministry = everyone.find((a) => a.principal.grants.crossProvince.length > 0) as Actor;
    await expect(hub.client(ministry.headers).registry.stations.list.query({})).rejects.toThrow(
      /name a regionCode/,
    );
    const hubei = await hub.client(ministry.headers).registry.stations.list.query({ regionCode: '420000' });
    expect(hubei.items.map((s) => s.id)).toEqual(['st-wh']);
  });

  it('walks a report up one level: the county drafts and submits, the city returns and approves, audited', async () => {
    const county = everyone.find((a) => a.name === 'erqi county') as Actor;
    const city = everyone.find((a) => a.name === 'zhengzhou city (PII)') as Actor;
    const byCounty = hub.client(county.headers).reporting.reports;
    const byCity = hub.client(city.headers).reporting.reports;
    const ref = { reportId: '410103-county-quarterly-report-2024-Q2', unitRegionCode: '410103' };
    await byCounty.draft.mutate({
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410103',
      period: '2024-Q2',
    });
    // Who acted is the caller, whatever the input says.
    const submitted = await byCounty.submit.mutate({ ...ref, by: city.principal.id });
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: county.principal.id });
    // The unit cannot decide on its own report, nor the city write it.
    await expect(byCounty.approve.mutate(ref)).rejects.toThrow(/by the level above it/);
    await expect(
      byCity.approve.mutate({ reportId: '410100-city-half-year-report-2024-H1', unitRegionCode: '410100' }),
    ).rejects.toThrow(/level above/);
    await expect(byCity.submit.mutate(ref)).rejects.toThrow(/by 410103 itself/);
    expect(await byCity.return.mutate({ ...ref, reason: '请补充服务人次' })).toMatchObject({
      status: 'returned',
      returnedBy: city.principal.id,
    });
    await byCounty.draft.mutate({
      definitionId: 'county-quarterly-report',
      unitRegionCode: '410103',
      period: '2024-Q2',
    });
    await byCounty.submit.mutate(ref);
    expect(await byCity.approve.mutate(ref)).toMatchObject({
      status: 'approved',
      approvedBy: city.principal.id,
    });
    // Up the chain: the province accepts what the city approved; the city cannot accept its own approval.
    const province = everyone.find((a) => a.name === 'henan province') as Actor;
    await expect(byCity.accept.mutate(ref)).rejects.toThrow(/accepted by the level above that/);
    expect(await hub.client(province.headers).reporting.reports.accept.mutate(ref)).toMatchObject({
      status: 'approved',
      acceptedBy: province.principal.id,
    });
    expect(await byCity.unlock.mutate({ ...ref, reason: '补报' })).toMatchObject({
      status: 'returned',
      locked: false,
      acceptedAt: null,
    });
    expect((await byCounty.list.query({ regionCode: '410103', period: '2024-Q2' })).map((r) => r.id)).toEqual(
      [ref.reportId],
    );
    const audit = await hub.gatewayDb
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'category', 'outcome'])
      .where('action', 'in', ['reporting.reports.approve', 'reporting.reports.unlock'])
      .where('actor_id', 'in', [county.principal.id, city.principal.id])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          actor_id: county.principal.id,
          action: 'reporting.reports.approve',
          category: 'write',
          outcome: 'denied',
        },
        {
          actor_id: city.principal.id,
          action: 'reporting.reports.approve',
          category: 'write',
          outcome: 'ok',
        },
        { actor_id: city.principal.id, action: 'reporting.reports.unlock', category: 'write', outcome: 'ok' },
      ]),
    );
  });

  it("lets an operator file its station's township brief, and only there; the county decides on it", async () => {
    const operator = everyone.find((a) => a.name === 'operator op-hexie') as Actor;
    const county = everyone.find((a) => a.name === 'jinshui county') as Actor;
    const byOperator = hub.client(operator.headers).reporting.reports;
    const brief = { definitionId: 'operator-monthly-brief', unitRegionCode: '410105001', period: '2024-05' };
    const ref = { reportId: '410105001-operator-monthly-brief-2024-05', unitRegionCode: '410105001' };
    const before = await hub.fingerprint();
    // 丰产路街道's station is another operator's; a county report is the county's.
    await expect(byOperator.draft.mutate({ ...brief, unitRegionCode: '410105002' })).rejects.toThrow(
      /runs none in 410105002/,
    );
    await expect(
      byOperator.draft.mutate({
        definitionId: 'county-quarterly-report',
        unitRegionCode: '410105',
        period: '2024-Q2',
      }),
    ).rejects.toThrow(/only for a township where it runs a station/);
    expect(await hub.fingerprint()).toBe(before);

    expect(await byOperator.draft.mutate(brief)).toMatchObject({ id: ref.reportId, status: 'draft' });
    expect(await byOperator.submit.mutate(ref)).toMatchObject({
      status: 'submitted',
      submittedBy: operator.principal.id,
    });
    await expect(byOperator.approve.mutate(ref)).rejects.toThrow(/may not reports.approve/);
    expect(await hub.client(county.headers).reporting.reports.approve.mutate(ref)).toMatchObject({
      status: 'approved',
      approvedBy: county.principal.id,
    });
  });

  it('masks resident ID numbers for everyone, and reveals them only under a PII grant, audited', async () => {
    const withGrant = everyone.find((a) => a.principal.grants.pii) as Actor;
    const without = everyone.find((a) => a.principal.role === 'city' && !a.principal.grants.pii) as Actor;
    const worker = await hub
      .client(withGrant.headers)
      .registry.workers.get.query({ id: withGrant.own.worker });
    expect(worker.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(JSON.stringify(worker)).not.toMatch(/\d{17}[\dX]/);
    const revealed = await hub
      .client(withGrant.headers)
      .registry.workers.reveal.query({ id: withGrant.own.worker });
    expect(revealed.idNumber).toMatch(/^\d{17}[\dX]$/);
    await expect(
      hub.client(without.headers).registry.workers.reveal.query({ id: without.own.worker }),
    ).rejects.toThrow(/PII grant/);
    const audit = await hub.gatewayDb
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'category', 'outcome'])
      .where('action', '=', 'registry.workers.reveal')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          actor_id: withGrant.principal.id,
          action: 'registry.workers.reveal',
          category: 'pii-read',
          outcome: 'ok',
        },
        {
          actor_id: without.principal.id,
          action: 'registry.workers.reveal',
          category: 'pii-read',
          outcome: 'denied',
        },
      ]),
    );
  });
  it('checks every row of a dry run against the jurisdiction, in place, and writes nothing', async () => {
    const county = everyone.find((a) => a.name === 'jinshui county') as Actor;
    const client = hub.client(county.headers);
    const newStation = (id: string, regionCode: string) => ({
      id,
      name: `${id} 社工站`,
      regionCode,
      type: 'township-station' as const,
    });
    // A dry run answers checks, never saved rows: the procedure's output type is the union of both.
    type Check = { index: number; id: string | null; errors: Array<{ path: string; code: string }> };
    const stations = (await client.registry.stations.upsertMany.mutate({
      dryRun: true,
      items: [
        newStation('st-dry-own', '410105003'), // 金水区: the county's own
        newStation('st-dry-other', '410103002'), // 二七区: another county
        { ...newStation(county.other.station, '410105004'), name: 'moved in' }, // another county's station
        { id: 'st-dry-bad', regionCode: '410105004', type: 'township-station' }, // no name
      ],
    })) as Array<Check & { station: unknown }>;
    expect(
      stations.map((c) => [c.index, c.id, c.station !== null, c.errors.map((e) => [e.path, e.code])]),
    ).toEqual([
      [0, 'st-dry-own', true, []],
      [1, 'st-dry-other', false, [['regionCode', 'OUT_OF_JURISDICTION']]],
      [2, county.other.station, false, [['id', 'STATION_NOT_FOUND']]],
      [3, 'st-dry-bad', false, [['name', 'REGISTRY_INPUT_INVALID']]],
    ]);
    await expect(client.registry.stations.get.query({ id: 'st-dry-own' })).rejects.toThrow(/st-dry-own/);

    const ownWorker = { ...workerInput(county.own, 7), id: 'w-dry-own' };
    const otherWorker = { ...workerInput(county.other, 8), id: 'w-dry-other' };
    const workers = (await client.registry.workers.upsertMany.mutate({
      dryRun: true,
      items: [otherWorker, ownWorker],
    })) as Array<Check & { worker: { idNumberMasked: string } | null }>;
    expect(workers.map((c) => [c.index, c.id, c.errors.map((e) => [e.path, e.code])])).toEqual([
      [0, 'w-dry-other', [['stationId', 'STATION_NOT_FOUND']]],
      [1, 'w-dry-own', []],
    ]);
    expect(workers[1]?.worker?.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    await expect(client.registry.workers.get.query({ id: 'w-dry-own' })).rejects.toThrow(/w-dry-own/);
  });
});
