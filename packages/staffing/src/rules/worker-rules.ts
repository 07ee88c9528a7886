import { daysBetween, fullYears, maxDate, periodEnd, satisfies, yearOf } from '@shegong/kernel';
import { certificateAtLeast, certificateForPostLevel } from '../job-ranks.ts';
import { qualifiedSince, qualifyingTrainingHours } from '../qualification.ts';
import {
  CERTIFICATE_LABELS,
  EDUCATION_LABELS,
  EducationLevelSchema,
  type ResidentWorker,
} from '../schema.ts';
import { finding, inPost, type Rule, type StationContext, who, workerSubject } from './context.ts';

/** Applies `check` to every worker in post on the day. */
function eachWorkerInPost(check: (worker: ResidentWorker, ctx: StationContext) => ReturnType<Rule>): Rule {
  return (ctx) => ctx.workers.filter((w) => inPost(w, ctx.asOf)).flatMap((w) => check(w, ctx));
}

/** Age at appointment: 45岁以下 [ZZ §4.4] / 不超过45周岁 [PY §4.5], both including 45. */
export const ageAtAppointment: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.ageAtAppointment;
  if (!rule) return [];
  const age = fullYears(worker.birthDate, worker.appointedOn);
  if (satisfies(age, rule.term, rule.years)) return [];
  return [
    finding(
      'staffing.age-at-appointment',
      'error',
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 到岗时 ${age} 周岁，要求 ${rule.years} 周岁${rule.term}`,
        en: `${who(worker)} was ${age} at appointment; the limit is ${rule.years} (${rule.term}, inclusive)`,
      },
      {
        birthDate: worker.birthDate,
        appointedOn: worker.appointedOn,
        ageAtAppointment: age,
        limit: rule.years,
        term: rule.term,
      },
    ),
  ];
});

/** Education: 大专及以上 [ZZ §4.4, PY §4.5]. */
export const education: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.education;
  if (!rule) return [];
  const order = EducationLevelSchema.options;
  if (order.indexOf(worker.education) >= order.indexOf(rule.minimum)) return [];
  return [
    finding(
      'staffing.education',
      'error',
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 学历为${EDUCATION_LABELS[worker.education]}，要求${EDUCATION_LABELS[rule.minimum]}及以上`,
        en: `${who(worker)} has ${worker.education} education; ${rule.minimum} or above required`,
      },
      { education: worker.education, minimum: rule.minimum },
    ),
  ];
});

/**
 * All resident workers qualified within N years of the project's start (项目实施2年内所有驻站社工均要求具备
 * 社会工作专业资质) [ZZ §4.4, PY §4.5]. The deadline is the corresponding day N years on [CIVIL art. 202];
 * a worker appointed after it must be qualified on appointment. Before the deadline an unqualified worker
 * is `info`, within `warnDaysBefore` days of it a `warning`, after it an `error`.
 */
export const qualificationPhaseIn: Rule = eachWorkerInPost((worker, { station, profile, asOf }) => {
  const rule = profile.rules.qualificationPhaseIn;
  const definition = profile.rules.qualificationDefinition;
  if (!rule || !definition) return [];
  const deadline = maxDate(periodEnd(station.projectStartOn, rule.years, 'year'), worker.appointedOn);
  const qualified = qualifiedSince(worker, definition, asOf);
  const facts = {
    projectStartOn: station.projectStartOn,
    deadline,
    qualifiedSince: qualified?.since ?? null,
    basis: qualified?.basis ?? null,
    trainingHours: qualifyingTrainingHours(worker, definition, asOf),
    requiredTrainingHours: definition.trainingHours,
  };
  if (qualified && qualified.since <= deadline) return [];
  if (qualified) {
    // Qualified now, but late: the deadline passed while unqualified.
    return [
      finding(
        'staffing.qualification-phase-in',
        'info',
        workerSubject(worker),
        rule.citation,
        {
          zh: `${who(worker)} 于 ${qualified.since} 取得社会工作专业资质，晚于期限 ${deadline}`,
          en: `${who(worker)} qualified on ${qualified.since}, after the deadline ${deadline}`,
        },
        facts,
      ),
    ];
  }
  const daysLeft = daysBetween(asOf, deadline);
  const severity = daysLeft < 0 ? 'error' : daysLeft <= rule.warnDaysBefore ? 'warning' : 'info';
  return [
    finding(
      'staffing.qualification-phase-in',
      severity,
      workerSubject(worker),
      rule.citation,
      daysLeft < 0
        ? {
            zh: `${who(worker)} 在项目实施 ${rule.years} 年期限（${deadline}）后仍不具备社会工作专业资质`,
            en: `${who(worker)} still lacks the social work qualification after the ${rule.years}-year deadline (${deadline})`,
          }
        : {
            zh: `${who(worker)} 尚不具备社会工作专业资质，须于 ${deadline} 前取得（剩余 ${daysLeft} 天）`,
            en: `${who(worker)} is not yet qualified and must be by ${deadline} (${daysLeft} days left)`,
          },
      { ...facts, daysLeft },
    ),
  ];
});

/** Qualification listed as a requirement at appointment [PY §4.5]. */
export const qualificationAtAppointment: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.qualificationAtAppointment;
  const definition = profile.rules.qualificationDefinition;
  if (!rule || !definition || qualifiedSince(worker, definition, worker.appointedOn)) return [];
  return [
    finding(
      'staffing.qualification-at-appointment',
      rule.severity,
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 到岗时不具备社会工作专业资质`,
        en: `${who(worker)} did not hold the social work qualification when appointed`,
      },
      { appointedOn: worker.appointedOn },
    ),
  ];
});

/**
 * Continuing education ≥ 60 hours per calendar year (每年度…不少于60学时) [ZZ §6.5, PY §6.4, ZT §7], checked
 * for every completed calendar year the worker was in post from 1 January to 31 December. All training
 * kinds count (岗前、督导、考前、实务及政策法规培训 are all listed as continuing education).
 */
export const continuingEducation: Rule = eachWorkerInPost((worker, { profile, asOf }) => {
  const rule = profile.rules.continuingEducation;
  if (!rule) return [];
  const firstFullYear = yearOf(worker.appointedOn) + (worker.appointedOn.endsWith('-01-01') ? 0 : 1);
  const findings = [];
  for (let year = firstFullYear; year < yearOf(asOf); year++) {
    const hours = worker.trainings
      .filter((t) => yearOf(t.date) === year)
      .reduce((sum, t) => sum + t.hours, 0);
    if (satisfies(hours, rule.term, rule.hoursPerYear)) continue;
    findings.push(
      finding(
        'staffing.continuing-education',
        'error',
        workerSubject(worker),
        rule.citation,
        {
          zh: `${who(worker)} ${year} 年度继续教育 ${hours} 学时，少于 ${rule.hoursPerYear} 学时`,
          en: `${who(worker)} had ${hours} hours of continuing education in ${year}; at least ${rule.hoursPerYear} required`,
        },
        { year, hours, required: rule.hoursPerYear },
      ),
    );
  }
  return findings;
});

/** Pre-job training passed before taking the post (培训合格方可上岗) [ZZ §4.4]. */
export const preJobTraining: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.preJobTraining;
  if (!rule) return [];
  const passed = worker.trainings.find(
    (t) => t.kind === 'pre-job' && t.passed === true && t.date <= worker.appointedOn,
  );
  if (passed) return [];
  const late = worker.trainings.find((t) => t.kind === 'pre-job' && t.passed === true);
  return [
    finding(
      'staffing.pre-job-training',
      'error',
      workerSubject(worker),
      rule.citation,
      late
        ? {
            zh: `${who(worker)} 于 ${worker.appointedOn} 到岗，岗前培训 ${late.date} 才合格`,
            en: `${who(worker)} took up the post on ${worker.appointedOn} but passed pre-job training only on ${late.date}`,
          }
        : {
            zh: `${who(worker)} 无岗前培训合格记录即到岗`,
            en: `${who(worker)} took up the post without passing pre-job training`,
          },
      { appointedOn: worker.appointedOn, passedOn: late?.date ?? null },
    ),
  ];
});

/** In principle certified and with 3 or more years of related experience (原则上…三年以上) [WH §2.2]. */
export const certifiedWithExperience: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.certifiedWithExperience;
  if (!rule) return [];
  const certified = worker.certificate !== undefined && worker.certificate.passedOn <= worker.appointedOn;
  const years =
    worker.relatedExperienceSince === undefined
      ? 0
      : fullYears(worker.relatedExperienceSince, worker.appointedOn);
  const experienced = satisfies(years, rule.term, rule.years);
  if (certified && experienced) return [];
  const missing = [!certified && '持社工证', !experienced && `${rule.years}年以上相关工作经验`]
    .filter(Boolean)
    .join('、');
  return [
    finding(
      'staffing.certified-with-experience',
      rule.severity,
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 到岗时不满足原则要求：${missing}`,
        en: `${who(worker)} did not meet the in-principle requirement at appointment: ${[
          !certified && 'a social worker certificate',
          !experienced && `${rule.years}+ years of related experience (has ${years})`,
        ]
          .filter(Boolean)
          .join(' and ')}`,
      },
      { certified, experienceYears: years, requiredYears: rule.years, appointedOn: worker.appointedOn },
    ),
  ];
});

/** 同等条件下本地户籍人员优先: a preference, reported as `info` when a worker is known not to be local. */
export const localHukouPreferred: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.localHukouPreferred;
  if (!rule || worker.localHukou !== false) return [];
  return [
    finding(
      'staffing.local-hukou-preferred',
      'info',
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 非本地户籍（同等条件下本地户籍优先）`,
        en: `${who(worker)} is not locally registered (local hukou is preferred, other things equal)`,
      },
      { localHukou: false },
    ),
  ];
});

/** A professional post needs the matching certificate level (高级/中级/初级岗位 ↔ 证书) [ZT §6]. */
export const postLevelCertificate: Rule = eachWorkerInPost((worker, { profile }) => {
  const rule = profile.rules.postLevelCertificate;
  if (!rule || worker.postLevel === undefined) return [];
  const required = certificateForPostLevel(worker.postLevel);
  if (certificateAtLeast(worker.certificate?.level, required)) return [];
  return [
    finding(
      'staffing.post-level-certificate',
      'error',
      workerSubject(worker),
      rule.citation,
      {
        zh: `${who(worker)} 聘用于专业技术 ${worker.postLevel} 级岗位，应具有${CERTIFICATE_LABELS[required]}证书`,
        en: `${who(worker)} holds professional post level ${worker.postLevel}, which requires the ${required} certificate`,
      },
      { postLevel: worker.postLevel, required, held: worker.certificate?.level ?? null },
    ),
  ];
});
