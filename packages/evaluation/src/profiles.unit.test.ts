import { describe, expect, it } from 'vitest';
import { evaluationProfileFor, getEvaluationProfile, listEvaluationProfiles } from './profiles.ts';
import { getScheme, listSchemes } from './schemes.ts';

describe('evaluation profiles', () => {
  it('has the Henan baseline, Zhengzhou, Puyang and Wuhan; ZZ and PY extend HENAN', () => {
    expect(listEvaluationProfiles().map((p) => p.id)).toEqual(['HENAN', 'PY', 'WH', 'ZZ']);
    expect(getEvaluationProfile('ZZ').lineage).toEqual(['ZZ', 'HENAN']);
    expect(getEvaluationProfile('PY').rules.exit).toBeNull();
  });

  it('names a packaged scheme and cites a seed clause for every rule it applies', () => {
    const schemes = listSchemes().map((s) => s.id);
    for (const profile of listEvaluationProfiles()) {
      expect(schemes).toContain(profile.rules.scheme);
      for (const [key, rule] of Object.entries(profile.rules)) {
        if (rule !== null && typeof rule === 'object') {
          expect(rule.citation, `${profile.id}.${key}`).toMatch(/^(ZZ|PY|WH) §/);
        }
      }
    }
  });

  it('labels the ineligibility length a default: ZZ §6.4 says only 一定时期', () => {
    expect(getEvaluationProfile('ZZ').rules.ineligibility).toMatchObject({
      years: 1,
      basis: 'default',
      citation: 'ZZ §6.4',
    });
  });

  it('picks the profile of a region by its city, else its province', () => {
    expect(evaluationProfileFor('410105001')?.id).toBe('ZZ');
    expect(evaluationProfileFor('410928')?.id).toBe('PY');
    expect(evaluationProfileFor('420102')?.id).toBe('WH');
    expect(evaluationProfileFor('410300')?.id).toBe('HENAN');
    expect(evaluationProfileFor('130100')).toBeUndefined();
    expect(() => getEvaluationProfile('XX')).toThrow(/"XX".*HENAN/);
    expect(() => getScheme('nope')).toThrow(/"nope".*default/);
  });
});
