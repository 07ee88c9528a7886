import { evaluatorIndicators, getScheme } from '@shegong/evaluation';
import { addDays, addMonths } from '@shegong/kernel';
import { getRegion } from '@shegong/regions';
import type { DemoDataset } from './dataset.ts';
import { seeded } from './random.ts';
import type { ReportingWriter } from './writers.ts';

type RecordInput = Parameters<ReportingWriter['evaluations']['record']>[0];

/** The station whose evaluation finds a veto item (一票否决): 中牟县's second, which also lacks a supervisor. */
const VETOED = { countyCode: '410122', stationIndex: 1 } as const;

/**
 * The demo's finished evaluation round: every operating demo station evaluated by its county for the months
 * the demo's records cover (the mid-term of the contract year [ZZ §5.3, PY §5.3, WH §3.4]) by a third-party
 * evaluator [ZZ §5.6], plus a spot check of 金水区's first station by 郑州市. Points are drawn from a fixed
 * seed so grades spread from 不合格 to 优秀; one station fails on a veto whatever its points. Staffing,
 * service volume and training come from the hub's own data; the contract's service target, the briefs on
 * time and the budget spent are entered with their evidence, as an evaluator would.
 */
export function demoEvaluationPlan(data: DemoDataset, seed: number): RecordInput[] {
  const random = seeded(seed + 7);
  const from = `${data.months[0]}-01`;
  const to = addDays(addMonths(`${data.months.at(-1)}-01`, 1), -1);
  const decidedOn = addDays(to, 20);
  const recordsOf = new Map<string, number>();
  for (const r of data.serviceRecords) recordsOf.set(r.stationId, (recordsOf.get(r.stationId) ?? 0) + 1);
  const byCounty = new Map<string, number>();
  const plan: RecordInput[] = [];
  for (const station of data.stations) {
    const index = byCounty.get(station.countyCode) ?? 0;
    byCounty.set(station.countyCode, index + 1);
    if (station.openedOn === null || station.openedOn > from) continue;
    // A good evaluator's sheet mostly scores high; a few stations lose ground on quality and archives.
    const weak = random.chance(0.3);
    const entries = Object.fromEntries(
      Object.entries(evaluatorIndicators(getScheme('default'))).map(([id, max]) => {
        const share = weak ? 0.4 + random.next() * 0.4 : 0.75 + random.next() * 0.25;
        return [
          id,
          { points: Math.round(max * share * 2) / 2, evidence: [`评估打分表 ${station.id} ${id}`] },
        ];
      }),
    );
    const delivered = recordsOf.get(station.id) ?? 0;
    const vetoed = station.countyCode === VETOED.countyCode && index === VETOED.stationIndex;
    const county = getRegion(station.countyCode).name;
    plan.push({
      id: `demo-ev-${station.id}-${data.months[0]}`,
      stationId: station.id,
      kind: 'mid-term',
      conductedBy: 'county',
      evaluatorName: `${getRegion(getRegion(station.countyCode).parentCode as string).name}社会工作评估中心（第三方）`,
      period: { from, to },
      decidedOn,
      entries,
      vetoes: vetoed
        ? [
            {
              id: 'veto.service-failed',
              evidence: [`${county}民政局督查通报：${station.name}连续两月未开展服务`],
            },
          ]
        : [],
      facts: {
        serviceTarget: {
          quantity: Math.max(1, Math.round(delivered * (weak ? 1.4 : 0.95))),
          unit: 'records',
          evidence: [`购买服务合同附件：${station.name}服务数量`],
        },
        reports: { due: 3, onTime: weak ? 2 : 3, evidence: ['月度工作简报报送台账'] },
        budget: {
          spentFen: weak ? 3_000_000 : 4_200_000,
          plannedFen: 5_000_000,
          evidence: ['项目财务报表'],
        },
      },
      by: `${county}民政局`,
    });
  }
  const spotChecked = plan.find((p) => p.stationId.startsWith('st-410105'));
  if (spotChecked) {
    plan.push({
      ...spotChecked,
      id: `demo-spot-${spotChecked.stationId}-${data.months[0]}`,
      kind: 'spot-check',
      conductedBy: 'city',
      evaluatorName: '郑州市民政局抽查组',
      decidedOn: addDays(decidedOn, 2),
      by: '郑州市民政局',
    });
  }
  return plan;
}

/** Records the round through reporting's own procedure: each scored and stored with its event. */
export async function loadEvaluations(
  reporting: ReportingWriter,
  plan: readonly RecordInput[],
): Promise<string> {
  const grades = new Map<string, number>();
  for (const input of plan) {
    const evaluation = await reporting.evaluations.record(input);
    const grade = evaluation.grade ?? evaluation.outcome;
    grades.set(grade, (grades.get(grade) ?? 0) + 1);
  }
  const spread = [...grades].map(([g, n]) => `${n} ${g}`).join(', ');
  return `${plan.length} evaluations (${spread}), one spot check by the city`;
}
