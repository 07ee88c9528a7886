import { addDays, satisfies } from '@shegong/kernel';
import type { EvaluationInputs } from './inputs.ts';
import { percentText, ratioSatisfies, toHundredths } from './points.ts';
import type { Band, Scoring } from './scheme-schema.ts';

/** A computed indicator's result: its points in hundredths and the facts used, or what is missing. Internal. */
export type MeasureResult =
  | { kind: 'scored'; hundredths: number; facts: Record<string, unknown> }
  | { kind: 'missing'; path: Array<string | number>; what: { zh: string; en: string } };

/** The band a ratio falls in (the first, from the highest), and the points it earns; 0 below every band. */
function banded(
  part: number,
  whole: number,
  bands: readonly Band[],
): { hundredths: number; band: Band | null } {
  const band = bands.find((b) => ratioSatisfies(part, whole, b.term, b.from)) ?? null;
  return { hundredths: band === null ? 0 : toHundredths(band.points), band };
}

const bandFact = (band: Band | null) => (band === null ? null : `${band.from}%${band.term}`);

/**
 * Full calendar months of the year elapsed on `to`: 6 on 30 June, 5 on 29 June (June is not over).
 * Used to pro-rate a yearly training requirement to a mid-year period end.
 */
export function monthsElapsed(to: string): number {
  const month = Number(to.slice(5, 7));
  return addDays(to, 1).endsWith('-01') ? month : month - 1;
}

/** Scores one computed indicator from the hub's facts. Pure. */
export function measure(scoring: Scoring, maxHundredths: number, inputs: EvaluationInputs): MeasureResult {
  const { hub } = inputs;
  switch (scoring.measure) {
    case 'staffing-compliance': {
      if (!hub.staffing) return missing('staffing', '人员配备检查结果', "the station's staffing findings");
      const { errors, warnings } = hub.staffing;
      const deducted =
        errors * toHundredths(scoring.deductPerError) + warnings * toHundredths(scoring.deductPerWarning);
      return scored(Math.max(0, maxHundredths - deducted), {
        errors,
        warnings,
        deductPerError: scoring.deductPerError,
        deductPerWarning: scoring.deductPerWarning,
        deducted: deducted / 100,
      });
    }
    case 'service-volume': {
      if (!hub.service)
        return missing('service', '服务量及合同约定目标', 'service delivered and the contract target');
      const { delivered, target, unit } = hub.service;
      const { hundredths, band } = banded(delivered, target, scoring.bands);
      return scored(hundredths, {
        delivered,
        target,
        ...(unit === undefined ? {} : { unit }),
        ratio: percentText(delivered, target),
        band: bandFact(band),
      });
    }
    case 'report-timeliness': {
      if (!hub.reports)
        return missing('reports', '应报和按时报送的报告数', 'reports due and submitted on time');
      const { due, onTime } = hub.reports;
      // Nothing was due in the period: nothing could be late.
      if (due === 0) return scored(maxHundredths, { due, onTime, ratio: '—', band: 'nothing due' });
      const { hundredths, band } = banded(onTime, due, scoring.bands);
      return scored(hundredths, { due, onTime, ratio: percentText(onTime, due), band: bandFact(band) });
    }
    case 'budget-execution': {
      if (!hub.budget) return missing('budget', '预算支出和计划数', 'money spent and planned');
      const { spentFen, plannedFen } = hub.budget;
      const { hundredths, band } = banded(spentFen, plannedFen, scoring.bands);
      return scored(hundredths, {
        spentFen,
        plannedFen,
        ratio: percentText(spentFen, plannedFen),
        band: bandFact(band),
      });
    }
    case 'training-hours': {
      const workers = hub.training?.workers ?? [];
      if (workers.length === 0)
        return missing('training', '驻站社工继续教育学时', "resident workers' training hours");
      const months = scoring.proRata ? monthsElapsed(inputs.period.to) : 12;
      // hours ≥ hoursPerYear × months / 12, cross-multiplied to stay in integers (不少于 includes the limit).
      const meets = (hours: number) =>
        satisfies(toHundredths(hours) * 12, '不少于', toHundredths(scoring.hoursPerYear) * months);
      const short = workers.filter((w) => !meets(w.hours)).map((w) => w.workerId);
      const meeting = workers.length - short.length;
      const { hundredths, band } = banded(meeting, workers.length, scoring.bands);
      return scored(hundredths, {
        hoursPerYear: scoring.hoursPerYear,
        monthsElapsed: months,
        requiredHours: (toHundredths(scoring.hoursPerYear) * months) / 1200,
        workers: workers.length,
        meeting,
        short,
        ratio: percentText(meeting, workers.length),
        band: bandFact(band),
      });
    }
  }
}

function scored(hundredths: number, facts: Record<string, unknown>): MeasureResult {
  return { kind: 'scored', hundredths, facts };
}

function missing(key: string, zh: string, en: string): MeasureResult {
  return { kind: 'missing', path: ['hub', key], what: { zh, en } };
}
