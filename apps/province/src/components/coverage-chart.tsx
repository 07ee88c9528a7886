import { Chart, type ChartOption, useI18n } from '@shegong/web';
import { useMemo } from 'react';
import type { CoverageRow } from '../api/rollups.ts';

/**
 * Townships of each child region as a stacked bar: the part covered by an operating township station and
 * the part not yet, so a bar's height is the region's size and its colour split is its coverage.
 */
export function CoverageChart({ rows }: { rows: readonly CoverageRow[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 72 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 8 ? 35 : 0 },
      },
      yAxis: { type: 'value', name: t('chart.townships') },
      series: [
        {
          type: 'bar',
          name: t('chart.covered'),
          stack: 'townships',
          itemStyle: { color: '#1677ff' },
          data: rows.map((r) => r.coveredTownships),
        },
        {
          type: 'bar',
          name: t('chart.uncovered'),
          stack: 'townships',
          itemStyle: { color: '#d9d9d9' },
          data: rows.map((r) => r.townships - r.coveredTownships),
        },
      ],
    }),
    // `t` changes with the language, so the legend follows it.
    [rows, t],
  );
  return <Chart option={option} height={340} testId="coverage-chart" />;
}
