import { lazy, Suspense } from 'react';
import type { ChartOption } from './chart-canvas.tsx';
import { LoadingState } from './states.tsx';

export type { ChartOption } from './chart-canvas.tsx';

// ECharts is the heaviest thing a console draws: its own chunk, fetched when a chart first shows.
const ChartCanvas = /* @__PURE__ */ lazy(() => import('./chart-canvas.tsx'));

/**
 * An Apache ECharts chart (bars, with tooltip, legend and an aria description): a small wrapper over
 * `echarts/core` rather than echarts-for-react, whose default entry bundles all of ECharts.
 * @example <Chart testId="coverage-chart" height={320} option={{ xAxis: …, yAxis: …, series: [{ type: 'bar', data }] }} />
 */
export function Chart({
  option,
  height = 320,
  testId,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Suspense fallback={<LoadingState />}>
        <ChartCanvas option={option} height={height} />
      </Suspense>
    </div>
  );
}
