import { addDays, type IsoDate } from '@shegong/kernel';
import {
  assessReports,
  type ExpectedReport,
  expectedReports,
  getReportDefinition,
  getReportProfile,
  type ReportingUnit,
  type ReportSubmission,
  summarizeByRegion,
  townshipsUnder,
} from '@shegong/plans';
import { report } from './report.ts';
import { prng } from './staffing-data.ts';

const PROVINCES = ['410000', '420000', '130000']; // Henan, Hubei, Hebei
const FROM: IsoDate = '2023-01-01';
const TO: IsoDate = '2023-12-31';
const AS_OF: IsoDate = '2024-02-01';
const RUNS = 7;

/**
 * One operator per township of Henan, Hubei and Hebei owing a monthly brief for each month of 2023 (the
 * ZZ profile's definition for all of them: only Zhengzhou and Puyang have profiles of their own), and
 * generated submissions (fixed seed): 90% submitted, of those 75% on or before the due day, the rest 1–40
 * days late.
 */
function generate(seed = 7): { units: ReportingUnit[]; submissions: ReportSubmission[] } {
  const random = prng(seed);
  const definition = getReportDefinition(getReportProfile('zz-2021'), 'operator-monthly-brief');
  const units = PROVINCES.flatMap((p) => townshipsUnder(p)).map(
    (t): ReportingUnit => ({ id: `op-${t.code}`, party: 'operator', regionCode: t.code }),
  );
  const submissions: ReportSubmission[] = [];
  for (const unit of units) {
    for (const expected of expectedReports(definition, unit, FROM, TO)) {
      if (random() >= 0.9) continue;
      const offset = random() < 0.75 ? -Math.floor(random() * 5) : 1 + Math.floor(random() * 40);
      submissions.push({
        definitionId: definition.id,
        unitId: unit.id,
        periodKey: expected.period.key,
        submittedOn: addDays(expected.dueOn, offset),
      });
    }
  }
  return { units, submissions };
}

/** The full computation: expected periods for every unit, matched and classified, rolled up by region. */
function computeAll(units: readonly ReportingUnit[], submissions: readonly ReportSubmission[]) {
  const definition = getReportDefinition(getReportProfile('zz-2021'), 'operator-monthly-brief');
  const expected: ExpectedReport[] = [];
  const regionOf = new Map<string, string>();
  for (const unit of units) {
    regionOf.set(unit.id, unit.regionCode);
    for (const e of expectedReports(definition, unit, FROM, TO)) expected.push(e);
  }
  const assessed = assessReports(expected, submissions, AS_OF);
  return {
    expected: expected.length,
    byRegion: summarizeByRegion(assessed, (id) => regionOf.get(id) as string),
  };
}

/**
 * Completeness and timeliness of monthly briefs for every township of Henan, Hubei and Hebei × 12 months:
 * the median time of a full computation (7 runs after a warm-up), and the p95 of reading one region's
 * figures (every township, county, city and province) from the by-region index it builds.
 */
export async function benchPlans(): Promise<void> {
  const { units, submissions } = generate();
  computeAll(units, submissions); // warm-up: division data, profiles, JIT
  const times: number[] = [];
  let result = computeAll(units, submissions);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = computeAll(units, submissions);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] as number;

  const codes = [...result.byRegion.keys()];
  const reads: number[] = [];
  let checksum = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const code of codes) {
      const started = process.hrtime.bigint();
      const summary = result.byRegion.get(code);
      checksum += summary?.completenessBasisPoints ?? 0;
      reads.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  reads.sort((a, b) => a - b);
  const p95 = reads[Math.floor(reads.length * 0.95)] as number;
  const provinces = Object.fromEntries(
    PROVINCES.map((p) => {
      const s = result.byRegion.get(p);
      return [p, { completenessBp: s?.completenessBasisPoints, timelinessBp: s?.timelinessBasisPoints }];
    }),
  );

  report(
    'plans',
    [
      {
        task: `completeness+timeliness(${units.length} townships × 12 months)`,
        'ops/s': Number((1_000 / median).toFixed(2)),
        'mean ms': Number((times.reduce((a, b) => a + b, 0) / RUNS).toFixed(1)),
        'p99 ms': Number((times.at(-1) as number).toFixed(1)),
        samples: RUNS,
      },
      {
        task: `read one region's summary (${codes.length} regions)`,
        'ops/s': Math.round(1_000 / (reads.reduce((a, b) => a + b, 0) / reads.length)),
        'mean ms': Number((reads.reduce((a, b) => a + b, 0) / reads.length).toFixed(6)),
        'p99 ms': Number((reads[Math.floor(reads.length * 0.99)] as number).toFixed(6)),
        samples: reads.length,
      },
    ],
    {
      medianMs: Number(median.toFixed(1)),
      expectedReports: result.expected,
      submissions: submissions.length,
      regionsIndexed: codes.length,
      perRegionReadP95Ms: Number(p95.toFixed(6)),
      provinces,
      checksum,
    },
  );
}
