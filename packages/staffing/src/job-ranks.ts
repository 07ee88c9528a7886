import type { CertificateLevel } from './schema.ts';

/**
 * The social work job-rank ladder [ZT §6]: each certificate level opens three professional posts.
 * 高级社会工作师 1–3 级 = professional posts 5–7; 社会工作师 1–3 级 = 8–10; 助理社会工作师 1–3 级 = 11–13.
 */
export const JOB_RANKS: ReadonlyArray<{
  certificate: CertificateLevel;
  grade: 1 | 2 | 3;
  postLevel: number;
  title: string;
}> = [
  { certificate: 'senior', grade: 1, postLevel: 5, title: '高级社会工作师一级' },
  { certificate: 'senior', grade: 2, postLevel: 6, title: '高级社会工作师二级' },
  { certificate: 'senior', grade: 3, postLevel: 7, title: '高级社会工作师三级' },
  { certificate: 'intermediate', grade: 1, postLevel: 8, title: '社会工作师一级' },
  { certificate: 'intermediate', grade: 2, postLevel: 9, title: '社会工作师二级' },
  { certificate: 'intermediate', grade: 3, postLevel: 10, title: '社会工作师三级' },
  { certificate: 'assistant', grade: 1, postLevel: 11, title: '助理社会工作师一级' },
  { certificate: 'assistant', grade: 2, postLevel: 12, title: '助理社会工作师二级' },
  { certificate: 'assistant', grade: 3, postLevel: 13, title: '助理社会工作师三级' },
];

const LEVEL_ORDER: Record<CertificateLevel, number> = { assistant: 0, intermediate: 1, senior: 2 };

/**
 * The certificate a professional post level requires [ZT §6].
 * @example certificateForPostLevel(9) // 'intermediate'
 */
export function certificateForPostLevel(postLevel: number): CertificateLevel {
  const rank = JOB_RANKS.find((r) => r.postLevel === postLevel);
  if (!rank)
    throw new RangeError(`professional post level ${postLevel} is not on the social work ladder (5–13)`);
  return rank.certificate;
}

/** Whether `held` is at least `required`. */
export function certificateAtLeast(held: CertificateLevel | undefined, required: CertificateLevel): boolean {
  return held !== undefined && LEVEL_ORDER[held] >= LEVEL_ORDER[required];
}
