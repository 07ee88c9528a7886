/**
 * The reports a unit itself drafts in a console, as the report profiles of `@shegong/plans` define them
 * (`data/reports/*.yaml`): a county files the quarterly report, a city the half-year one. The consoles do
 * not bundle the profiles (they are read with `node:fs`); `apps/city/src/definitions.unit.test.ts` checks
 * this list against them. Operators' briefs and project reports are not drafted here.
 */
export interface UnitReportDefinition {
  id: string;
  /** The level that submits it: the signed-in unit's role. */
  submitter: 'county' | 'city';
  period: 'quarter' | 'half-year';
  citation: string;
}

export const UNIT_REPORT_DEFINITIONS: readonly UnitReportDefinition[] = [
  // 县级民政部门……每季度向省、市民政部门提交项目实施情况报告 [ZZ §2, §5.6; PY §2.2: to the city]
  { id: 'county-quarterly-report', submitter: 'county', period: 'quarter', citation: 'ZZ §2, §5.6' },
  // 市级民政部门每半年向省级民政部门提交项目实施情况报告 [ZZ §2, §5.6]
  { id: 'city-half-year-report', submitter: 'city', period: 'half-year', citation: 'ZZ §2, §5.6' },
];

/** The definitions a unit of `role` drafts (none for a province or an operator here). */
export function definitionsFor(role: string): UnitReportDefinition[] {
  return UNIT_REPORT_DEFINITIONS.filter((d) => d.submitter === role);
}
