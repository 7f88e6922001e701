/**
 * Benchmark measurements for the compiler (not a timed test): how long compiling takes (p50/p95
 * over a list of queries, many rounds), and how long the compiled SQL runs against a hand-written
 * query for the same question on a real warehouse (median of warm runs each, then the median ratio).
 */
import { performance } from 'node:perf_hooks';
import type { Warehouse } from '../../db/warehouse.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { type CompileOptions, compileQuery } from './compile-query.ts';

export interface CompileTiming {
  compilations: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Compiles every query `rounds` times (after one warm-up round) and reports the spread per compilation. */
export function measureCompile(
  model: SemanticLayerModel,
  queries: readonly unknown[],
  options: CompileOptions,
  rounds = 50,
): CompileTiming {
  // Warm-up rounds first: the first compilations pay for the JIT, not for the compiler.
  for (let round = 0; round < 10; round++) for (const query of queries) compileQuery(model, query, options);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      compileQuery(model, query, options);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return {
    compilations: times.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    maxMs: times[times.length - 1] ?? 0,
  };
}

export interface RunCase {
  name: string;
  query: unknown;
  /** The same question written by hand against the warehouse's tables. */
  handSql: string;
}

export interface RunComparison {
  name: string;
  compiledMs: number;
  /** Every warm run of the compiled SQL (ms), for percentiles across questions. */
  compiledRunsMs: number[];
  handMs: number;
  /** compiled / hand-written. */
  ratio: number;
}

/** One warm-up, then `runs` timed runs. */
async function timedRuns(
  warehouse: Warehouse,
  sql: string,
  params: readonly unknown[],
  runs: number,
): Promise<number[]> {
  await warehouse.query(sql, params as never);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await warehouse.query(sql, params as never)).elapsedMs);
  return times;
}

/** Each case's compiled and hand-written SQL, alternately warmed and timed; the median ratio over cases. */
export async function compareRunTimes(
  warehouse: Warehouse,
  model: SemanticLayerModel,
  cases: readonly RunCase[],
  options: CompileOptions,
  runs = 5,
): Promise<{ cases: RunComparison[]; medianRatio: number }> {
  const results: RunComparison[] = [];
  for (const c of cases) {
    const compiled = compileQuery(model, c.query, options);
    const compiledRunsMs = await timedRuns(warehouse, compiled.sql, compiled.params, runs);
    const compiledMs = median(compiledRunsMs);
    const handMs = median(await timedRuns(warehouse, c.handSql, [], runs));
    results.push({
      name: c.name,
      compiledMs,
      compiledRunsMs,
      handMs,
      ratio: handMs > 0 ? compiledMs / handMs : 1,
    });
  }
  return { cases: results, medianRatio: median(results.map((r) => r.ratio)) };
}
