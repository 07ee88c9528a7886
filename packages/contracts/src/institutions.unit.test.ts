import { CitationSchema } from '@shegong/kernel';
import { describe, expect, it } from 'vitest';
import { INSTITUTIONS, institutionsGap } from './institutions.ts';

describe('institutions checklist [ZZ §4.3]', () => {
  it('has twelve items, each citing ZZ §4.3', () => {
    expect(INSTITUTIONS).toHaveLength(12);
    for (const item of INSTITUTIONS) {
      expect(CitationSchema.parse(item.citation)).toMatch(/^ZZ §4\.3/);
    }
    expect(new Set(INSTITUTIONS.map((i) => i.id)).size).toBe(12);
  });

  it('lists what is missing, with citations, in checklist order', () => {
    const gap = institutionsGap('st-1', ['finance-management', 'organization-chart', 'complaints']);
    expect(gap.inPlace.map((i) => i.id)).toEqual(['organization-chart', 'finance-management', 'complaints']);
    expect(gap.missing.map((i) => i.id)).toEqual([
      'operating-procedures',
      'personnel-management',
      'project-management',
      'volunteer-management',
      'venue-use-management',
      'archive-management',
      'service-commitment',
      'supervision',
      'evaluation',
    ]);
    expect(gap.missing[0]).toEqual({
      id: 'operating-procedures',
      zh: '运行流程和标准',
      en: 'operating procedures and standards',
      citation: 'ZZ §4.3, PY §4.4, WH §2.5',
    });
  });

  it('is empty when everything is in place', () => {
    expect(
      institutionsGap(
        'st-1',
        INSTITUTIONS.map((i) => i.id),
      ).missing,
    ).toEqual([]);
  });
});
