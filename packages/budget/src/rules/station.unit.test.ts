import { describe, expect, it } from 'vitest';
import { getBudgetProfile } from '../profiles.ts';
import { StationFacilitiesSchema } from '../schema.ts';
import { checkOfficeArea } from './station.ts';

const station = (officeAreaM2: number) =>
  StationFacilitiesSchema.parse({ stationId: '410105001', officeAreaM2 });

describe('station.office-area [ZZ §4.2, PY §4.3]', () => {
  const zz = getBudgetProfile('ZZ').officeArea;
  const py = getBudgetProfile('PY').officeArea;
  const henan = getBudgetProfile('HENAN').officeArea;
  if (!zz || !py || !henan) throw new Error('ZZ, PY and HENAN set an office area');

  it('ZZ: 12 m² passes (不少于 includes 12), 11.9 m² fails', () => {
    expect(checkOfficeArea(station(12), zz)).toEqual([]);
    expect(checkOfficeArea(station(11.9), zz)).toMatchObject([
      {
        ruleId: 'station.office-area',
        severity: 'error',
        citation: 'ZZ §4.2',
        subject: { kind: 'station', id: '410105001' },
        facts: { officeAreaM2: 11.9, minM2: 12 },
      },
    ]);
    expect(checkOfficeArea(station(11.99), zz)).toHaveLength(1);
  });
  it('PY: 20 m² passes, 19.9 m² and 12 m² fail', () => {
    expect(checkOfficeArea(station(20), py)).toEqual([]);
    expect(checkOfficeArea(station(19.9), py)).toMatchObject([{ citation: 'PY §4.3', facts: { minM2: 20 } }]);
    expect(checkOfficeArea(station(12), py)).toHaveLength(1);
  });
  it('HENAN: the baseline both cities meet, 12 m²', () => {
    expect(checkOfficeArea(station(12), henan)).toEqual([]);
    expect(checkOfficeArea(station(11.9), henan)[0]?.citation).toBe('ZZ §4.2, PY §4.3');
  });
});
