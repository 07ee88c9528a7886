import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStaffing, evaluateStation } from './evaluate.ts';
import { getProfile } from './profiles.ts';
import { type ResidentWorkerInput, ResidentWorkerSchema } from './schema.ts';
import { station, worker } from './test-fixtures.ts';

const supervisor = { id: 'sv', stationId: 'st-1', assignedOn: '2021-03-01', agreementSignedOn: '2021-03-01' };

describe('evaluateStaffing', () => {
  it('evaluates each station under its region profile and summarises', () => {
    const report = evaluateStaffing(
      {
        stations: [station(), station({ id: 'st-wh', regionCode: '420102' })],
        workers: [worker({ role: 'lead' }), worker({ id: 'w-2' }), worker({ id: 'w-3', stationId: 'st-wh' })],
        supervisors: [supervisor],
      },
      { asOf: '2023-06-30' },
    );
    expect(report.profiles).toEqual({ 'st-1': 'ZZ', 'st-wh': 'WH' });
    expect(report.findings.filter((f) => f.subject.kind === 'station' && f.subject.id === 'st-1')).toEqual(
      [],
    );
    expect(report.findings.find((f) => f.ruleId === 'staffing.min-residents')?.subject).toEqual({
      kind: 'station',
      id: 'st-wh',
    });
    expect(report.summary.error).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it("applies another profile as a what-if (Wuhan's rule to a Zhengzhou station)", () => {
    const input = {
      stations: [station({ regionCode: '420102' })],
      workers: [worker({ role: 'lead' }), worker({ id: 'w-2' })],
      supervisors: [supervisor],
    };
    expect(evaluateStaffing(input, { asOf: '2023-06-30', profile: 'ZZ' }).findings).toEqual([]);
    expect(
      evaluateStaffing(input, { asOf: '2023-06-30', profile: 'WH' }).findings.map((f) => f.ruleId),
    ).toContain('staffing.min-residents');
  });

  it('names the row of a worker whose station is unknown', () => {
    expect(() =>
      evaluateStaffing(
        { stations: [station()], workers: [worker({ stationId: 'nope' })] },
        { asOf: '2023-06-30' },
      ),
    ).toThrow(/workers\[0\] names station "nope"/);
  });

  it('reports progress per station', () => {
    const seen: number[] = [];
    evaluateStaffing(
      { stations: [station(), station({ id: 'b' })], workers: [] },
      { asOf: '2023-06-30', onProgress: (done) => seen.push(done) },
    );
    expect(seen).toEqual([1, 2]);
  });
});

/** Arbitrary workers: any birth date, education, qualification route and training history. */
const arbitraryWorker = (id: string) =>
  fc
    .record({
      birthYear: fc.integer({ min: 1960, max: 2003 }),
      education: fc.constantFrom('high-school', 'secondary-vocational', 'associate', 'bachelor', 'master'),
      socialWorkMajor: fc.boolean(),
      preJob: fc.boolean(),
      hours: fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 6 }),
      role: fc.constantFrom('lead', 'resident'),
    })
    .map(
      (a): ResidentWorkerInput => ({
        id,
        stationId: 'st-1',
        role: a.role,
        birthDate: `${a.birthYear}-07-15`,
        appointedOn: '2021-03-01',
        education: a.education,
        socialWorkMajor: a.socialWorkMajor,
        trainings: [
          ...(a.preJob
            ? [
                {
                  date: '2021-02-20',
                  hours: 8,
                  kind: 'pre-job' as const,
                  passed: true,
                  provider: { kind: 'civil-affairs' as const, level: 'city' as const },
                },
              ]
            : []),
          ...a.hours.map((h, i) => ({
            date: `${2021 + (i % 3)}-0${(i % 9) + 1}-10`,
            hours: h,
            kind: 'continuing' as const,
            provider: { kind: 'industry-organization' as const },
          })),
        ],
      }),
    );

/** A worker who meets every rule of every profile on 2023-06-30. */
function compliantWorker() {
  return worker({
    id: 'qualified',
    certificate: { level: 'intermediate', passedOn: '2020-06-01', registrations: ['2020-08-01'] },
    relatedExperienceSince: '2012-01-01',
  });
}

describe('properties', () => {
  it.each([
    ['ZZ', '410103016'],
    ['PY', '410928'],
    ['WH', '420102'],
  ])('the compliant worker has no finding of their own under %s', (profileId, regionCode) => {
    const findings = evaluateStation(
      station({ regionCode }),
      { workers: [compliantWorker()], supervisors: [supervisor] },
      getProfile(profileId),
      '2023-06-30',
    );
    expect(findings.filter((f) => f.subject.kind === 'worker')).toEqual([]);
  });

  it('adding a qualified worker never adds a finding', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryWorker('x'), { maxLength: 4 }),
        fc.constantFrom('ZZ', 'PY', 'WH'),
        (raw, profileId) => {
          const workers = raw.map((w, i) => ResidentWorkerSchema.parse({ ...w, id: `w${i}` }));
          const st = station({
            regionCode: profileId === 'WH' ? '420102' : profileId === 'PY' ? '410928' : '410103016',
          });
          const profile = getProfile(profileId);
          const before = evaluateStation(st, { workers, supervisors: [supervisor] }, profile, '2023-06-30');
          const qualified = compliantWorker();
          const after = evaluateStation(
            st,
            { workers: [...workers, qualified], supervisors: [supervisor] },
            profile,
            '2023-06-30',
          );
          // Findings per (rule, subject): a message may change ("1 worker in post" → "2"), a count may not grow.
          const count = (findings: typeof before) => {
            const counts = new Map<string, number>();
            for (const f of findings) {
              const key = JSON.stringify([f.ruleId, f.subject]);
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
            return counts;
          };
          const was = count(before);
          for (const [key, n] of count(after)) expect(n, key).toBeLessThanOrEqual(was.get(key) ?? 0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the same input always gives the same findings, whatever the order of workers', () => {
    fc.assert(
      fc.property(fc.array(arbitraryWorker('x'), { minLength: 1, maxLength: 5 }), (raw) => {
        const workers = raw.map((w, i) => ResidentWorkerSchema.parse({ ...w, id: `w${i}` }));
        const a = evaluateStation(station(), { workers }, getProfile('ZZ'), '2023-06-30');
        const b = evaluateStation(
          station(),
          { workers: [...workers].reverse() },
          getProfile('ZZ'),
          '2023-06-30',
        );
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
