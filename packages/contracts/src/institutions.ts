import type { Citation } from '@shegong/kernel';
import { z } from 'zod';

/**
 * The institutions (制度) a station must have [ZZ §4.3]: an organization chart and duties; operating
 * procedures and standards; rules for personnel, finance, projects, volunteers, use of the venue and
 * archives; and the service-commitment, complaint, supervision and evaluation mechanisms. Where Puyang
 * [PY §4.4] or Wuhan [WH §2.5] require the same item, their clause is cited too. Their extra items
 * (client database, satisfaction feedback, service agreements) are not in this ZZ checklist.
 */
export const INSTITUTIONS = [
  {
    id: 'organization-chart',
    zh: '组织架构和内部责任分工',
    en: 'organization chart and internal duties',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'operating-procedures',
    zh: '运行流程和标准',
    en: 'operating procedures and standards',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'personnel-management',
    zh: '人员管理制度',
    en: 'personnel management rules',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'finance-management',
    zh: '财务管理制度',
    en: 'finance management rules',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  { id: 'project-management', zh: '项目管理制度', en: 'project management rules', citation: 'ZZ §4.3' },
  {
    id: 'volunteer-management',
    zh: '志愿者管理制度',
    en: 'volunteer management rules',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'venue-use-management',
    zh: '服务场所使用管理制度',
    en: 'rules for the use of the venue',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'archive-management',
    zh: '文书档案管理制度',
    en: 'archive management rules',
    citation: 'ZZ §4.3, PY §4.4, WH §2.5',
  },
  {
    id: 'service-commitment',
    zh: '服务承诺机制',
    en: 'service commitment',
    citation: 'ZZ §4.3, PY §4.4',
  },
  { id: 'complaints', zh: '投诉机制', en: 'complaints mechanism', citation: 'ZZ §4.3' },
  { id: 'supervision', zh: '督导机制', en: 'supervision mechanism', citation: 'ZZ §4.3' },
  { id: 'evaluation', zh: '评估机制', en: 'evaluation mechanism', citation: 'ZZ §4.3' },
] as const satisfies ReadonlyArray<{ id: string; zh: string; en: string; citation: Citation }>;

export type Institution = (typeof INSTITUTIONS)[number];
export type InstitutionId = Institution['id'];

export const InstitutionIdSchema = z.enum(
  INSTITUTIONS.map((i) => i.id) as [InstitutionId, ...InstitutionId[]],
);

/** A station's institutions against the checklist: what is in place and what is missing, in checklist order. */
export interface InstitutionsGap {
  stationId: string;
  checklist: 'ZZ §4.3';
  inPlace: Institution[];
  missing: Institution[];
}

/**
 * @example institutionsGap('st-1', ['organization-chart']).missing.length // 11
 */
export function institutionsGap(stationId: string, inPlace: readonly string[]): InstitutionsGap {
  const have = new Set(inPlace);
  return {
    stationId,
    checklist: 'ZZ §4.3',
    inPlace: INSTITUTIONS.filter((i) => have.has(i.id)),
    missing: INSTITUTIONS.filter((i) => !have.has(i.id)),
  };
}
