/** Builders for tests: a valid station and worker, with overrides. Not part of the public API. */
import {
  type ResidentWorker,
  type ResidentWorkerInput,
  ResidentWorkerSchema,
  type StaffedStation,
  type TrainingRecord,
} from './schema.ts';

/** A Zhengzhou township: 二七区 金水源街道 (not an advanced area). */
export const ZZ_TOWNSHIP = '410103016';

export function station(overrides: Partial<StaffedStation> = {}): StaffedStation {
  return { id: 'st-1', regionCode: ZZ_TOWNSHIP, projectStartOn: '2021-03-01', ...overrides };
}

export function training(overrides: Partial<TrainingRecord> = {}): TrainingRecord {
  return {
    date: '2021-02-20',
    hours: 16,
    kind: 'professional',
    provider: { kind: 'civil-affairs', level: 'city' },
    ...overrides,
  };
}

/**
 * A worker who satisfies every Zhengzhou rule on 2023-06-30: 30 years old, 本科 in social work, passed
 * pre-job training before taking the post, 64 hours of training in each of 2021 and 2022.
 */
export function worker(overrides: Partial<ResidentWorkerInput> = {}): ResidentWorker {
  return ResidentWorkerSchema.parse({
    id: 'w-1',
    stationId: 'st-1',
    birthDate: '1991-05-10',
    appointedOn: '2021-03-01',
    education: 'bachelor',
    socialWorkMajor: true,
    graduatedOn: '2013-07-01',
    localHukou: true,
    trainings: [
      training({ date: '2021-02-25', hours: 24, kind: 'pre-job', passed: true }),
      training({ date: '2021-06-10', hours: 40, kind: 'continuing' }),
      training({ date: '2022-04-10', hours: 32, kind: 'continuing' }),
      training({ date: '2022-10-10', hours: 32, kind: 'continuing' }),
      training({ date: '2023-04-10', hours: 30, kind: 'continuing' }),
    ],
    ...overrides,
  });
}
