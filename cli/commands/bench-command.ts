/** `shoebox bench`: run the benchmarks and write BENCHMARKS.md. */
import path from 'node:path';
import type { Command } from 'commander';
import { runBenchmarks } from '../bench/run-benchmarks.ts';
import type { CommandContext } from '../command-context.ts';
import { parseIsoDate, parseScale } from '../option-parsers.ts';

export function registerBenchCommand(program: Command, context: CommandContext): void {
  program
    .command('bench')
    .description('measure generation, loading, a warm query and restart time; write BENCHMARKS.md')
    .option('--scale <S>', 'demo size to measure at', parseScale, 1)
    .option(
      '--as-of <YYYY-MM-DD>',
      "the demo's last day (pinned so runs compare)",
      parseIsoDate('--as-of'),
      '2026-11-20',
    )
    .option('--out <FILE>', 'where to write the results', 'BENCHMARKS.md')
    .action(async (options: { scale: number; asOf: string; out: string }) => {
      const outFile = path.resolve(context.io.cwd, options.out);
      const rows = await runBenchmarks({
        scale: options.scale,
        asOf: options.asOf,
        outFile,
        onStep: (step) => context.log.info(`bench: ${step}...`),
      });
      for (const row of rows) context.print(`${row.name}: ${row.value} (target: ${row.target})`);
      context.print(`Wrote ${outFile}`);
    });
}
