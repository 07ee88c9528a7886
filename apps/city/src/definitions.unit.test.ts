import { getReportDefinition, listReportProfiles } from '@shegong/plans';
import { UNIT_REPORT_DEFINITIONS } from '@shegong/web';
import { describe, expect, it } from 'vitest';

/**
 * The consoles' list of reports a unit drafts is a copy (they cannot read the profiles' YAML in a
 * browser): it must say what `@shegong/plans`' report profiles say.
 */
describe('UNIT_REPORT_DEFINITIONS', () => {
  it('match the report profiles: submitter, period type and citation of each', () => {
    const profiles = listReportProfiles();
    expect(profiles.length).toBeGreaterThan(0);
    for (const listed of UNIT_REPORT_DEFINITIONS) {
      for (const profile of profiles) {
        const definition = getReportDefinition(profile, listed.id);
        expect(definition.submitter).toBe(listed.submitter);
        expect(definition.period).toBe(listed.period);
      }
      const zz = profiles.find((p) => p.id === 'zz-2021');
      expect(zz && getReportDefinition(zz, listed.id).citation).toBe(listed.citation);
    }
  });

  it('list every report a county or a city submits in the profiles', () => {
    const submitted = new Set(
      listReportProfiles().flatMap((p) =>
        p.reports.filter((r) => r.submitter === 'county' || r.submitter === 'city').map((r) => r.id),
      ),
    );
    expect([...submitted].sort()).toEqual(UNIT_REPORT_DEFINITIONS.map((d) => d.id).sort());
  });
});
