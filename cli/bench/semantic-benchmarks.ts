/**
 * The semantic compiler's lines of BENCHMARKS.md: compile p95 over the given questions, and the
 * compiled SQL's run time against hand-written SQL for the same questions (median ratio).
 * run-benchmarks.ts calls it with the company's model, questions and warehouse.
 */
import type { Warehouse } from '../../db/warehouse.ts';
import {
  compareRunTimes,
  measureCompile,
  type RunCase,
} from '../../semantic-layer/compiler/compile-benchmark.ts';
import type { CompileOptions } from '../../semantic-layer/compiler/compile-query.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { atMost, type BenchmarkRow } from './benchmark-row.ts';

export async function semanticBenchmarks(
  warehouse: Warehouse,
  model: SemanticLayerModel,
  cases: readonly RunCase[],
  options: CompileOptions,
  label = 'semantic compiler',
): Promise<BenchmarkRow[]> {
  const compile = measureCompile(
    model,
    cases.map((c) => c.query),
    options,
  );
  const runs = await compareRunTimes(warehouse, model, cases, options);
  const slowest = [...runs.cases].sort((a, b) => b.ratio - a.ratio)[0];
  const allRuns = runs.cases.flatMap((c) => c.compiledRunsMs).sort((a, b) => a - b);
  const p95 = allRuns[Math.min(allRuns.length - 1, Math.ceil(allRuns.length * 0.95) - 1)] ?? 0;
  const worst = [...runs.cases].sort(
    (a, b) => Math.max(...b.compiledRunsMs) - Math.max(...a.compiledRunsMs),
  )[0];
  return [
    {
      name: `${label}: compile a semantic query to ${options.dialect} SQL, p95 over ${cases.length} questions (${compile.compilations} compilations)`,
      value: `${compile.p95Ms.toFixed(3)} ms (p50 ${compile.p50Ms.toFixed(3)} ms)`,
      target: 'p95 under 1 ms',
      check: atMost(compile.p95Ms, 1),
    },
    {
      name: `${label}: compiled SQL run time / hand-written SQL, median over ${cases.length} questions (${warehouse.dialect})`,
      value: `${runs.medianRatio.toFixed(2)}x${slowest ? ` (slowest: ${slowest.name}, ${slowest.ratio.toFixed(2)}x)` : ''}`,
      target: 'within 1.2x',
      check: atMost(runs.medianRatio, 1.2),
    },
    {
      name: `${label}: compiled SQL run time, p95 over every warm run of the ${cases.length} questions (${warehouse.dialect}; slowest question's slowest run in brackets)`,
      value: `${p95.toFixed(1)} ms${worst ? ` (${worst.name}: ${Math.max(...worst.compiledRunsMs).toFixed(1)} ms)` : ''}`,
      target: 'every standard question under 500 ms p95 at scale 10',
      check: atMost(p95, 500),
    },
  ];
}
