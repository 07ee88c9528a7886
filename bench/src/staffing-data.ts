import { addDays, type IsoDate } from '@shegong/kernel';
import { childrenOf, townshipsOf } from '@shegong/regions';
import type { StaffingInputRaw, TrainingRecord } from '@shegong/staffing';

/** A small deterministic PRNG (mulberry32): the same seed gives the same data on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `stations` stations spread over the townships of Zhengzhou, Puyang and Wuhan, with `workers` resident
 * workers in total (2–3 each), trainings, certificates, supervisors and staff changes — realistic enough
 * that every rule runs, with some violations.
 */
export function generateStaffing(stations: number, workers: number, seed = 42): StaffingInputRaw {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const day = (from: IsoDate, span: number): IsoDate => addDays(from, Math.floor(random() * span));
  const townships = ['410100', '410900', '420100'].flatMap((city) =>
    childrenOf(city).flatMap((county) => townshipsOf(county.code).map((t) => t.code)),
  );
  const input: Required<StaffingInputRaw> = { stations: [], workers: [], supervisors: [], staffChanges: [] };
  for (let s = 0; s < stations; s++) {
    const id = `st-${s}`;
    const projectStartOn = day('2021-01-01', 540);
    input.stations.push({ id, regionCode: townships[s % townships.length] as string, projectStartOn });
    input.supervisors.push({
      id: `sv-${s}`,
      stationId: id,
      assignedOn: projectStartOn,
      socialWorkSince: day('2015-01-01', 2_500),
      ...(random() < 0.9 ? { agreementSignedOn: projectStartOn } : {}),
    });
    if (random() < 0.2)
      input.staffChanges.push({
        stationId: id,
        workerId: `w-${s}-x`,
        kind: 'leave',
        effectiveOn: day('2022-01-01', 500),
        ...(random() < 0.7 ? { filedOn: '2021-12-20' } : {}),
      });
  }
  for (let w = 0; w < workers; w++) {
    const station = input.stations[w % stations] as { id: string; projectStartOn: IsoDate };
    const appointedOn = station.projectStartOn;
    const trainings: TrainingRecord[] = Array.from({ length: 3 + Math.floor(random() * 5) }, () => ({
      date: day('2020-06-01', 1_200),
      hours: 8 + Math.floor(random() * 32),
      kind: pick(['professional', 'continuing', 'continuing'] as const),
      provider: pick([
        { kind: 'civil-affairs' as const, level: 'county' as const },
        { kind: 'industry-organization' as const },
        { kind: 'operator' as const },
      ]),
    }));
    trainings.push({
      date: addDays(appointedOn, -5),
      hours: 24,
      kind: 'professional',
      provider: { kind: 'civil-affairs', level: 'city' },
    });
    input.workers.push({
      id: `w-${w}`,
      stationId: station.id,
      role: w < stations ? 'lead' : 'resident',
      birthDate: day('1972-01-01', 9_000),
      appointedOn,
      education: pick([
        'secondary-vocational',
        'associate',
        'associate',
        'bachelor',
        'bachelor',
        'master',
      ] as const),
      socialWorkMajor: random() < 0.4,
      localHukou: random() < 0.8,
      relatedExperienceSince: day('2012-01-01', 3_600),
      trainings: [
        ...trainings,
        ...(random() < 0.9
          ? [
              {
                date: addDays(appointedOn, -3),
                hours: 16,
                kind: 'pre-job' as const,
                passed: true,
                provider: { kind: 'civil-affairs' as const, level: 'city' as const },
              },
            ]
          : []),
      ],
      ...(random() < 0.35
        ? {
            certificate: {
              level: pick(['assistant', 'intermediate'] as const),
              passedOn: day('2016-06-01', 2_000),
              registrations: random() < 0.8 ? [day('2017-01-01', 1_500)] : [],
            },
          }
        : {}),
    });
  }
  return input;
}
