/**
 * In-process measurements, grouped so that each group runs in a fresh `shoebox bench --group`
 * child: a confirm's latency must not include garbage collection of the 1M-line load the bench
 * ran before it, just as a real server's does not. The child prints its rows as one JSON line.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { assistantBenchmarks } from './assistant-benchmarks.ts';
import type { BenchmarkRow } from './benchmark-row.ts';
import { chartBenchmarkRows } from './chart-benchmark-rows.ts';
import { cordovaSemanticBenchmarks } from './cordova-semantic-benchmarks.ts';
import { ledgerBenchmarks } from './ledger-benchmarks.ts';
import { runShoebox } from './run-child.ts';
import { webBenchmarks } from './web-benchmarks.ts';

export interface GroupOptions {
  /** SHOEBOX_HOME holding the loaded demo. */
  home: string;
  asOf: string;
  /** The demo's scale: targets set at scale 10 apply above scale 1. */
  scale: number;
}

const GROUPS: Record<string, (options: GroupOptions) => Promise<BenchmarkRow[]>> = {
  semantic: (options) => cordovaSemanticBenchmarks(options.home, options.asOf),
  charts: () => chartBenchmarkRows(),
  ledger: () => ledgerBenchmarks(),
  assistant: (options) => assistantBenchmarks(options.scale),
  web: () => webBenchmarks(),
};

export const BENCH_GROUPS = Object.keys(GROUPS);
const ROWS_PREFIX = 'BENCH_ROWS ';

export async function runBenchGroup(name: string, options: GroupOptions): Promise<BenchmarkRow[]> {
  const group = GROUPS[name];
  if (!group) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `There is no benchmark group "${name}"; the groups are: ${BENCH_GROUPS.join(', ')}.`,
    );
  }
  return group(options);
}

export function groupRowsLine(rows: BenchmarkRow[]): string {
  return `${ROWS_PREFIX}${JSON.stringify(rows)}`;
}

export async function runGroupInChild(
  name: string,
  env: NodeJS.ProcessEnv,
  options: { asOf: string; scale: number },
): Promise<BenchmarkRow[]> {
  // Stop the child once its rows are out: a handle left open by a library (seen once after the
  // dashboard's load test at scale 1) must not hold the whole bench.
  const { output } = await runShoebox(
    ['bench', '--group', name, '--as-of', options.asOf, '--scale', String(options.scale)],
    env,
    /^BENCH_ROWS .*\n/m,
  );
  const line = output.split('\n').find((l) => l.startsWith(ROWS_PREFIX));
  if (!line) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `The "${name}" benchmarks printed no results: ${output.trim()}`,
    );
  }
  return JSON.parse(line.slice(ROWS_PREFIX.length)) as BenchmarkRow[];
}
