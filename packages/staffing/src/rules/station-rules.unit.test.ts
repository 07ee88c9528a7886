import type { Finding } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { evaluateStation } from '../evaluate.ts';
import { getProfile } from '../profiles.ts';
import type { StaffChange, Supervisor } from '../schema.ts';
import { station, worker, ZZ_TOWNSHIP } from '../test-fixtures.ts';

const AS_OF = '2023-06-30';
const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);
const lead = worker({ id: 'lead', role: 'lead' });
const second = worker({ id: 'w-2' });
const supervisor: Supervisor = {
  id: 'sv-1',
  stationId: 'st-1',
  assignedOn: '2021-03-01',
  agreementSignedOn: '2021-03-01',
};

describe('staffing.min-residents [ZZ §4.4, PY §4.5, WH §2.2]', () => {
  const rule = (f: Finding[]) => f.filter((x) => x.ruleId === 'staffing.min-residents');

  it('accepts exactly 2 in Zhengzhou and flags 1', () => {
    expect(
      rule(
        evaluateStation(
          station(),
          { workers: [lead, second], supervisors: [supervisor] },
          getProfile('ZZ'),
          AS_OF,
        ),
      ),
    ).toEqual([]);
    const one = rule(
      evaluateStation(station(), { workers: [lead], supervisors: [supervisor] }, getProfile('ZZ'), AS_OF),
    );
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      severity: 'error',
      citation: 'ZZ §4.4',
      facts: { inPost: 1, required: 2 },
    });
  });

  it('does not count a worker who left on or before the day, nor one not yet appointed', () => {
    const left = worker({ id: 'w-2', leftOn: AS_OF });
    const future = worker({ id: 'w-3', appointedOn: '2023-07-01' });
    const stillThere = worker({ id: 'w-4', leftOn: '2023-07-01' });
    expect(
      rule(evaluateStation(station(), { workers: [lead, left, future] }, getProfile('ZZ'), AS_OF))[0]?.facts,
    ).toMatchObject({ inPost: 1 });
    expect(
      rule(evaluateStation(station(), { workers: [lead, stillThere] }, getProfile('ZZ'), AS_OF)),
    ).toEqual([]);
  });

  it('requires 3 full-time workers in a Wuhan central urban district and 2 in a new urban district', () => {
    const central = station({ regionCode: '420102' }); // 江岸区
    const fresh = station({ regionCode: '420117' }); // 新洲区
    const two = [worker({ id: 'a' }), worker({ id: 'b' })];
    const centralFindings = rule(evaluateStation(central, { workers: two }, getProfile('WH'), AS_OF));
    expect(centralFindings[0]).toMatchObject({
      citation: 'WH §2.2',
      facts: { required: 3, category: 'wh.central-urban' },
    });
    expect(
      rule(evaluateStation(central, { workers: [...two, worker({ id: 'c' })] }, getProfile('WH'), AS_OF)),
    ).toEqual([]);
    expect(rule(evaluateStation(fresh, { workers: two }, getProfile('WH'), AS_OF))).toEqual([]);
  });

  it('counts only full-time workers in Wuhan', () => {
    const central = station({ regionCode: '420102' });
    const workers = [worker({ id: 'a' }), worker({ id: 'b' }), worker({ id: 'c', fullTime: false })];
    expect(rule(evaluateStation(central, { workers }, getProfile('WH'), AS_OF))[0]?.facts).toMatchObject({
      inPost: 2,
    });
  });
});

describe('staffing.lead-qualified [ZZ §4.4, PY §4.5]', () => {
  it('flags a station without a lead, and an unqualified lead', () => {
    const noLead = evaluateStation(
      station(),
      { workers: [second, worker({ id: 'w-3' })], supervisors: [supervisor] },
      getProfile('ZZ'),
      AS_OF,
    );
    expect(noLead.find((f) => f.ruleId === 'staffing.lead-qualified')?.facts).toMatchObject({
      leadsInPost: 0,
    });
    const unqualified = worker({ id: 'lead', role: 'lead', socialWorkMajor: false, trainings: [] });
    const findings = evaluateStation(
      station(),
      { workers: [unqualified, second], supervisors: [supervisor] },
      getProfile('ZZ'),
      AS_OF,
    );
    expect(findings.find((f) => f.ruleId === 'staffing.lead-qualified')).toMatchObject({
      severity: 'error',
      facts: { leadId: 'lead' },
    });
  });
  it('accepts a qualified lead', () => {
    expect(
      ids(
        evaluateStation(
          station(),
          { workers: [lead, second], supervisors: [supervisor] },
          getProfile('ZZ'),
          AS_OF,
        ),
      ),
    ).not.toContain('staffing.lead-qualified');
  });
});

describe('staffing.supervisor-assigned [ZZ §5.7]', () => {
  it('flags a Zhengzhou station without an active supervisor', () => {
    const ended = { ...supervisor, endedOn: AS_OF };
    const findings = evaluateStation(
      station(),
      { workers: [lead, second], supervisors: [ended] },
      getProfile('ZZ'),
      AS_OF,
    );
    expect(findings.find((f) => f.ruleId === 'staffing.supervisor-assigned')).toMatchObject({
      severity: 'error',
      citation: 'ZZ §5.7',
    });
  });
  it('flags a supervisor with no signed agreement', () => {
    const { agreementSignedOn: _, ...unsigned } = supervisor;
    const findings = evaluateStation(
      station(),
      { workers: [lead, second], supervisors: [unsigned] },
      getProfile('ZZ'),
      AS_OF,
    );
    expect(findings.find((f) => f.ruleId === 'staffing.supervisor-agreement')?.subject).toEqual({
      kind: 'supervisor',
      id: 'sv-1',
      stationId: 'st-1',
    });
  });
  it('is not a Puyang rule', () => {
    expect(
      ids(
        evaluateStation(
          station({ regionCode: '410928' }),
          { workers: [lead, second] },
          getProfile('PY'),
          AS_OF,
        ),
      ),
    ).not.toContain('staffing.supervisor-assigned');
  });
});

describe('staffing.supervisor-experience [WH §3.5]', () => {
  const central = station({ regionCode: '420102' });
  const check = (socialWorkSince: string | undefined) =>
    evaluateStation(
      central,
      {
        workers: [],
        supervisors: [
          { ...supervisor, assignedOn: '2022-03-01', ...(socialWorkSince ? { socialWorkSince } : {}) },
        ],
      },
      getProfile('WH'),
      AS_OF,
    ).filter((f) => f.ruleId === 'staffing.supervisor-experience');
  it('accepts exactly 3 years (3年以上 includes 3) and flags a day short', () => {
    expect(check('2019-03-01')).toEqual([]);
    expect(check('2019-03-02')[0]).toMatchObject({ facts: { experienceYears: 2, required: 3 } });
  });
  it('flags a supervisor with no recorded experience', () => {
    expect(check(undefined)[0]?.facts).toMatchObject({ experienceYears: null });
  });
});

describe('staffing.staff-change-filing [ZZ §4.4]', () => {
  const change = (filedOn?: string): StaffChange => ({
    stationId: 'st-1',
    workerId: 'w-2',
    kind: 'leave',
    effectiveOn: '2023-05-01',
    ...(filedOn ? { filedOn } : {}),
  });
  const check = (c: StaffChange) =>
    evaluateStation(
      station(),
      { workers: [lead, second], supervisors: [supervisor], staffChanges: [c] },
      getProfile('ZZ'),
      AS_OF,
    ).filter((f) => f.ruleId === 'staffing.staff-change-filing');
  it('accepts a filing the day before, flags one on the day and one never made', () => {
    expect(check(change('2023-04-30'))).toEqual([]);
    expect(check(change('2023-05-01'))).toHaveLength(1);
    expect(check(change())[0]?.message.en).toContain('never filed');
  });
});

it('uses a township of 郑东新区 under the same Zhengzhou minimum [ZZ §4.4]', () => {
  expect(ZZ_TOWNSHIP).toHaveLength(9);
  const zhengdong = station({ regionCode: '410104570' }); // 商都路街道, administered by 郑东新区
  const findings = evaluateStation(zhengdong, { workers: [lead] }, getProfile('ZZ'), AS_OF);
  expect(findings.find((f) => f.ruleId === 'staffing.min-residents')?.facts).toMatchObject({
    category: 'zz.advanced-area',
    required: 2,
  });
});
