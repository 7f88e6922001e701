/** Chart rendering in this process: the first render (engines loaded) and warm PNG renders. */
import { benchmarkCharts } from '../../charts/chart-benchmark.ts';
import { atLeast, atMost, type BenchmarkRow } from './benchmark-row.ts';

export async function chartBenchmarkRows(): Promise<BenchmarkRow[]> {
  const charts = await benchmarkCharts();
  return [
    {
      name: 'chart: first render in a process (load vega, vega-lite, sharp; choose; PNG)',
      value: `${charts.firstRenderMs.toFixed(0)} ms`,
      target: 'part of a first answer under 2 s',
      check: atMost(charts.firstRenderMs, 2000),
    },
    {
      name: `chart: warm PNG render 640x360, p50 / p95 of ${charts.warm.renders}`,
      value: `${charts.warm.p50Ms.toFixed(1)} / ${charts.warm.p95Ms.toFixed(1)} ms`,
      target: 'under 30 ms',
      check: atMost(charts.warm.p95Ms, 30),
    },
    {
      name: `chart: renders per second with ${charts.concurrent.concurrency} in flight`,
      value: `${charts.concurrent.perSecond.toFixed(1)} /s`,
      target: 'at least 20 chart answers /s',
      check: atLeast(charts.concurrent.perSecond, 20),
    },
  ];
}
