/** One line of BENCHMARKS.md: what was measured, the result, and the target it is held to. */
export interface BenchmarkRow {
  name: string;
  value: string;
  target: string;
}
