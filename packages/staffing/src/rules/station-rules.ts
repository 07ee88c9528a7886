import { fullYears, satisfies } from '@shegong/kernel';
import { qualifiedSince } from '../qualification.ts';
import { finding, inPost, type Rule, stationSubject, who } from './context.ts';

/**
 * Minimum resident workers in post per station, by region category where the profile says so:
 * ≥ 2 [ZZ §4.4, PY §4.5]; Wuhan ≥ 3 full-time in central urban districts, ≥ 2 in new urban ones [WH §2.2].
 */
export const minResidents: Rule = ({ station, workers, profile, categories, asOf }) => {
  const rule = profile.rules.minResidents;
  if (!rule) return [];
  const category = categories.find((c) => rule.byCategory[c] !== undefined);
  const required = category === undefined ? rule.count : (rule.byCategory[category] ?? rule.count);
  const counted = workers.filter((w) => inPost(w, asOf) && (!rule.fullTimeOnly || w.fullTime));
  if (satisfies(counted.length, '不少于', required)) return [];
  const kind = rule.fullTimeOnly ? '专职驻站社工' : '驻站社工';
  return [
    finding(
      'staffing.min-residents',
      'error',
      stationSubject(station),
      rule.citation,
      {
        zh: `社工站在岗${kind} ${counted.length} 名，少于要求的 ${required} 名`,
        en: `${counted.length} ${rule.fullTimeOnly ? 'full-time ' : ''}resident workers in post; at least ${required} required`,
      },
      { inPost: counted.length, required, category: category ?? null, fullTimeOnly: rule.fullTimeOnly, asOf },
    ),
  ];
};

/** The project lead (社工站项目主管) must hold the social work qualification [ZZ §4.4, PY §4.5]. */
export const leadQualified: Rule = ({ station, workers, profile, asOf }) => {
  const rule = profile.rules.leadQualified;
  const definition = profile.rules.qualificationDefinition;
  if (!rule || !definition) return [];
  const leads = workers.filter((w) => w.role === 'lead' && inPost(w, asOf));
  if (leads.length === 0) {
    return [
      finding(
        'staffing.lead-qualified',
        'error',
        stationSubject(station),
        rule.citation,
        { zh: '社工站未指定在岗的项目主管', en: 'no project lead in post at the station' },
        { leadsInPost: 0, asOf },
      ),
    ];
  }
  return leads
    .filter((lead) => qualifiedSince(lead, definition, asOf) === undefined)
    .map((lead) =>
      finding(
        'staffing.lead-qualified',
        'error',
        stationSubject(station),
        rule.citation,
        {
          zh: `项目主管 ${who(lead)} 不具备社会工作专业资质`,
          en: `project lead ${who(lead)} does not hold the social work qualification`,
        },
        { leadId: lead.id, asOf },
      ),
    );
};

/** Each station's workers get a supervisor, under a supervision agreement [ZZ §5.7]. */
export const supervisorAssigned: Rule = ({ station, supervisors, profile, asOf }) => {
  const rule = profile.rules.supervisorAssigned;
  if (!rule) return [];
  const active = supervisors.filter(
    (s) => s.assignedOn <= asOf && (s.endedOn === undefined || s.endedOn > asOf),
  );
  if (active.length === 0) {
    return [
      finding(
        'staffing.supervisor-assigned',
        'error',
        stationSubject(station),
        rule.citation,
        { zh: '社工站驻站社工未配备社工督导', en: "no supervisor assigned to the station's workers" },
        { activeSupervisors: 0, asOf },
      ),
    ];
  }
  if (!rule.requireAgreement) return [];
  return active
    .filter((s) => s.agreementSignedOn === undefined || s.agreementSignedOn > asOf)
    .map((s) =>
      finding(
        'staffing.supervisor-agreement',
        'error',
        { kind: 'supervisor', id: s.id, stationId: station.id },
        rule.citation,
        {
          zh: `督导 ${who(s)} 未签订督导协议`,
          en: `supervisor ${who(s)} has no signed supervision agreement`,
        },
        { supervisorId: s.id, agreementSignedOn: s.agreementSignedOn ?? null, asOf },
      ),
    );
};

/** Supervisors have ≥ 3 years of social work service (3年以上 includes 3) [WH §3.5]. */
export const supervisorExperience: Rule = ({ station, supervisors, profile, asOf }) => {
  const rule = profile.rules.supervisorExperience;
  if (!rule) return [];
  return supervisors
    .filter((s) => s.assignedOn <= asOf && (s.endedOn === undefined || s.endedOn > asOf))
    .flatMap((s) => {
      const years = s.socialWorkSince === undefined ? undefined : fullYears(s.socialWorkSince, s.assignedOn);
      if (years !== undefined && satisfies(years, rule.term, rule.years)) return [];
      return [
        finding(
          'staffing.supervisor-experience',
          'error',
          { kind: 'supervisor', id: s.id, stationId: station.id },
          rule.citation,
          {
            zh: `督导 ${who(s)} 社会工作服务经验${years === undefined ? '未登记' : `为 ${years} 年`}，应具有 ${rule.years} 年以上`,
            en: `supervisor ${who(s)} has ${years === undefined ? 'no recorded' : `${years} years of`} social work service experience; ${rule.years} or more required`,
          },
          {
            supervisorId: s.id,
            experienceYears: years ?? null,
            required: rule.years,
            assignedOn: s.assignedOn,
          },
        ),
      ];
    });
};

/** A change of resident workers is filed with the purchaser in writing, in advance [ZZ §4.4]. */
export const staffChangeFiling: Rule = ({ station, staffChanges, profile, asOf }) => {
  const rule = profile.rules.staffChangeFiling;
  if (!rule) return [];
  return staffChanges
    .filter((c) => c.effectiveOn <= asOf && (c.filedOn === undefined || c.filedOn >= c.effectiveOn))
    .map((c) =>
      finding(
        'staffing.staff-change-filing',
        'error',
        stationSubject(station),
        rule.citation,
        {
          zh: `驻站社工 ${c.workerId} 变动（${c.effectiveOn} 生效）${c.filedOn === undefined ? '未书面备案' : `于 ${c.filedOn} 备案，未提前`}`,
          en: `change of worker ${c.workerId} effective ${c.effectiveOn} was ${c.filedOn === undefined ? 'never filed' : `filed on ${c.filedOn}, not in advance`}`,
        },
        { workerId: c.workerId, kind: c.kind, effectiveOn: c.effectiveOn, filedOn: c.filedOn ?? null },
      ),
    );
};
