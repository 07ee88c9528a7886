import { type Finding, satisfies } from '@shegong/kernel';
import type { BudgetProfile } from '../profiles.ts';
import type { StationFacilities } from '../schema.ts';
import { makeFinding } from './rule.ts';

type Param<K extends keyof BudgetProfile> = NonNullable<BudgetProfile[K]>;

/**
 * `station.office-area` [ZZ §4.2: 不少于12m²; PY §4.3: 不少于20平方]: the station's office is at least the
 * profile's area. 不少于 includes the number: exactly 12 m² passes in Zhengzhou, 11.9 m² fails.
 */
export function checkOfficeArea(facilities: StationFacilities, param: Param<'officeArea'>): Finding[] {
  if (satisfies(facilities.officeAreaM2, param.term, param.minM2)) return [];
  return [
    makeFinding(
      'station.office-area',
      param,
      { kind: 'station', id: facilities.stationId },
      {
        zh: `办公用房${facilities.officeAreaM2}平方米，${param.term}${param.minM2}平方米的要求未满足`,
        en: `The office is ${facilities.officeAreaM2} m²; it must be at least ${param.minM2} m²`,
      },
      { officeAreaM2: facilities.officeAreaM2, minM2: param.minM2, term: param.term },
    ),
  ];
}
