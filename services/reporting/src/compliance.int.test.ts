import { describe, expect, it } from 'vitest';
import {
  rejection,
  residentWorker,
  staffedStation,
  startReporting,
  stationOpened,
  stationRegistered,
  supervisor,
  supervisorUpserted,
  workerUpserted,
} from './test-harness.ts';

describe('staffing compliance kept current by staff events', () => {
  it('a Zhengzhou station with a qualified lead and a qualified resident is compliant', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...staffedStation('st-jbl'));
    expect(await reporting.caller.compliance.station({ stationId: 'st-jbl' })).toEqual({
      stationId: 'st-jbl',
      asOf: '2023-06-30',
      profile: 'ZZ',
      compliant: true,
      counts: { error: 0, warning: 0, info: 0 },
      findings: [],
    });
  });

  it('flips to non-compliant when a worker still lacks the qualification after the 2-year phase-in', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...staffedStation('st-jbl'));
    // the registry corrects the record: w2 never graduated in social work and holds no certificate
    await reporting.deliver(
      workerUpserted(
        residentWorker('st-jbl-w2', 'st-jbl', { socialWorkMajor: false, graduatedOn: undefined }),
      ),
    );
    const verdict = await reporting.caller.compliance.station({ stationId: 'st-jbl' });
    expect(verdict).toMatchObject({ compliant: false, counts: { error: 1 } });
    expect(verdict.findings).toMatchObject([
      {
        ruleId: 'staffing.qualification-phase-in',
        severity: 'error',
        citation: 'ZZ §4.4',
        subject: { kind: 'worker', id: 'st-jbl-w2' },
      },
    ]);

    // and back once the worker has the certificate
    await reporting.deliver(
      workerUpserted(
        residentWorker('st-jbl-w2', 'st-jbl', {
          socialWorkMajor: false,
          certificate: { level: 'assistant', passedOn: '2022-06-20', registrations: ['2022-08-01'] },
        }),
      ),
    );
    expect(await reporting.caller.compliance.station({ stationId: 'st-jbl' })).toMatchObject({
      compliant: true,
    });
  });

  it('a worker moving station re-evaluates both: the one left short-handed and the one joined', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...staffedStation('st-a', '410105001'), ...staffedStation('st-b', '410105002'));
    await reporting.deliver(workerUpserted(residentWorker('st-a-w2', 'st-b')));

    const left = await reporting.caller.compliance.station({ stationId: 'st-a' });
    expect(left).toMatchObject({ compliant: false, counts: { error: 1 } });
    expect(left.findings).toMatchObject([
      {
        ruleId: 'staffing.min-residents',
        severity: 'error',
        citation: 'ZZ §4.4',
        facts: { inPost: 1, required: 2 },
      },
    ]);
    const joined = await reporting.caller.compliance.station({ stationId: 'st-b' });
    expect(joined).toMatchObject({ compliant: true, findings: [] });
    const workers = await reporting.db
      .selectFrom('workers')
      .select(['id', 'station_id'])
      .orderBy('id')
      .execute();
    expect(workers.filter((w) => w.station_id === 'st-b').map((w) => w.id)).toEqual([
      'st-a-w2',
      'st-b-lead',
      'st-b-w2',
    ]);
  });

  it('summarises operating stations of a region, compliant or not, per child region', async () => {
    await using reporting = await startReporting();
    await reporting.deliver(...staffedStation('st-a', '410105001'), ...staffedStation('st-b', '410103001'));
    // st-c: opened, no staff at all
    await reporting.deliver(...stationOpened('st-c', { regionCode: '410103003' }));
    // st-d: registered only (planned): not counted
    await reporting.deliver(stationRegistered('st-d', { regionCode: '410103004' }));
    // outside any staffing profile: operating, not evaluated
    await reporting.deliver(...stationOpened('st-bj', { regionCode: '110101001' }));

    const zz = await reporting.caller.compliance.summary({ regionCode: '410100' });
    expect(zz).toMatchObject({
      regionCode: '410100',
      name: '郑州市',
      stations: 3,
      compliant: 2,
      nonCompliant: 1,
    });
    expect(zz.children).toEqual([
      { regionCode: '410103', name: '二七区', stations: 2, compliant: 1, nonCompliant: 1, notEvaluated: 0 },
      { regionCode: '410105', name: '金水区', stations: 1, compliant: 1, nonCompliant: 0, notEvaluated: 0 },
    ]);
    expect(await reporting.caller.compliance.station({ stationId: 'st-bj' })).toMatchObject({
      profile: null,
      compliant: null,
    });
    expect(await reporting.caller.compliance.summary({ regionCode: '11' })).toMatchObject({
      stations: 1,
      notEvaluated: 1,
    });
  });

  it('the nightly re-evaluation catches a deadline that passed without any event', async () => {
    await using reporting = await startReporting();
    // w2 is not qualified yet, but the 2-year deadline (2023-03-01) is still ahead when the events arrive
    const early = { occurredAt: '2022-06-30T09:00:00+08:00' };
    await reporting.deliver(
      ...staffedStation('st-jbl').slice(0, 4),
      workerUpserted(
        residentWorker('st-jbl-w2', 'st-jbl', { socialWorkMajor: false, graduatedOn: undefined }),
        early,
      ),
    );
    const before = await reporting.caller.compliance.station({ stationId: 'st-jbl' });
    expect(before).toMatchObject({ asOf: '2022-06-30', compliant: true });
    expect(before.findings.map((f) => `${f.severity} ${f.ruleId}`)).toContain(
      'info staffing.qualification-phase-in',
    );

    expect(
      await reporting.caller.compliance.reevaluate({ regionCode: '410105', asOf: '2023-06-30' }),
    ).toEqual({
      regionCode: '410105',
      asOf: '2023-06-30',
      stations: 1,
      compliant: 0,
      nonCompliant: 1,
    });
    expect(await reporting.caller.compliance.station({ stationId: 'st-jbl' })).toMatchObject({
      asOf: '2023-06-30',
      compliant: false,
      findings: [{ ruleId: 'staffing.qualification-phase-in', severity: 'error' }],
    });
  });

  it('judges staffing on the day in China the event happened, not the UTC day the producer wrote', async () => {
    await using reporting = await startReporting();
    // 2023-03-02 07:30 in Beijing: the day after the 2-year deadline (2023-03-01) for an unqualified worker
    const morning = { occurredAt: '2023-03-01T23:30:00.000Z' };
    await reporting.deliver(
      stationRegistered('st-jbl', { status: 'operating', projectStartOn: '2021-03-01' }, morning),
      supervisorUpserted(supervisor('sv', 'st-jbl'), morning),
      workerUpserted(residentWorker('lead', 'st-jbl', { role: 'lead' }), morning),
      workerUpserted(
        residentWorker('w2', 'st-jbl', { socialWorkMajor: false, graduatedOn: undefined }),
        morning,
      ),
    );
    expect(await reporting.caller.compliance.station({ stationId: 'st-jbl' })).toMatchObject({
      asOf: '2023-03-02',
      compliant: false,
      findings: [{ ruleId: 'staffing.qualification-phase-in', severity: 'error' }],
    });
    const station = await reporting.db
      .selectFrom('stations')
      .select(['opened_on', 'registered_on'])
      .where('id', '=', 'st-jbl')
      .executeTakeFirst();
    expect(station).toEqual({ opened_on: '2023-03-02', registered_on: '2023-03-02' });
  });

  it('answers 404 on the stationId field for a station reporting has not seen registered', async () => {
    await using reporting = await startReporting();
    // staff first: stored, not evaluated until the registration arrives
    await reporting.deliver(workerUpserted(residentWorker('w', 'st-late')));
    const missing = await rejection(reporting.caller.compliance.station({ stationId: 'st-late' }));
    expect(missing).toMatchObject({ status: 404, code: 'STATION_NOT_FOUND', fields: ['stationId'] });
    await reporting.deliver(stationRegistered('st-late', { projectStartOn: '2021-03-01' }));
    expect(await reporting.caller.compliance.station({ stationId: 'st-late' })).toMatchObject({
      profile: 'ZZ',
      compliant: false,
    });
  });
});
