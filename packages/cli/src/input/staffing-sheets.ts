import { column, type SheetSpec, toSheets } from './tabular.ts';

const { string: s, number: n, boolean: b, list: l } = column;

/**
 * The XLSX layout of a staffing check: one sheet per entity, one row per record, column names as in the
 * JSON input. Nested data gets its own sheet (`trainings`, keyed by `workerId`) or prefixed columns
 * (`certificateLevel` → `certificate.level`). Documented in README, "shegong check".
 */
export const STAFFING_SHEETS: readonly SheetSpec[] = [
  {
    sheet: 'stations',
    target: 'stations',
    required: true,
    columns: {
      id: s('id'),
      name: s('name'),
      regionCode: s('regionCode'),
      projectStartOn: s('projectStartOn'),
      profile: s('profile'),
    },
  },
  {
    sheet: 'workers',
    target: 'workers',
    required: true,
    columns: {
      id: s('id'),
      stationId: s('stationId'),
      name: s('name'),
      role: s('role'),
      fullTime: b('fullTime'),
      birthDate: s('birthDate'),
      appointedOn: s('appointedOn'),
      leftOn: s('leftOn'),
      education: s('education'),
      socialWorkMajor: b('socialWorkMajor'),
      graduatedOn: s('graduatedOn'),
      localHukou: b('localHukou'),
      certificateLevel: s('certificate', 'level'),
      certificatePassedOn: s('certificate', 'passedOn'),
      certificateRegistrations: l('certificate', 'registrations'),
      relatedExperienceSince: s('relatedExperienceSince'),
      postLevel: n('postLevel'),
    },
  },
  {
    sheet: 'trainings',
    target: 'trainings',
    parent: { target: 'workers', key: 'workerId', into: 'trainings' },
    columns: {
      workerId: s('workerId'),
      date: s('date'),
      hours: n('hours'),
      kind: s('kind'),
      providerKind: s('provider', 'kind'),
      providerLevel: s('provider', 'level'),
      providerName: s('provider', 'name'),
      passed: b('passed'),
    },
  },
  {
    sheet: 'supervisors',
    target: 'supervisors',
    columns: {
      id: s('id'),
      stationId: s('stationId'),
      name: s('name'),
      fromSelectedPool: b('fromSelectedPool'),
      socialWorkSince: s('socialWorkSince'),
      assignedOn: s('assignedOn'),
      endedOn: s('endedOn'),
      agreementSignedOn: s('agreementSignedOn'),
    },
  },
  {
    sheet: 'staffChanges',
    target: 'staffChanges',
    columns: {
      stationId: s('stationId'),
      workerId: s('workerId'),
      kind: s('kind'),
      effectiveOn: s('effectiveOn'),
      filedOn: s('filedOn'),
    },
  },
];

/** Staffing JSON input laid out as the sheets above, e.g. to produce an XLSX template from JSON. */
export function staffingToSheets(
  data: Record<string, unknown>,
): Record<string, Array<Record<string, unknown>>> {
  return toSheets(data, STAFFING_SHEETS);
}
