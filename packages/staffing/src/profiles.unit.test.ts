import { describe, expect, it } from 'vitest';
import { certificateForPostLevel, JOB_RANKS } from './job-ranks.ts';
import { getProfile, listProfiles, profileFor } from './profiles.ts';

describe('policy profiles', () => {
  it('has the Henan baseline, Zhengzhou, Puyang and Wuhan', () => {
    expect(listProfiles().map((p) => p.id)).toEqual(['HENAN', 'PY', 'WH', 'ZZ']);
  });

  it('resolves inheritance: ZZ and PY extend HENAN', () => {
    expect(getProfile('ZZ').lineage).toEqual(['ZZ', 'HENAN']);
    expect(getProfile('PY').rules.education).toEqual({ minimum: 'associate', citation: 'PY §4.5' });
    expect(getProfile('PY').rules.preJobTraining).toBeNull();
    expect(getProfile('ZZ').rules.preJobTraining).toEqual({ citation: 'ZZ §4.4' });
  });

  it('cites a clause for every rule it applies', () => {
    for (const profile of listProfiles()) {
      for (const [key, rule] of Object.entries(profile.rules)) {
        if (rule !== null) expect(rule.citation, `${profile.id}.${key}`).toMatch(/^(ZZ|PY|WH|ZT) §/);
      }
    }
  });

  it('encodes the minimum residents per station from each document', () => {
    expect(getProfile('ZZ').rules.minResidents?.count).toBe(2);
    expect(getProfile('PY').rules.minResidents?.count).toBe(2);
    expect(getProfile('WH').rules.minResidents).toMatchObject({
      byCategory: { 'wh.central-urban': 3, 'wh.new-urban': 2 },
      fullTimeOnly: true,
    });
  });

  it('picks the profile of a region by its nearest ancestor', () => {
    expect(profileFor('410105001').id).toBe('ZZ');
    expect(profileFor('410928').id).toBe('PY');
    expect(profileFor('420102').id).toBe('WH');
    expect(profileFor('410300').id).toBe('HENAN');
    expect(() => profileFor('130100')).toThrow(/130100/);
    expect(() => getProfile('XX')).toThrow(/"XX"/);
  });
});

describe('job-rank ladder [ZT §6]', () => {
  it('maps three grades of each certificate onto posts 5–13', () => {
    expect(JOB_RANKS.map((r) => r.postLevel)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect([5, 7, 8, 10, 11, 13].map(certificateForPostLevel)).toEqual([
      'senior',
      'senior',
      'intermediate',
      'intermediate',
      'assistant',
      'assistant',
    ]);
    expect(() => certificateForPostLevel(4)).toThrow(RangeError);
  });
});
