import { periodEnd, satisfies } from '@shegong/kernel';
import type { CertificateLevel, ResidentWorker } from '../schema.ts';
import { finding, inPost, type Rule, who, workerSubject } from './context.ts';

/**
 * National rules on the social worker certificate, applied in every jurisdiction:
 * - a holder registers within 1 year of obtaining the certificate, and a registration is valid 3 years
 *   (社会工作者职业水平证书登记办法, `SWREG`);
 * - continuing education per 3-year registration period: 72 hours for 助理社会工作师, 90 hours for
 *   社会工作师 and 高级社会工作师 (社会工作者继续教育办法, `SWCE`).
 * The seeds do not reproduce these documents; the figures are the ones the project was given.
 */
export const NATIONAL_CERTIFICATE_RULES = {
  registrationWithinYears: 1,
  registrationValidYears: 3,
  continuingEducationHours: { assistant: 72, intermediate: 90, senior: 90 } satisfies Record<
    CertificateLevel,
    number
  >,
} as const;

function withCertificate(
  check: (
    worker: ResidentWorker & { certificate: NonNullable<ResidentWorker['certificate']> },
    asOf: string,
  ) => ReturnType<Rule>,
): Rule {
  return ({ workers, asOf }) =>
    workers
      .filter((w) => inPost(w, asOf))
      .flatMap((w) => (w.certificate ? check({ ...w, certificate: w.certificate }, asOf) : []));
}

/** Registered within 1 year of obtaining the certificate [SWREG]. */
export const certificateRegistration: Rule = withCertificate((worker, asOf) => {
  const { passedOn, registrations } = worker.certificate;
  const deadline = periodEnd(passedOn, NATIONAL_CERTIFICATE_RULES.registrationWithinYears, 'year');
  const first = [...registrations].sort()[0];
  if (first !== undefined && first <= deadline) return [];
  if (first === undefined && asOf <= deadline) return [];
  return [
    finding(
      'national.certificate-registration',
      first === undefined ? 'warning' : 'info',
      workerSubject(worker),
      'SWREG',
      first === undefined
        ? {
            zh: `${who(worker)} 取得证书（${passedOn}）后 1 年内未办理登记（期限 ${deadline}）`,
            en: `${who(worker)} has not registered the certificate obtained on ${passedOn}; the deadline was ${deadline}`,
          }
        : {
            zh: `${who(worker)} 于 ${first} 登记证书，晚于期限 ${deadline}`,
            en: `${who(worker)} registered the certificate on ${first}, after the deadline ${deadline}`,
          },
      { passedOn, deadline, firstRegistration: first ?? null },
    ),
  ];
});

/** The latest registration is still valid (3 years) [SWREG]. */
export const registrationValidity: Rule = withCertificate((worker, asOf) => {
  const latest = [...worker.certificate.registrations].sort().at(-1);
  if (latest === undefined) return [];
  const validUntil = periodEnd(latest, NATIONAL_CERTIFICATE_RULES.registrationValidYears, 'year');
  if (asOf <= validUntil) return [];
  return [
    finding(
      'national.registration-validity',
      'warning',
      workerSubject(worker),
      'SWREG',
      {
        zh: `${who(worker)} 的证书登记已于 ${validUntil} 到期，未再登记`,
        en: `${who(worker)}'s certificate registration expired on ${validUntil} and was not renewed`,
      },
      { latestRegistration: latest, validUntil },
    ),
  ];
});

/** 72 / 90 hours of continuing education in each completed registration period [SWCE]. */
export const registrationContinuingEducation: Rule = withCertificate((worker, asOf) => {
  const required = NATIONAL_CERTIFICATE_RULES.continuingEducationHours[worker.certificate.level];
  return [...worker.certificate.registrations].sort().flatMap((registeredOn) => {
    const periodEndsOn = periodEnd(registeredOn, NATIONAL_CERTIFICATE_RULES.registrationValidYears, 'year');
    if (periodEndsOn >= asOf) return [];
    const hours = worker.trainings
      .filter((t) => t.date > registeredOn && t.date <= periodEndsOn)
      .reduce((sum, t) => sum + t.hours, 0);
    if (satisfies(hours, '不少于', required)) return [];
    return [
      finding(
        'national.registration-continuing-education',
        'warning',
        workerSubject(worker),
        'SWCE',
        {
          zh: `${who(worker)} 在 ${registeredOn} 起的登记有效期内继续教育 ${hours} 学时，少于 ${required} 学时`,
          en: `${who(worker)} had ${hours} hours of continuing education in the registration period from ${registeredOn}; ${required} required`,
        },
        { level: worker.certificate.level, registeredOn, periodEndsOn, hours, required },
      ),
    ];
  });
});
