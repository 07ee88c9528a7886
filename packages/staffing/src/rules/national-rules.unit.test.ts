import { describe, expect, it } from 'vitest';
import { evaluateStation } from '../evaluate.ts';
import { getProfile } from '../profiles.ts';
import type { Certificate } from '../schema.ts';
import { station, training, worker } from '../test-fixtures.ts';

function national(ruleId: string, certificate: Certificate, asOf: string, trainings = worker().trainings) {
  return evaluateStation(
    station(),
    { workers: [worker({ certificate, trainings })] },
    getProfile('ZZ'),
    asOf,
  ).filter((f) => f.ruleId === ruleId);
}

describe('national.certificate-registration [SWREG: within 1 year]', () => {
  const passed = { level: 'assistant' as const, passedOn: '2021-06-20' };
  it('accepts registration on the anniversary, notes a day later', () => {
    expect(
      national(
        'national.certificate-registration',
        { ...passed, registrations: ['2022-06-20'] },
        '2023-01-01',
      ),
    ).toEqual([]);
    expect(
      national(
        'national.certificate-registration',
        { ...passed, registrations: ['2022-06-21'] },
        '2023-01-01',
      )[0]?.severity,
    ).toBe('info');
  });
  it('warns once the year has passed without registration, not before', () => {
    expect(
      national('national.certificate-registration', { ...passed, registrations: [] }, '2022-06-20'),
    ).toEqual([]);
    expect(
      national('national.certificate-registration', { ...passed, registrations: [] }, '2022-06-21')[0],
    ).toMatchObject({
      severity: 'warning',
      citation: 'SWREG',
      facts: { deadline: '2022-06-20' },
    });
  });
});

describe('national.registration-validity [SWREG: 3 years]', () => {
  const cert: Certificate = { level: 'assistant', passedOn: '2019-06-20', registrations: ['2019-08-01'] };
  it('is valid through the third anniversary and expired the day after', () => {
    expect(national('national.registration-validity', cert, '2022-08-01')).toEqual([]);
    expect(national('national.registration-validity', cert, '2022-08-02')[0]?.facts).toMatchObject({
      validUntil: '2022-08-01',
    });
  });
  it('uses the latest registration', () => {
    expect(
      national(
        'national.registration-validity',
        { ...cert, registrations: ['2022-07-30', '2019-08-01'] },
        '2023-01-01',
      ),
    ).toEqual([]);
  });
});

describe('national.registration-continuing-education [SWCE: 72 / 90 hours per registration]', () => {
  const inPeriod = (hours: number) => [
    training({ date: '2021-02-25', kind: 'pre-job', passed: true, hours: 1 }),
    training({ date: '2021-12-01', kind: 'continuing', hours: hours - 1 }),
  ];
  const assistant: Certificate = {
    level: 'assistant',
    passedOn: '2020-06-20',
    registrations: ['2020-08-01', '2023-08-01'],
  };
  it('accepts 72 hours for an assistant and flags 71', () => {
    expect(
      national('national.registration-continuing-education', assistant, '2023-09-01', inPeriod(72)),
    ).toEqual([]);
    expect(
      national('national.registration-continuing-education', assistant, '2023-09-01', inPeriod(71))[0]?.facts,
    ).toMatchObject({
      hours: 71,
      required: 72,
    });
  });
  it('asks 90 hours of a social worker (intermediate)', () => {
    expect(
      national(
        'national.registration-continuing-education',
        { ...assistant, level: 'intermediate' },
        '2023-09-01',
        inPeriod(89),
      )[0]?.facts,
    ).toMatchObject({
      required: 90,
    });
  });
  it('does not judge a period that has not ended', () => {
    expect(
      national('national.registration-continuing-education', assistant, '2023-08-01', inPeriod(0.5 + 1)),
    ).toEqual([]);
  });
});
