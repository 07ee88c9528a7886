import { describe, expect, it } from 'vitest';
import { evaluateStation } from '../evaluate.ts';
import { getProfile } from '../profiles.ts';
import type { ResidentWorker } from '../schema.ts';
import { station, training, worker } from '../test-fixtures.ts';

const AS_OF = '2023-06-30';

function ruleFindings(ruleId: string, w: ResidentWorker, profile = 'ZZ', asOf = AS_OF, st = station()) {
  return evaluateStation(st, { workers: [w] }, getProfile(profile), asOf).filter((f) => f.ruleId === ruleId);
}

describe('staffing.age-at-appointment [ZZ §4.4: 45岁以下; PY §4.5: 不超过45周岁]', () => {
  it.each(['ZZ', 'PY'])('%s: 45 on the day of appointment passes (以下 / 不超过 include 45)', (profile) => {
    // born 1976-03-01 → turns 45 on 2021-03-01, the day of appointment
    expect(ruleFindings('staffing.age-at-appointment', worker({ birthDate: '1976-03-01' }), profile)).toEqual(
      [],
    );
  });
  it.each(['ZZ', 'PY'])(
    '%s: the day before the 46th birthday passes, the birthday itself fails',
    (profile) => {
      expect(
        ruleFindings('staffing.age-at-appointment', worker({ birthDate: '1975-03-02' }), profile),
      ).toEqual([]);
      const failing = ruleFindings(
        'staffing.age-at-appointment',
        worker({ birthDate: '1975-03-01' }),
        profile,
      );
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatchObject({ severity: 'error', facts: { ageAtAppointment: 46, limit: 45 } });
    },
  );
  it('uses the age at appointment, not today', () => {
    expect(
      ruleFindings('staffing.age-at-appointment', worker({ birthDate: '1976-03-01' }), 'ZZ', '2030-01-01'),
    ).toEqual([]);
  });
  it('is not a Wuhan rule', () => {
    expect(
      ruleFindings(
        'staffing.age-at-appointment',
        worker({ birthDate: '1960-01-01' }),
        'WH',
        AS_OF,
        station({ regionCode: '420102' }),
      ),
    ).toEqual([]);
  });
});

describe('staffing.education [ZZ §4.4, PY §4.5: 大专及以上]', () => {
  it('accepts 大专 and flags 中专', () => {
    expect(ruleFindings('staffing.education', worker({ education: 'associate' }))).toEqual([]);
    expect(
      ruleFindings('staffing.education', worker({ education: 'secondary-vocational' }))[0],
    ).toMatchObject({
      facts: { education: 'secondary-vocational', minimum: 'associate' },
    });
  });
});

describe('staffing.qualification-phase-in [ZZ §4.4, PY §4.5]', () => {
  const unqualified = worker({
    socialWorkMajor: false,
    trainings: [training({ kind: 'pre-job', passed: true, date: '2021-02-25' })],
  });
  // project started 2021-03-01 → deadline 2023-03-01 [CIVIL art. 202]
  it('is an error the day after the 2-year deadline, not on it', () => {
    expect(
      ruleFindings('staffing.qualification-phase-in', unqualified, 'ZZ', '2023-03-01')[0]?.severity,
    ).toBe('warning');
    expect(ruleFindings('staffing.qualification-phase-in', unqualified, 'ZZ', '2023-03-02')[0]).toMatchObject(
      {
        severity: 'error',
        facts: { deadline: '2023-03-01' },
      },
    );
  });
  it('is info long before the deadline and a warning within 180 days', () => {
    expect(
      ruleFindings('staffing.qualification-phase-in', unqualified, 'ZZ', '2022-01-01')[0]?.severity,
    ).toBe('info');
    expect(
      ruleFindings('staffing.qualification-phase-in', unqualified, 'ZZ', '2022-09-02')[0]?.severity,
    ).toBe('warning');
  });
  it('counts 60 qualifying training hours as qualification (满60学时), 59 not', () => {
    const hours = (n: number, provider = { kind: 'civil-affairs' as const, level: 'county' as const }) =>
      worker({ socialWorkMajor: false, trainings: [training({ hours: n, date: '2022-05-01', provider })] });
    expect(ruleFindings('staffing.qualification-phase-in', hours(60), 'ZZ', '2023-06-30')).toEqual([]);
    expect(
      ruleFindings('staffing.qualification-phase-in', hours(59), 'ZZ', '2023-06-30')[0]?.facts,
    ).toMatchObject({
      trainingHours: 59,
      requiredTrainingHours: 60,
    });
  });
  it('does not count training by a township office or by the operator itself', () => {
    const township = worker({
      socialWorkMajor: false,
      trainings: [
        training({ hours: 80, date: '2022-05-01', provider: { kind: 'civil-affairs', level: 'township' } }),
      ],
    });
    const inHouse = worker({
      socialWorkMajor: false,
      trainings: [training({ hours: 80, date: '2022-05-01', provider: { kind: 'operator' } })],
    });
    expect(ruleFindings('staffing.qualification-phase-in', township)[0]?.severity).toBe('error');
    expect(ruleFindings('staffing.qualification-phase-in', inHouse)[0]?.severity).toBe('error');
  });
  it('accepts a national certificate obtained before the deadline', () => {
    const certified = worker({
      socialWorkMajor: false,
      certificate: { level: 'assistant', passedOn: '2022-06-20', registrations: ['2022-09-01'] },
    });
    expect(ruleFindings('staffing.qualification-phase-in', certified)).toEqual([]);
  });
  it('notes (info) a worker who qualified after the deadline', () => {
    const late = worker({
      socialWorkMajor: false,
      certificate: { level: 'assistant', passedOn: '2023-05-20', registrations: ['2023-06-01'] },
    });
    expect(ruleFindings('staffing.qualification-phase-in', late)[0]).toMatchObject({
      severity: 'info',
      facts: { qualifiedSince: '2023-05-20' },
    });
  });
  it('requires a worker appointed after the deadline to be qualified on appointment', () => {
    const newcomer = worker({ socialWorkMajor: false, appointedOn: '2023-05-01', trainings: [] });
    expect(ruleFindings('staffing.qualification-phase-in', newcomer)[0]).toMatchObject({
      severity: 'error',
      facts: { deadline: '2023-05-01' },
    });
  });
});

describe('staffing.qualification-at-appointment [PY §4.5]', () => {
  const py = station({ regionCode: '410928' });
  it('warns in Puyang when a worker was not qualified when appointed', () => {
    const w = worker({ socialWorkMajor: false, trainings: [] });
    expect(ruleFindings('staffing.qualification-at-appointment', w, 'PY', AS_OF, py)[0]?.severity).toBe(
      'warning',
    );
    expect(ruleFindings('staffing.qualification-at-appointment', worker(), 'PY', AS_OF, py)).toEqual([]);
  });
  it('is not a Zhengzhou rule (qualification only preferred there)', () => {
    expect(
      ruleFindings(
        'staffing.qualification-at-appointment',
        worker({ socialWorkMajor: false, trainings: [] }),
      ),
    ).toEqual([]);
  });
});

describe('staffing.continuing-education [ZZ §6.5, PY §6.4, ZT §7]', () => {
  const withYear = (hours2022: number) =>
    worker({
      trainings: [
        training({ date: '2021-02-25', hours: 24, kind: 'pre-job', passed: true }),
        training({ date: '2022-01-01', hours: hours2022 - 10, kind: 'continuing' }),
        training({ date: '2022-12-31', hours: 10, kind: 'continuing' }),
        training({ date: '2023-01-01', hours: 100, kind: 'continuing' }),
      ],
    });
  it('accepts exactly 60 hours in a calendar year (不少于 includes 60) and flags 59', () => {
    expect(ruleFindings('staffing.continuing-education', withYear(60))).toEqual([]);
    expect(ruleFindings('staffing.continuing-education', withYear(59))[0]).toMatchObject({
      facts: { year: 2022, hours: 59, required: 60 },
    });
  });
  it('checks only calendar years the worker spent entirely in post, and only completed ones', () => {
    // appointed 2021-03-01: 2021 is not a full year; 2023 is not over on 2023-06-30
    expect(ruleFindings('staffing.continuing-education', withYear(60)).map((f) => f.facts.year)).toEqual([]);
    const appointedJan1 = worker({
      appointedOn: '2022-01-01',
      trainings: [training({ date: '2021-12-01', kind: 'pre-job', passed: true })],
    });
    expect(ruleFindings('staffing.continuing-education', appointedJan1).map((f) => f.facts.year)).toEqual([
      2022,
    ]);
  });
});

describe('staffing.pre-job-training [ZZ §4.4]', () => {
  it('accepts passing on the day of appointment, flags passing later or not at all', () => {
    const onDay = worker({ trainings: [training({ kind: 'pre-job', passed: true, date: '2021-03-01' })] });
    const after = worker({ trainings: [training({ kind: 'pre-job', passed: true, date: '2021-03-02' })] });
    const failed = worker({ trainings: [training({ kind: 'pre-job', passed: false, date: '2021-02-01' })] });
    expect(ruleFindings('staffing.pre-job-training', onDay, 'ZZ', '2021-06-01')).toEqual([]);
    expect(ruleFindings('staffing.pre-job-training', after, 'ZZ', '2021-06-01')[0]?.facts).toMatchObject({
      passedOn: '2021-03-02',
    });
    expect(ruleFindings('staffing.pre-job-training', failed, 'ZZ', '2021-06-01')[0]?.facts).toMatchObject({
      passedOn: null,
    });
  });
});

describe('staffing.certified-with-experience [WH §2.2]', () => {
  const wh = station({ regionCode: '420102' });
  const cert = { level: 'assistant' as const, passedOn: '2019-06-01', registrations: ['2019-08-01'] };
  it('accepts a certificate and exactly 3 years of experience (三年以上 includes 3)', () => {
    expect(
      ruleFindings(
        'staffing.certified-with-experience',
        worker({ certificate: cert, relatedExperienceSince: '2018-03-01' }),
        'WH',
        AS_OF,
        wh,
      ),
    ).toEqual([]);
  });
  it('warns (原则上) a day short of 3 years, or without a certificate', () => {
    const short = ruleFindings(
      'staffing.certified-with-experience',
      worker({ certificate: cert, relatedExperienceSince: '2018-03-02' }),
      'WH',
      AS_OF,
      wh,
    );
    expect(short[0]).toMatchObject({ severity: 'warning', facts: { experienceYears: 2, certified: true } });
    const noCert = ruleFindings(
      'staffing.certified-with-experience',
      worker({ relatedExperienceSince: '2010-01-01' }),
      'WH',
      AS_OF,
      wh,
    );
    expect(noCert[0]?.facts).toMatchObject({ certified: false });
  });
});

describe('staffing.local-hukou-preferred [ZZ §4.4]', () => {
  it('is info only, and only when the worker is known not to be local', () => {
    expect(ruleFindings('staffing.local-hukou-preferred', worker({ localHukou: false }))[0]?.severity).toBe(
      'info',
    );
    expect(ruleFindings('staffing.local-hukou-preferred', worker({ localHukou: undefined }))).toEqual([]);
  });
});

describe('staffing.post-level-certificate [ZT §6]', () => {
  const cert = (level: 'assistant' | 'intermediate' | 'senior') => ({
    level,
    passedOn: '2019-06-01',
    registrations: ['2019-08-01'],
  });
  it('requires the intermediate certificate for posts 8–10 and the senior one for 5–7', () => {
    expect(
      ruleFindings(
        'staffing.post-level-certificate',
        worker({ postLevel: 10, certificate: cert('intermediate') }),
      ),
    ).toEqual([]);
    expect(
      ruleFindings(
        'staffing.post-level-certificate',
        worker({ postLevel: 10, certificate: cert('assistant') }),
      )[0]?.facts,
    ).toMatchObject({
      required: 'intermediate',
      held: 'assistant',
    });
    expect(
      ruleFindings(
        'staffing.post-level-certificate',
        worker({ postLevel: 7, certificate: cert('intermediate') }),
      ),
    ).toHaveLength(1);
    expect(
      ruleFindings('staffing.post-level-certificate', worker({ postLevel: 13, certificate: cert('senior') })),
    ).toEqual([]);
  });
});
