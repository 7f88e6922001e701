/** `shoebox bench`: run the benchmarks and write BENCHMARKS.md. */
import path from 'node:path';
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { BENCH_GROUPS, groupRowsLine, runBenchGroup } from '../bench/bench-groups.ts';
import { judgeRow } from '../bench/benchmark-row.ts';
import { runBenchmarks } from '../bench/run-benchmarks.ts';
import type { CommandContext } from '../command-context.ts';
import { parseIsoDate, parseScale } from '../option-parsers.ts';

export function registerBenchCommand(program: Command, context: CommandContext): void {
  program
    .command('bench')
    .description(
      'measure the demo end to end (generate, load, queries, charts, answers, `shoebox ask`, the dashboard, the ledger) against the targets; write BENCHMARKS.md',
    )
    .option('--scale <S>', 'demo size to measure at', parseScale, 1)
    .option(
      '--as-of <YYYY-MM-DD>',
      "the demo's last day (pinned so runs compare)",
      parseIsoDate('--as-of'),
      '2026-11-20',
    )
    .option(
      '--out <FILE>',
      "where to write the results (the file's section for this scale is replaced, the other scales' kept)",
      'BENCHMARKS.md',
    )
    .option('--check', 'exit with code 1 when a figure misses its target by more than 50%')
    .option(
      '--group <NAME>',
      `run one group of in-process measurements over SHOEBOX_HOME and print its rows as JSON (${BENCH_GROUPS.join(', ')}); the full run uses it for each group's child process`,
    )
    .action(
      async (options: { scale: number; asOf: string; out: string; check?: boolean; group?: string }) => {
        if (options.group !== undefined) {
          const rows = await runBenchGroup(options.group, {
            home: context.config().home,
            asOf: options.asOf,
            scale: options.scale,
          });
          context.print(groupRowsLine(rows));
          return;
        }
        const outFile = path.resolve(context.io.cwd, options.out);
        const rows = await runBenchmarks({
          scale: options.scale,
          asOf: options.asOf,
          outFile,
          onStep: (step) => context.log.info(`bench: ${step}...`),
        });
        for (const row of rows) {
          context.print(`${row.name}: ${row.value} (target: ${row.target}; ${judgeRow(row)})`);
        }
        context.print(`Wrote ${outFile}`);
        const badly = rows.filter((row) => judgeRow(row) === 'missed by more than 50%');
        if (options.check && badly.length > 0) {
          throw new CodedError(
            ErrorCode.BenchmarkTargetMissed,
            `${badly.length} figure(s) missed the target by more than 50%: ${badly.map((row) => row.name).join('; ')}`,
          );
        }
      },
    );
}
