import { evaluatorIndicators, getScheme } from '@shegong/evaluation';
import type { HubEvent } from '@shegong/events';
import { describe, expect, it } from 'vitest';
import type { RecordEvaluationRequest } from './domain/evaluations.ts';
import {
  hubEvent,
  type ReportingHarness,
  rejection,
  residentWorker,
  rowCounts,
  serviceRecord,
  staffedStation,
  startReporting,
} from './test-harness.ts';

/**
 * Evaluations stored in reporting and the renewal decisions resting on them, on a real Postgres: the
 * computed indicators read reporting's own data, the score is stored with its breakdown and its event in
 * one transaction, and renewals follow each jurisdiction's rule [ZZ §5.3, §6.4, WH §3.4].
 */

const TODAY = '2025-03-25';

/** `contract.signed.v1` as funding publishes it: 3-year cycle from 2024-04-01. */
function contractSigned(contractId: string, countyCode: string, operatorId: string, stationIds: string[]) {
  return hubEvent(
    'contract.signed.v1',
    {
      contractId,
      countyCode,
      operatorId,
      stationIds,
      signedOn: '2024-03-20',
      termStart: '2024-04-01',
      termEnd: '2027-03-31',
      amountFen: 60_000_000,
    },
    { source: 'funding', key: `contract:${contractId}` },
  );
}

/** The evaluator indicators of the default scheme and their maximum points (50 of the 100). */
const MAX_ENTRIES = evaluatorIndicators(getScheme('default'));

/** Every evaluator indicator of the default scheme at its maximum, with evidence. */
function fullEntries(overrides: Record<string, number | string> = {}) {
  return Object.fromEntries(
    Object.entries({ ...MAX_ENTRIES, ...overrides }).map(([id, points]) => [
      id,
      { points, evidence: [`评分表 ${id}`] },
    ]),
  );
}

/** The evaluator indicators at their maximum less `short` points in all, taken from the first ones. */
function entriesShort(short: number) {
  let left = Math.round(short * 100);
  const points: Record<string, number> = {};
  for (const [id, max] of Object.entries(MAX_ENTRIES)) {
    const cut = Math.min(left, max * 100);
    points[id] = (max * 100 - cut) / 100;
    left -= cut;
  }
  return fullEntries(points);
}

/**
 * The facts the hub lacks, entered with evidence so every computed indicator scores full marks: 4 records
 * against a target of 4, every brief on time, 90% of the budget spent.
 */
const FACTS = {
  serviceTarget: { quantity: 4, unit: 'records' as const, evidence: ['合同附件二 服务数量'] },
  reports: { due: 6, onTime: 6, evidence: ['简报台账 2023-H1'] },
  budget: { spentFen: 9_000_000, plannedFen: 10_000_000, evidence: ['财务报表 2023-06'] },
};

/** A Zhengzhou station (金水区 经八路街道) staffed as every ZZ rule asks, with 4 service records in 2023-H1. */
async function zhengzhouStation(h: ReportingHarness, stationId = 'st-jbl'): Promise<void> {
  await h.deliver(...staffedStation(stationId));
  await h.caller.serviceRecords.ingest({
    idempotencyKey: `k-${stationId}`,
    records: ['2023-01-10', '2023-02-10', '2023-03-10', '2023-04-10'].map((date, i) =>
      serviceRecord(`${stationId}-r${i}`, { stationId, date }),
    ),
  });
}

function evaluation(overrides: Partial<RecordEvaluationRequest> = {}): RecordEvaluationRequest {
  return {
    stationId: 'st-jbl',
    kind: 'mid-term',
    conductedBy: 'county',
    evaluatorName: '郑州市某社会工作评估中心',
    period: { from: '2023-01-01', to: '2023-06-30' },
    decidedOn: '2023-07-05',
    entries: fullEntries(),
    facts: FACTS,
    ...overrides,
  };
}

describe('evaluations.record', () => {
  it('fills the computed indicators from the hub (staffing, service, training) and grades exactly at the thresholds', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h);

    const full = await h.caller.evaluations.record(evaluation({ id: 'ev-full' }));
    expect(full.factSources).toMatchObject({
      staffing: { source: 'hub', table: 'station_compliance' },
      service: { source: 'hub', table: 'service_records' },
      training: { source: 'hub', table: 'workers' },
      reports: { source: 'entered', evidence: ['简报台账 2023-H1'] },
      budget: { source: 'entered' },
    });
    expect(full.facts.service).toEqual({ delivered: 4, target: 4, unit: 'records' });
    // 2023 up to 30 June: the 30 hours of 2023-04-10 for each of the two workers (pro rata 30 of 60).
    expect(full.facts.training?.workers.map((w) => w.hours)).toEqual([30, 30]);
    expect(full.facts.staffing).toEqual({ errors: 0, warnings: 0 });
    expect(full).toMatchObject({ outcome: 'graded', grade: 'excellent', total: 100, profileId: 'ZZ' });
    expect(full.scheme.id).toBe('default');
    expect(full.scheme.version).toMatch(/^[0-9a-f]{12}$/);

    // 90以上 includes 90 [民法典 art. 1259]: 90 is excellent, 89.99 good, 60 pass, 59.99 fail.
    const at = (id: string, total: number) =>
      h.caller.evaluations.record(evaluation({ id, entries: entriesShort(100 - total) }));
    const grades = [];
    for (const [id, total] of [
      ['ev-90', 90],
      ['ev-89.99', 89.99],
      ['ev-80', 80],
      ['ev-60', 60],
      ['ev-59.99', 59.99],
    ] as const) {
      const e = await at(id, total);
      grades.push([e.total, e.grade, e.score.threshold]);
    }
    expect(grades).toEqual([
      [90, 'excellent', '90以上'],
      [89.99, 'good', '80以上'],
      [80, 'good', '80以上'],
      [60, 'pass', '60以上'],
      [59.99, 'fail', null],
    ]);
    const stored = await h.caller.evaluations.get({ stationId: 'st-jbl', evaluationId: 'ev-59.99' });
    expect(stored.score.findings.map((f) => f.ruleId)).toContain('evaluation.grade-fail');
  });

  it('stores a veto with its evidence as a fail whatever the score, and its event in the same transaction', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h);
    const vetoed = await h.caller.evaluations.record(
      evaluation({
        id: 'ev-veto',
        vetoes: [{ id: 'veto.funds-misused', evidence: ['审计报告 2023-07 第3项'], note: '挪用项目资金' }],
        by: 'u-county',
      }),
    );
    expect(vetoed).toMatchObject({ outcome: 'vetoed', grade: 'fail', total: 100, recordedBy: 'u-county' });
    expect(vetoed.score.vetoes).toEqual([
      expect.objectContaining({
        id: 'veto.funds-misused',
        citation: 'ZZ §6.3, PY §6.3',
        evidence: ['审计报告 2023-07 第3项'],
      }),
    ]);
    const row = await h.db
      .selectFrom('evaluations')
      .select(['outcome', 'grade', 'total', 'vetoes', 'created_at'])
      .where('id', '=', 'ev-veto')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: 'vetoed', grade: 'fail', total: '100.00' });
    expect(row.vetoes).toEqual([
      { id: 'veto.funds-misused', evidence: ['审计报告 2023-07 第3项'], note: '挪用项目资金' },
    ]);
    const outbox = await h.db
      .selectFrom('outbox')
      .select(['type', 'topic', 'key', 'payload', 'created_at'])
      .where('type', '=', 'evaluation.recorded.v1')
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ topic: 'shegong.evaluations', key: 'station:st-jbl' });
    expect((outbox[0]?.payload as HubEvent | undefined)?.data).toMatchObject({
      evaluationId: 'ev-veto',
      outcome: 'vetoed',
      grade: 'fail',
    });
    // now() is the transaction's start: equal timestamps mean one transaction wrote both.
    expect(outbox[0]?.created_at.getTime()).toBe(row.created_at.getTime());
  });

  it('stores an evaluation with missing facts as incomplete, without a grade, listing what is missing', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h);
    const e = await h.caller.evaluations.record(evaluation({ id: 'ev-part', facts: {} }));
    expect(e).toMatchObject({ outcome: 'incomplete', grade: null });
    expect(e.score.missing.map((m) => m.path.join('.'))).toEqual([
      'hub.reports',
      'hub.service',
      'hub.budget',
    ]);
    expect(e.factSources.service).toEqual({ source: 'missing' });
  });

  it('refuses, naming the field and writing nothing: a county spot check, a city mid-term, a known fact, a contract not covering the station', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h);
    await h.deliver(contractSigned('C-other', '410105', 'op-1', ['st-elsewhere']));
    const before = await rowCounts(h.db, ['evaluations', 'outbox']);
    const cases: Array<[Partial<RecordEvaluationRequest>, string, string]> = [
      [{ kind: 'spot-check', conductedBy: 'county' }, 'EVALUATION_LEVEL_INVALID', 'conductedBy'],
      [{ kind: 'mid-term', conductedBy: 'city' }, 'EVALUATION_LEVEL_INVALID', 'conductedBy'],
      [
        { facts: { ...FACTS, training: { workers: [{ workerId: 'x', hours: 60 }], evidence: ['台账'] } } },
        'EVALUATION_FACT_KNOWN',
        'facts.training',
      ],
      [{ contractId: 'C-other' }, 'EVALUATION_CONTRACT_MISMATCH', 'contractId'],
      [{ stationId: 'st-nowhere' }, 'STATION_NOT_FOUND', 'stationId'],
      [
        { entries: fullEntries({ 'effect.quality': 11 }) },
        'EVALUATION_INPUT_INVALID',
        'entries.effect.quality.points',
      ],
    ];
    for (const [overrides, code, field] of cases) {
      const r = await rejection(h.caller.evaluations.record(evaluation(overrides)));
      expect([r.code, r.fields], JSON.stringify(overrides).slice(0, 80)).toEqual([code, [field]]);
    }
    // The province spot-checks in Zhengzhou [ZZ §5.3]: allowed.
    const spot = await h.caller.evaluations.record(
      evaluation({ kind: 'spot-check', conductedBy: 'province' }),
    );
    expect(spot.kind).toBe('spot-check');
    expect(await rowCounts(h.db, ['evaluations', 'outbox'])).toEqual({
      evaluations: (before.evaluations ?? 0) + 1,
      outbox: (before.outbox ?? 0) + 1,
    });
    expect(
      (await h.caller.evaluations.list({ regionCode: '410100', period: '2023-H2' })).map((e) => e.id),
    ).toEqual([spot.id]);
    expect(await h.caller.evaluations.list({ regionCode: '410103' })).toEqual([]);
  });
});

describe('evaluations.scheme', () => {
  it('answers the scheme and profile a station is scored with, and refuses an unknown station or a region without a profile', async () => {
    await using h = await startReporting();
    await h.deliver(...staffedStation('st-zz'), ...staffedStation('st-wh', '420102002'));
    await h.deliver(...staffedStation('st-sx', '140105001'));
    const zz = await h.caller.evaluations.scheme({ stationId: 'st-zz' });
    expect(zz.profile.id).toBe('ZZ');
    expect(zz.scheme).toEqual(getScheme('default'));
    expect(zz.scheme.dimensions.map((d) => d.name.zh)).toEqual([
      '行政监管',
      '服务成效',
      '项目管理',
      '社会影响',
    ]);
    expect((await h.caller.evaluations.scheme({ stationId: 'st-wh' })).profile.id).toBe('WH');
    expect(await rejection(h.caller.evaluations.scheme({ stationId: 'st-none' }))).toMatchObject({
      status: 404,
      code: 'STATION_NOT_FOUND',
      fields: ['stationId'],
    });
    expect(await rejection(h.caller.evaluations.scheme({ stationId: 'st-sx' }))).toMatchObject({
      code: 'EVALUATION_PROFILE_NOT_FOUND',
      fields: ['stationId'],
    });
  });
});

describe('evaluations.cadence', () => {
  it('flags a station short of the county’s two evaluations a year: a warning while the year runs, an error after; spot checks do not count [ZZ §5.3]', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h);
    const on = (day: string) => h.service.router.createCaller({ db: h.db, today: () => day });
    await h.caller.evaluations.record(evaluation({ id: 'ev-h1' }));
    await h.caller.evaluations.record(
      evaluation({ id: 'ev-spot', kind: 'spot-check', conductedBy: 'city', decidedOn: '2023-08-01' }),
    );

    const running = await on('2023-09-01').evaluations.cadence({ regionCode: '410100', year: 2023 });
    expect(running).toMatchObject({ regionCode: '410100', year: 2023, stations: 1, short: 1 });
    expect(running.findings).toEqual([
      expect.objectContaining({
        ruleId: 'evaluation.cadence',
        severity: 'warning',
        citation: expect.stringContaining('ZZ §5.3'),
        subject: { kind: 'station', id: 'st-jbl' },
        facts: expect.objectContaining({ counted: 1, required: 2, spotChecks: ['ev-spot'] }),
      }),
    ]);
    const over = await on('2024-01-05').evaluations.cadence({ regionCode: '410105001', year: 2023 });
    expect(over.findings.map((f) => f.severity)).toEqual(['error']);

    await h.caller.evaluations.record(
      evaluation({ id: 'ev-h2', period: { from: '2023-07-01', to: '2023-12-31' }, decidedOn: '2023-12-20' }),
    );
    expect(await on('2024-01-05').evaluations.cadence({ regionCode: '410100', year: 2023 })).toMatchObject({
      stations: 1,
      short: 0,
      findings: [],
    });
    // Another year has none of these: short again; a region with no station has nothing to check.
    expect((await on('2025-01-05').evaluations.cadence({ regionCode: '410100', year: 2024 })).short).toBe(1);
    expect(await on('2024-01-05').evaluations.cadence({ regionCode: '410900', year: 2023 })).toMatchObject({
      stations: 0,
      short: 0,
    });
    expect(
      (await rejection(h.caller.evaluations.cadence({ regionCode: '419999', year: 2023 }))).fields,
    ).toEqual(['regionCode']);
  });
});

describe('renewals.decide', () => {
  it('ZZ: a failing annual evaluation → re-procure, rectification and a year without eligibility; a passing one → renew', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h, 'st-a');
    await zhengzhouStation(h, 'st-b');
    await h.deliver(
      contractSigned('C-fail', '410105', 'op-fail', ['st-a']),
      contractSigned('C-pass', '410105', 'op-pass', ['st-b']),
    );
    const annual = { kind: 'annual' as const, period: { from: '2024-04-01', to: '2025-03-31' } };
    await h.caller.evaluations.record(
      evaluation({ ...annual, id: 'ev-a-mid', stationId: 'st-a', kind: 'mid-term', decidedOn: '2024-10-08' }),
    );
    const failed = await h.caller.evaluations.record(
      evaluation({
        ...annual,
        id: 'ev-a-annual',
        stationId: 'st-a',
        decidedOn: '2025-03-20',
        entries: fullEntries({
          'effect.satisfaction': 0,
          'effect.quality': 0,
          'impact.resources': 0,
          'mgmt.archives': 0,
          'impact.publicity': 0,
          'admin.institutions': 0,
          'mgmt.supervision': 0,
        }),
        facts: { ...FACTS, budget: { spentFen: 1, plannedFen: 10_000_000, evidence: ['财务报表'] } },
      }),
    );
    expect(failed).toMatchObject({ contractId: 'C-fail', operatorId: 'op-fail', grade: 'fail' });
    await h.caller.evaluations.record(
      evaluation({ ...annual, id: 'ev-b-annual', stationId: 'st-b', decidedOn: '2025-03-20' }),
    );

    const caller = h.service.router.createCaller({ db: h.db, today: () => TODAY });
    const refused = await caller.renewals.decide({ contractId: 'C-fail', year: 1, by: 'u-jinshui' });
    expect(refused).toMatchObject({
      id: 'C-fail-y1',
      decision: 're-procure',
      citation: 'ZZ §5.3',
      yearStart: '2024-04-01',
      yearEnd: '2025-03-31',
      decidedOn: TODAY,
      decidedBy: 'u-jinshui',
      ineligibility: {
        operatorId: 'op-fail',
        decidedOn: '2025-03-20',
        from: '2025-03-21',
        to: '2026-03-20',
        citation: 'ZZ §6.4',
        basis: 'default',
        evaluationId: 'ev-a-annual',
        contractId: 'C-fail',
      },
    });
    // The annual evaluation decides (the last annual/final one), not the mid-term.
    expect(refused.evidence.map((e) => e.id)).toEqual(['ev-a-annual']);
    expect(refused.consequences.map((c) => [c.kind, c.citation])).toEqual([
      ['re-procurement', 'ZZ §5.3'],
      ['rectification', 'ZZ §6.4'],
      ['ineligibility', 'ZZ §6.4'],
    ]);
    const renewed = await caller.renewals.decide({ contractId: 'C-pass', year: 1 });
    expect(renewed).toMatchObject({ decision: 'renew', discretionary: false, ineligibility: null });

    const events = await h.db
      .selectFrom('outbox')
      .select(['payload', 'key'])
      .where('type', '=', 'renewal.decided.v1')
      // In the order they were written (`id` is a random uuid).
      .orderBy('seq')
      .execute();
    expect(events.map((e) => (e.payload as HubEvent & { type: 'renewal.decided.v1' }).data)).toEqual([
      expect.objectContaining({
        renewalId: 'C-fail-y1',
        decision: 're-procure',
        evidence: ['ev-a-annual'],
        ineligibility: expect.objectContaining({ from: '2025-03-21', to: '2026-03-20' }),
      }),
      expect.objectContaining({ renewalId: 'C-pass-y1', decision: 'renew', ineligibility: null }),
    ]);
    // Decided is final.
    const again = await rejection(caller.renewals.decide({ contractId: 'C-fail', year: 1 }));
    expect([again.status, again.code, again.fields]).toEqual([409, 'RENEWAL_CONFLICT', ['year']]);
    const late = await rejection(caller.renewals.decide({ contractId: 'C-fail', year: 4 }));
    expect([late.code, late.fields]).toEqual(['RENEWAL_YEAR_INVALID', ['year']]);
    expect((await caller.renewals.list({ regionCode: '410100' })).map((r) => r.id)).toEqual([
      'C-fail-y1',
      'C-pass-y1',
    ]);
  });

  it('ZZ: without a graded annual evaluation the year is undetermined, not published, and decided later', async () => {
    await using h = await startReporting();
    await zhengzhouStation(h, 'st-a');
    await h.deliver(contractSigned('C-1', '410105', 'op-1', ['st-a']));
    const caller = h.service.router.createCaller({ db: h.db, today: () => TODAY });
    const open = await caller.renewals.decide({ contractId: 'C-1', year: 1 });
    expect(open).toMatchObject({ decision: 'undetermined', ineligibility: null });
    expect(open.findings.map((f) => f.ruleId)).toEqual(['renewal.evaluation-missing']);
    expect(await rowCounts(h.db, ['outbox'])).toEqual({ outbox: 0 });
    await h.caller.evaluations.record(
      evaluation({
        stationId: 'st-a',
        kind: 'annual',
        period: { from: '2024-04-01', to: '2025-03-31' },
        decidedOn: '2025-03-20',
      }),
    );
    expect(await caller.renewals.decide({ contractId: 'C-1', year: 1 })).toMatchObject({ decision: 'renew' });
  });

  it('WH: renews only when every evaluation of the year is excellent; otherwise exit and temporary takeover, no ineligibility', async () => {
    await using h = await startReporting();
    // 武汉 江岸区: a central urban district needs three full-time resident workers [WH §2.2].
    for (const id of ['st-wa', 'st-wb']) {
      await h.deliver(
        ...staffedStation(id, '420102002'),
        // Three workers with 2024's continuing education done by the evaluated period's end (45 of 60 h).
        ...(['lead', 'w2', 'w3'] as const).map((w) => {
          const worker = residentWorker(`${id}-${w}`, id, w === 'lead' ? { role: 'lead' } : {});
          const trainings = [
            ...(worker.trainings ?? []),
            {
              date: '2024-03-10',
              hours: 48,
              kind: 'continuing' as const,
              provider: { kind: 'operator' as const },
            },
          ];
          return hubEvent(
            'worker.upserted.v1',
            { worker: { ...worker, trainings } },
            { key: `station:${id}` },
          );
        }),
      );
      await h.caller.serviceRecords.ingest({
        idempotencyKey: `k-${id}`,
        records: [
          serviceRecord(`${id}-r1`, {
            stationId: id,
            catalogId: 'wh-2021',
            itemRef: '1.1',
            date: '2024-05-10',
          }),
        ],
      });
    }
    await h.deliver(
      contractSigned('C-wa', '420102', 'op-wa', ['st-wa']),
      contractSigned('C-wb', '420102', 'op-wb', ['st-wb']),
    );
    const year = { period: { from: '2024-04-01', to: '2024-09-30' } };
    const facts = {
      ...FACTS,
      serviceTarget: { ...FACTS.serviceTarget, quantity: 1 },
    };
    const record = (id: string, stationId: string, extra: Partial<RecordEvaluationRequest>) =>
      h.caller.evaluations.record(evaluation({ ...year, id, stationId, facts, ...extra }));
    // st-wa: a mid-term excellent, then the city's spot check only good.
    const first = await record('ev-wa-mid', 'st-wa', { kind: 'mid-term', decidedOn: '2024-10-10' });
    expect(first.profileId).toBe('WH');
    const wa = [
      first,
      await record('ev-wa-spot', 'st-wa', {
        kind: 'spot-check',
        conductedBy: 'city',
        decidedOn: '2024-12-01',
        entries: entriesShort(10),
      }),
    ];
    const wb = [await record('ev-wb-mid', 'st-wb', { kind: 'mid-term', decidedOn: '2024-10-10' })];
    // Whatever the hub scored, the test rests on these grades: fail loudly if the fixture drifts.
    expect(wa.map((e) => e.grade)).toEqual(['excellent', 'good']);
    expect(wb.map((e) => e.grade)).toEqual(['excellent']);

    const caller = h.service.router.createCaller({ db: h.db, today: () => TODAY });
    const notRenewed = await caller.renewals.decide({ contractId: 'C-wa', year: 1 });
    expect(notRenewed).toMatchObject({ decision: 're-procure', citation: 'WH §3.4', ineligibility: null });
    expect(notRenewed.evidence.map((e) => e.id)).toEqual(['ev-wa-mid', 'ev-wa-spot']);
    expect(notRenewed.consequences.map((c) => c.kind)).toEqual([
      're-procurement',
      'exit',
      'temporary-takeover',
    ]);
    const renewed = await caller.renewals.decide({ contractId: 'C-wb', year: 1 });
    expect(renewed).toMatchObject({ decision: 'renew', discretionary: true, consequences: [] });
  });
});
