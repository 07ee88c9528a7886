import type { IsoDate } from '@shegong/kernel';
import { classifySubmission } from '@shegong/plans';
import { describe, expect, it } from 'vitest';
import type { RejectedRecord } from './domain/records.ts';
import {
  hubEvent,
  type ReportingHarness,
  rejection,
  rowCounts,
  serviceRecord,
  staffedStation,
  startReporting,
  stationOpened,
  stationRegistered,
} from './test-harness.ts';

/**
 * 金水区 (410105) reporting its 2023 Q1 quarterly report to 郑州市 [ZZ §2, §5.6]: a station that meets every
 * staffing rule (经八路街道), one operating with nobody (丰产路街道), one planned (东风路街道); service
 * records in February, March and April.
 */
async function jinshui(): Promise<ReportingHarness> {
  const reporting = await startReporting();
  await reporting.deliver(
    ...staffedStation('st-jbl', '410105001'),
    ...stationOpened('st-fcl', { regionCode: '410105002', projectStartOn: '2021-03-01' }),
    stationRegistered('st-dfl', { regionCode: '410105003' }),
  );
  await reporting.caller.serviceRecords.ingest({
    idempotencyKey: 'q1',
    records: [
      serviceRecord('r1', { beneficiaries: 3, hours: 1.5, volunteers: 1 }),
      serviceRecord('r2', { date: '2023-02-20', beneficiaries: 2, hours: 2.25, volunteers: 2 }),
      serviceRecord('r3', { stationId: 'st-fcl', itemRef: '2.1', populations: [], date: '2023-03-31' }),
      serviceRecord('r4', { date: '2023-04-01', beneficiaries: 9 }),
    ],
  });
  return reporting;
}

const Q1 = { definitionId: 'county-quarterly-report', unitRegionCode: '410105', period: '2023-Q1' };
const REPORT = { reportId: '410105-county-quarterly-report-2023-Q1', unitRegionCode: '410105' };

/** A caller on a given day in China: the day a submission counts for. */
function on(reporting: ReportingHarness, day: IsoDate) {
  return reporting.service.router.createCaller({ db: reporting.db, today: () => day });
}

async function outboxTypes(reporting: ReportingHarness): Promise<string[]> {
  const rows = await reporting.db.selectFrom('outbox').select(['type', 'topic']).orderBy('seq').execute();
  return rows.map((r) => `${r.topic} ${r.type}`);
}

describe('periodic reports: drafted from the hub data', () => {
  it('fills the figures from stations, compliance and the rollups; nobody types a number', async () => {
    await using reporting = await jinshui();
    const report = await on(reporting, '2023-04-03').reports.draft(Q1);
    expect(report).toMatchObject({
      id: REPORT.reportId,
      title: '项目实施情况报告（季度）',
      unitName: '金水区',
      definitionVersion: '1',
      period: { key: '2023-Q1', start: '2023-01-01', end: '2023-03-31' },
      status: 'draft',
      dueOn: '2023-04-10',
      corrections: [],
      timeliness: null,
      locked: false,
    });

    const coverage = await reporting.caller.rollups.coverage({ regionCode: '410105' });
    expect(report.figures.stations).toEqual({
      operating: coverage.operatingStations,
      byStatus: { operating: 2, planned: 1 },
      townships: coverage.townships,
      coveredTownships: 2,
    });

    const compliance = await reporting.caller.compliance.summary({ regionCode: '410105' });
    const empty = await reporting.caller.compliance.station({ stationId: 'st-fcl' });
    const failed = [...new Set(empty.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))];
    expect(failed.length).toBeGreaterThan(0);
    expect(report.figures.staffing).toEqual({
      stations: compliance.stations,
      compliant: 1,
      nonCompliant: 1,
      notEvaluated: compliance.notEvaluated,
      errorRules: Object.fromEntries(failed.sort().map((rule) => [rule, 1])),
    });

    // The quarter is the sum of its months in the rollups; April's record is not in it.
    const months = await Promise.all(
      ['2023-01', '2023-02', '2023-03'].map((period) =>
        reporting.caller.rollups.services({ regionCode: '410105', period, by: 'domain' }),
      ),
    );
    const sum = (pick: (m: (typeof months)[number]) => number) => months.reduce((n, m) => n + pick(m), 0);
    expect(report.figures.services).toMatchObject({
      records: 3,
      beneficiaries: sum((m) => m.totals.beneficiaries),
      hours: sum((m) => m.totals.hours),
      volunteers: sum((m) => m.totals.volunteers),
    });
    expect(report.figures.services).toMatchObject({ beneficiaries: 6, hours: 5.75, volunteers: 3 });
    for (const row of months.flatMap((m) => m.rows))
      expect(report.figures.services.byDomain).toHaveProperty([row.domain as string]);
    const byDomain = Object.values(report.figures.services.byDomain).reduce((n, c) => n + c.records, 0);
    expect(byDomain).toBe(sum((m) => m.rows.reduce((n, r) => n + r.records, 0)));
  });

  it("files an operator's monthly brief for its station's township, approved by the county [ZZ §5.4]", async () => {
    await using reporting = await jinshui();
    const brief = { definitionId: 'operator-monthly-brief', unitRegionCode: '410105001', period: '2023-02' };
    const draft = await on(reporting, '2023-03-02').reports.draft(brief);
    expect(draft).toMatchObject({
      id: '410105001-operator-monthly-brief-2023-02',
      title: '月度工作简报',
      unitName: '经八路街道',
      period: { key: '2023-02', start: '2023-02-01', end: '2023-02-28' },
      dueOn: '2023-03-05',
    });
    // Only the township's own station and its February record: r2 (r1 is in March, r3 another station).
    expect(draft.figures.stations.operating).toBe(1);
    expect(draft.figures.services).toMatchObject({
      records: 1,
      beneficiaries: 2,
      hours: 2.25,
      volunteers: 2,
    });
    const ref = { reportId: draft.id, unitRegionCode: '410105001' };
    expect(await on(reporting, '2023-03-05').reports.submit({ ...ref, by: 'op-hexie' })).toMatchObject({
      status: 'submitted',
      timeliness: { status: 'on-time', daysLate: 0 },
    });
    expect(await on(reporting, '2023-03-06').reports.approve({ ...ref, by: 'jinshui' })).toMatchObject({
      status: 'approved',
      locked: true,
    });
    // A brief is the operator's: a county unit is the wrong level for it, and a township owes no quarterly report.
    expect(
      await rejection(on(reporting, '2023-03-02').reports.draft({ ...brief, unitRegionCode: '410105' })),
    ).toMatchObject({
      code: 'REPORT_UNIT_MISMATCH',
      fields: ['unitRegionCode'],
    });
    expect(
      await rejection(on(reporting, '2023-04-03').reports.draft({ ...Q1, unitRegionCode: '410105001' })),
    ).toMatchObject({
      code: 'REPORT_UNIT_MISMATCH',
    });
  });

  it("files an operator's mid-term and final project reports by its station's contract year [ZZ §5.4]", async () => {
    await using reporting = await jinshui();
    await reporting.deliver(
      hubEvent(
        'contract.signed.v1',
        {
          contractId: 'C-jbl',
          countyCode: '410105',
          operatorId: 'op-hexie',
          stationIds: ['st-jbl'],
          signedOn: '2023-03-20',
          termStart: '2023-01-01',
          termEnd: '2025-12-31',
          amountFen: 60_000_000,
        },
        { source: 'funding', key: 'contract:C-jbl' },
      ),
    );
    const draft = on(reporting, '2023-07-10').reports.draft;
    const midTerm = await draft({
      definitionId: 'operator-mid-term-report',
      unitRegionCode: '410105001',
      period: 'mid-term:2023-01-01',
    });
    // The first half of the contract year: 2023-01-01 + ⌊364 / 2⌋ days; due 15 days after.
    expect(midTerm).toMatchObject({
      id: '410105001-operator-mid-term-report-mid-term:2023-01-01',
      title: '中期工作报告',
      period: { key: 'mid-term:2023-01-01', start: '2023-01-01', end: '2023-07-02' },
      dueOn: '2023-07-17',
    });
    // Its February and March records (r1, r2; r3 is another station's, r4 in April also counts).
    expect(midTerm.figures.services.records).toBe(3);
    const ref = { reportId: midTerm.id, unitRegionCode: '410105001' };
    expect(await on(reporting, '2023-07-17').reports.submit({ ...ref, by: 'op-hexie' })).toMatchObject({
      status: 'submitted',
      timeliness: { status: 'on-time', daysLate: 0 },
    });
    expect(await on(reporting, '2023-07-18').reports.approve({ ...ref, by: 'jinshui' })).toMatchObject({
      status: 'approved',
    });
    const final = await on(reporting, '2025-01-05').reports.draft({
      definitionId: 'operator-final-report',
      unitRegionCode: '410105001',
      period: 'final:2024-01-01',
    });
    expect(final.period).toEqual({ key: 'final:2024-01-01', start: '2024-01-01', end: '2024-12-31' });
    expect(final.dueOn).toBe('2025-01-15');

    const wrongDay = await rejection(
      draft({
        definitionId: 'operator-final-report',
        unitRegionCode: '410105001',
        period: 'final:2023-02-01',
      }),
    );
    expect(wrongDay).toMatchObject({ code: 'REPORT_PERIOD_INVALID', fields: ['period'] });
    expect(wrongDay.error.message).toContain('2023-01-01, 2024-01-01, 2025-01-01');
    expect(
      await rejection(
        draft({ definitionId: 'operator-final-report', unitRegionCode: '410105001', period: '2023-Q1' }),
      ),
    ).toMatchObject({ code: 'REPORT_PERIOD_INVALID', fields: ['period'] });
    // 丰产路街道's station has no contract: nothing to key a project report by.
    const none = await rejection(
      draft({
        definitionId: 'operator-final-report',
        unitRegionCode: '410105002',
        period: 'final:2023-01-01',
      }),
    );
    expect(none.error.message).toContain('reporting knows no contract there');
  });

  it('refuses a definition the unit does not owe, a unit of the wrong level and a malformed period', async () => {
    await using reporting = await jinshui();
    const draft = on(reporting, '2023-04-03').reports.draft;
    expect(await rejection(draft({ ...Q1, unitRegionCode: '410100' }))).toMatchObject({
      code: 'REPORT_UNIT_MISMATCH',
      fields: ['unitRegionCode'],
    });
    expect(await rejection(draft({ ...Q1, definitionId: 'no-such-report' }))).toMatchObject({
      code: 'REPORT_DEFINITION_NOT_FOUND',
      status: 404,
    });
    expect(await rejection(draft({ ...Q1, period: '2023-03' }))).toMatchObject({
      code: 'REPORT_PERIOD_INVALID',
      fields: ['period'],
    });
    expect(await rowCounts(reporting.db, ['reports'])).toEqual({ reports: 0 });
  });
});

describe('periodic reports: the approval chain', () => {
  it('draft → submit → return (with reason) → draft → submit → approve, each step with its event', async () => {
    await using reporting = await jinshui();
    await on(reporting, '2023-04-03').reports.draft({ ...Q1, narrative: '一季度运行平稳' });
    const submitted = await on(reporting, '2023-04-10').reports.submit({ ...REPORT, by: 'u-jinshui' });
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedOn: '2023-04-10',
      submittedBy: 'u-jinshui',
      timeliness: { status: 'on-time', daysLate: 0, firstSubmittedOn: '2023-04-10' },
    });

    // Only a submitted report is approved or returned, only a draft submitted.
    expect(await rejection(reporting.caller.reports.submit(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
      status: 409,
    });
    expect(await rejection(reporting.caller.reports.return({ ...REPORT, reason: ' ' }))).toMatchObject({
      fields: ['reason'],
    });

    const returned = await on(reporting, '2023-04-11').reports.return({
      ...REPORT,
      reason: '服务人次与台账不符，请核对',
      by: 'u-zhengzhou',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: '服务人次与台账不符，请核对',
      returnedBy: 'u-zhengzhou',
    });
    expect(await rejection(reporting.caller.reports.submit(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });
    expect(await rejection(reporting.caller.reports.approve(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });

    const redrafted = await on(reporting, '2023-04-12').reports.draft(Q1);
    expect(redrafted).toMatchObject({ status: 'draft', narrative: '一季度运行平稳' });
    const resubmitted = await on(reporting, '2023-04-12').reports.submit(REPORT);
    // Timeliness counts the first submission: the resubmission after a return does not make it late.
    expect(resubmitted.timeliness).toEqual({
      status: 'on-time',
      daysLate: 0,
      firstSubmittedOn: '2023-04-10',
    });
    const approved = await on(reporting, '2023-04-15').reports.approve({ ...REPORT, by: 'u-zhengzhou' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'u-zhengzhou', locked: true });

    expect(await rejection(reporting.caller.reports.approve(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });
    expect(
      await rejection(
        reporting.caller.reports.correct({ ...REPORT, path: 'services.records', value: 1, reason: 'x' }),
      ),
    ).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });
    expect(await rejection(reporting.caller.reports.draft(Q1))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });
    expect(await outboxTypes(reporting)).toEqual([
      'shegong.reports report.submitted.v1',
      'shegong.reports report.returned.v1',
      'shegong.reports report.submitted.v1',
      'shegong.reports report.approved.v1',
    ]);
    const approvedEvent = await reporting.db
      .selectFrom('outbox')
      .select(['key', 'payload'])
      .where('type', '=', 'report.approved.v1')
      .executeTakeFirstOrThrow();
    expect(approvedEvent.key).toBe(`report:${REPORT.reportId}`);
    expect(approvedEvent.payload).toMatchObject({
      source: 'reporting',
      data: { unitRegionCode: '410105', periodKey: '2023-Q1', approvedOn: '2023-04-15' },
    });

    const got = await reporting.caller.reports.get(REPORT);
    expect(got).toMatchObject({ status: 'approved', locked: true });
    // A report of another unit answers like a missing one.
    expect(
      await rejection(reporting.caller.reports.get({ ...REPORT, unitRegionCode: '410103' })),
    ).toMatchObject({
      code: 'REPORT_NOT_FOUND',
      status: 404,
    });
    expect(
      (await reporting.caller.reports.list({ regionCode: '410100', period: '2023-Q1' })).map((r) => r.id),
    ).toEqual([REPORT.reportId]);
    expect(await reporting.caller.reports.list({ regionCode: '410100', period: '2023-Q2' })).toEqual([]);

    // Up the chain: the province accepts (签收) what the city approved, once, with its event.
    expect(got).toMatchObject({ acceptedAt: null, acceptedBy: null });
    const accepted = await on(reporting, '2023-04-20').reports.accept({ ...REPORT, by: 'u-henan' });
    expect(accepted).toMatchObject({ status: 'approved', locked: true, acceptedBy: 'u-henan' });
    expect(Date.parse(accepted.acceptedAt ?? '')).not.toBeNaN();
    expect(await rejection(reporting.caller.reports.accept(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
      status: 409,
    });
    expect((await outboxTypes(reporting)).at(-1)).toBe('shegong.reports report.accepted.v1');
    // An unlock sends the report back; its acceptance goes with its approval.
    const unlocked = await on(reporting, '2023-04-21').reports.unlock({ ...REPORT, reason: '补录4月前记录' });
    expect(unlocked).toMatchObject({ status: 'returned', acceptedAt: null, acceptedBy: null });
    expect(await rejection(reporting.caller.reports.accept(REPORT))).toMatchObject({
      code: 'REPORT_STATUS_CONFLICT',
    });
    expect(await reporting.caller.reports.list({ regionCode: '410103' })).toEqual([]);
    expect((await reporting.caller.reports.list({ regionCode: '41', period: '2023' })).length).toBe(1);
  });

  it('a correction keeps the computed value beside it, with its reason', async () => {
    await using reporting = await jinshui();
    const draft = await on(reporting, '2023-04-03').reports.draft(Q1);
    const corrected = await reporting.caller.reports.correct({
      ...REPORT,
      path: 'services.beneficiaries',
      value: 8,
      reason: '两条入户记录未录入系统，见纸质台账',
      by: 'u-jinshui',
    });
    expect(corrected.figures.services.beneficiaries).toBe(draft.figures.services.beneficiaries);
    expect(corrected.reported.services.beneficiaries).toBe(8);
    expect(corrected.corrections).toEqual([
      {
        path: 'services.beneficiaries',
        computed: 6,
        value: 8,
        reason: '两条入户记录未录入系统，见纸质台账',
        by: 'u-jinshui',
        at: expect.any(String),
      },
    ]);
    // Correcting the same figure again replaces the correction; the computed value is still the hub's.
    const again = await reporting.caller.reports.correct({
      ...REPORT,
      path: 'services.beneficiaries',
      value: 7,
      reason: '复核',
    });
    expect(again.corrections).toMatchObject([{ computed: 6, value: 7, reason: '复核' }]);
    // A rule id holds dots of its own: the path still reaches its count.
    const [rule, stations] = Object.entries(draft.figures.staffing.errorRules)[0] ?? [];
    expect(rule).toContain('.');
    const byRule = await reporting.caller.reports.correct({
      ...REPORT,
      path: `staffing.errorRules.${rule}`,
      value: 0,
      reason: '该站已于4月初补齐驻站社工',
    });
    expect(byRule.reported.staffing.errorRules[rule as string]).toBe(0);
    expect(byRule.figures.staffing.errorRules[rule as string]).toBe(stations);
    expect(byRule.reported.services.beneficiaries).toBe(7);

    expect(
      await rejection(
        reporting.caller.reports.correct({ ...REPORT, path: 'services.hours', value: 1, reason: '' }),
      ),
    ).toMatchObject({ fields: ['reason'] });
    expect(
      await rejection(
        reporting.caller.reports.correct({ ...REPORT, path: 'asOf', value: 1, reason: '改日期' }),
      ),
    ).toMatchObject({ code: 'REPORT_FIGURE_NOT_FOUND', fields: ['path'] });
    expect(
      await rejection(
        reporting.caller.reports.correct({ ...REPORT, path: 'services.__proto__', value: 1, reason: 'x' }),
      ),
    ).toMatchObject({ code: 'REPORT_FIGURE_NOT_FOUND' });

    // A redraft refreshes the computed figures and keeps the corrections.
    const redrafted = await on(reporting, '2023-04-05').reports.draft(Q1);
    expect(redrafted.corrections.map((c) => c.path)).toEqual([
      'services.beneficiaries',
      `staffing.errorRules.${rule}`,
    ]);
    expect(redrafted.figures.asOf).toBe('2023-04-05');
  });
});

describe('periodic reports: the lock', () => {
  it('refuses an ingest into the approved unit × period and writes nothing; unlock lets it through', async () => {
    await using reporting = await jinshui();
    await on(reporting, '2023-04-03').reports.draft(Q1);
    await on(reporting, '2023-04-09').reports.submit(REPORT);
    await on(reporting, '2023-04-10').reports.approve(REPORT);

    const before = await rowCounts(reporting.db);
    const late = {
      idempotencyKey: 'late',
      records: [serviceRecord('r9'), serviceRecord('r10', { date: '2023-04-02' })],
    };
    const refused = await rejection(reporting.caller.serviceRecords.ingest(late));
    expect(refused).toMatchObject({ code: 'PERIOD_LOCKED', status: 400, fields: ['records[0].date'] });
    expect(refused.error.message).toMatch(/r9/);
    expect(refused.error.message).toMatch(/410105-county-quarterly-report-2023-Q1/);
    expect(refused.domain?.details).toMatchObject({
      rejected: [{ index: 0, id: 'r9', errors: [{ code: 'PERIOD_LOCKED', path: 'records[0].date' }] }],
    });
    expect(await rowCounts(reporting.db)).toEqual(before);

    // A station of another county, and the same county after the quarter, are not locked.
    await reporting.deliver(...stationOpened('st-hhl', { regionCode: '410103001' }));
    expect(
      await reporting.caller.serviceRecords.ingest({
        idempotencyKey: 'other',
        records: [
          serviceRecord('r11', { stationId: 'st-hhl' }),
          serviceRecord('r12', { date: '2023-04-02' }),
        ],
      }),
    ).toMatchObject({ accepted: 2, rejected: [] });
    // With partial: true the locked rows come back rejected and the others are stored.
    expect(
      await reporting.caller.serviceRecords.ingest({
        ...late,
        idempotencyKey: 'late-partial',
        partial: true,
      }),
    ).toMatchObject({ accepted: 1, rejected: [{ index: 0, id: 'r9', errors: [{ code: 'PERIOD_LOCKED' }] }] });

    const unlocked = await on(reporting, '2023-04-20').reports.unlock({
      ...REPORT,
      reason: '补报三月入户记录',
    });
    expect(unlocked).toMatchObject({ status: 'returned', locked: false, returnReason: '补报三月入户记录' });
    expect(
      await reporting.caller.serviceRecords.ingest({
        idempotencyKey: 'late-2',
        records: [serviceRecord('r9')],
      }),
    ).toMatchObject({
      accepted: 1,
    });
    const redrafted = await on(reporting, '2023-04-20').reports.draft(Q1);
    expect(redrafted.figures.services.records).toBe(4);
    await on(reporting, '2023-04-20').reports.submit(REPORT);
    await on(reporting, '2023-04-21').reports.approve(REPORT);
    expect(
      await rejection(
        reporting.caller.serviceRecords.ingest({ idempotencyKey: 'late-3', records: [serviceRecord('r13')] }),
      ),
    ).toMatchObject({ code: 'PERIOD_LOCKED' });
  });
});

describe('periodic reports: the lock and repeats within a batch', () => {
  it('refuses a repeat as a repeat whether the row it repeats was locked or refused, each row once, as the dry run does', async () => {
    await using reporting = await jinshui();
    await on(reporting, '2023-04-03').reports.draft(Q1);
    await on(reporting, '2023-04-09').reports.submit(REPORT);
    await on(reporting, '2023-04-10').reports.approve(REPORT);
    const april = { date: '2023-04-02' } as const;
    const summary = (result: { accepted: number; rejected: RejectedRecord[] }) => ({
      accepted: result.accepted,
      rejected: result.rejected.map((r) => [r.index, r.errors.map((e) => e.code)]),
    });
    const batches = [
      // the first r9 locked, the second (April) repeats it
      [serviceRecord('r9'), serviceRecord('r9', april)],
      // both locked, and a row refused besides
      [serviceRecord('q9'), serviceRecord('q9'), serviceRecord('zz', { itemRef: '9.9' })],
      // the first refused for its item, the second repeats it
      [
        serviceRecord('a', { ...april, itemRef: '9.9' }),
        serviceRecord('a', april),
        serviceRecord('b', april),
      ],
    ];
    const expected = [
      {
        accepted: 0,
        rejected: [
          [0, ['PERIOD_LOCKED']],
          [1, ['SERVICE_RECORD_DUPLICATE']],
        ],
      },
      {
        accepted: 0,
        rejected: [
          [0, ['PERIOD_LOCKED']],
          [1, ['SERVICE_RECORD_DUPLICATE']],
          [2, ['CATALOG_ITEM_NOT_FOUND']],
        ],
      },
      {
        accepted: 1,
        rejected: [
          [0, ['CATALOG_ITEM_NOT_FOUND']],
          [1, ['SERVICE_RECORD_DUPLICATE']],
        ],
      },
    ];
    for (const [b, records] of batches.entries()) {
      const request = { idempotencyKey: `rep-${b}`, partial: true, records };
      const dry = await reporting.caller.serviceRecords.ingest({ ...request, dryRun: true });
      const real = await reporting.caller.serviceRecords.ingest(request);
      expect({ b, real: summary(real) }).toEqual({ b, real: expected[b] });
      expect(summary(real)).toEqual(summary(dry));
      // the same request again: the first answer
      expect(await reporting.caller.serviceRecords.ingest(request)).toEqual(real);
    }
    const stored = await reporting.db.selectFrom('service_records').select('id').orderBy('id').execute();
    const ids = stored.map((r) => r.id);
    expect(ids).toContain('b');
    expect(ids.filter((id) => ['a', 'r9', 'q9', 'zz'].includes(id))).toEqual([]);
    // all-or-nothing: a repeat is a refusal of the rows, named before any lock
    const whole = await rejection(
      reporting.caller.serviceRecords.ingest({
        idempotencyKey: 'rep-whole',
        records: [serviceRecord('r9'), serviceRecord('x1', april), serviceRecord('x1', april)],
      }),
    );
    expect(whole).toMatchObject({ code: 'SERVICE_RECORDS_REJECTED', fields: ['records[2].id'] });
  });
});

describe('periodic reports: timeliness', () => {
  it('is on time on the due day and late from the next, as classifySubmission says', async () => {
    await using reporting = await jinshui();
    await on(reporting, '2023-04-03').reports.draft(Q1);
    const late = await on(reporting, '2023-04-13').reports.submit(REPORT);
    expect(late.dueOn).toBe('2023-04-10');
    expect(late.timeliness).toEqual({
      ...classifySubmission('2023-04-10', '2023-04-13'),
      firstSubmittedOn: '2023-04-13',
    });
    expect(late.timeliness).toMatchObject({ status: 'late', daysLate: 3 });
    const event = await reporting.db
      .selectFrom('outbox')
      .select('payload')
      .where('type', '=', 'report.submitted.v1')
      .executeTakeFirstOrThrow();
    expect((event.payload as { data: unknown }).data).toMatchObject({
      submittedOn: '2023-04-13',
      dueOn: '2023-04-10',
      timeliness: 'late',
      daysLate: 3,
    });

    const q2 = { ...Q1, period: '2023-Q2' };
    await on(reporting, '2023-07-01').reports.draft(q2);
    const onTime = await on(reporting, '2023-07-10').reports.submit({
      ...REPORT,
      reportId: '410105-county-quarterly-report-2023-Q2',
    });
    expect(onTime.timeliness).toEqual({
      ...classifySubmission('2023-07-10', '2023-07-10'),
      firstSubmittedOn: '2023-07-10',
    });
    expect(onTime.timeliness?.status).toBe('on-time');
  });
});
