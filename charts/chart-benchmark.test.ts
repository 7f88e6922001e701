import { describe, expect, it } from 'vitest';
import { benchmarkCharts } from './chart-benchmark.ts';

// Not a timing test (figures depend on the machine): it checks the benchmark runs and reports sanely.
describe('benchmarkCharts', () => {
  it('reports first render, warm percentiles and concurrent throughput', async () => {
    const r = await benchmarkCharts({ warmRenders: 6, concurrency: 3, concurrentRenders: 6 });
    expect(r.warm.renders).toBe(6);
    expect(r.warm.p50Ms).toBeGreaterThan(0);
    expect(r.warm.p95Ms).toBeGreaterThanOrEqual(r.warm.p50Ms);
    expect(r.concurrent).toMatchObject({ concurrency: 3, renders: 6 });
    expect(Math.abs(r.concurrent.perSecond * r.concurrent.seconds - 6)).toBeLessThan(0.2);
  });
});
