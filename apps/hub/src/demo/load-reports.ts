import { getRegion, parentChain } from '@shegong/regions';
import type { DemoDataset } from './dataset.ts';
import type { ReportingWriter } from './writers.ts';

/** Where one demo report ends up; `missing` is never drafted, so it shows as overdue. */
export type DemoReportOutcome = 'approved' | 'submitted' | 'returned' | 'missing';

export interface DemoReport {
  definitionId: 'county-quarterly-report' | 'city-half-year-report';
  unitRegionCode: string;
  period: string;
  outcome: DemoReportOutcome;
  /** Who files for the unit, and who decides at the level above. */
  by: string;
  decidedBy: string;
  narrative: string;
  /** Beneficiaries the hub does not know of yet (paper sign-in sheets), added with the reason. */
  correction?: { delta: number; reason: string };
  /** Accepted (签收) up the chain by the province after the city approved it [ZZ §2]. */
  acceptedBy?: string;
  returnReason?: string;
}

/** Cities whose report profiles define county and city reports [ZZ §2, §5.6, PY §2.2]. */
const CITIES = new Set(['410100', '410900']);
/** Who acts, as the demo names them: the unit's civil affairs bureau (民政局; the province's 民政厅). */
const bureau = (code: string) => `${getRegion(code).name}${code === '410000' ? '民政厅' : '民政局'}`;
const OUTCOMES: readonly DemoReportOutcome[] = ['approved', 'submitted', 'returned', 'missing'];

/**
 * The demo's reports: each county of Zhengzhou and Puyang with stations files its quarterly report for the
 * quarter the demo's records fall in, cycling through approved (one with a corrected figure, accepted by
 * the province), waiting in the city's queue, returned with a reason, and never filed (overdue);
 * Zhengzhou's half-year report waits in the province's queue. Every figure comes from the data loaded before.
 */
export function demoReportPlan(data: DemoDataset): DemoReport[] {
  const quarter = quarterOf(data.months[0] ?? '2026-08');
  const half = `${quarter.slice(0, 4)}-H1`;
  const counties = new Map<string, string>();
  for (const station of data.stations) {
    const county = parentChain(station.regionCode).find((r) => r.level === 'county');
    const city = parentChain(station.regionCode).find((r) => r.level === 'city');
    if (county && city && CITIES.has(city.code)) counties.set(county.code, city.code);
  }
  const plan: DemoReport[] = [...counties.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([county, city], i) => {
      const outcome = OUTCOMES[i % OUTCOMES.length] as DemoReportOutcome;
      const name = getRegion(county).name;
      return {
        definitionId: 'county-quarterly-report',
        unitRegionCode: county,
        period: quarter,
        outcome,
        by: bureau(county),
        decidedBy: bureau(city),
        narrative: `${name}本季度各社工站按计划开展服务，驻站社工到岗情况良好；下季度重点推进未达标站点人员补充。`,
        ...(i === 0 && {
          acceptedBy: bureau('410000'),
          correction: {
            delta: 12,
            reason: '9月下旬两场社区活动的纸质签到表（12人次）尚未录入平台，已核实补报',
          },
        }),
        ...(outcome === 'returned' && {
          returnReason: '服务人次与台账不一致，请核对9月个案记录后重新报送',
        }),
      };
    });
  plan.push({
    definitionId: 'city-half-year-report',
    unitRegionCode: '410100',
    period: half,
    outcome: 'submitted',
    by: bureau('410100'),
    decidedBy: bureau('410000'),
    narrative:
      '上半年全市社工站建设按年度目标推进。服务记录自8月起接入平台，上半年服务量以各县（市、区）纸质台账为准，未在本表填报。',
  });
  return plan;
}

/** `2026-08` → `2026-Q3`. */
function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/**
 * Files the demo's reports through reporting's own workflow procedures, so each is dated, timed against
 * its due day, locked on approval and published like any other.
 */
export async function loadReports(reporting: ReportingWriter, plan: readonly DemoReport[]): Promise<string> {
  const counts: Record<DemoReportOutcome, number> = { approved: 0, submitted: 0, returned: 0, missing: 0 };
  for (const report of plan) {
    counts[report.outcome] += 1;
    if (report.outcome === 'missing') continue;
    const draft = await reporting.reports.draft({
      definitionId: report.definitionId,
      unitRegionCode: report.unitRegionCode,
      period: report.period,
      narrative: report.narrative,
    });
    const ref = { reportId: draft.id, unitRegionCode: report.unitRegionCode };
    if (report.correction) {
      await reporting.reports.correct({
        ...ref,
        by: report.by,
        path: 'services.beneficiaries',
        value: draft.figures.services.beneficiaries + report.correction.delta,
        reason: report.correction.reason,
      });
    }
    await reporting.reports.submit({ ...ref, by: report.by });
    if (report.outcome === 'approved') await reporting.reports.approve({ ...ref, by: report.decidedBy });
    if (report.acceptedBy) await reporting.reports.accept({ ...ref, by: report.acceptedBy });
    if (report.outcome === 'returned') {
      await reporting.reports.return({
        ...ref,
        by: report.decidedBy,
        reason: report.returnReason ?? '请补充说明',
      });
    }
  }
  return `${counts.approved} approved, ${counts.submitted} awaiting approval, ${counts.returned} returned, ${counts.missing} not filed (overdue)`;
}
