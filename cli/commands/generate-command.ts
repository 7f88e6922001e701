/** `shoebox generate`: write the Cordova Shoe Co. demo data to a folder, nothing else. */
import path from 'node:path';
import type { Command } from 'commander';
import { isoDate } from '../../core/clock.ts';
import type { CommandContext } from '../command-context.ts';
import { demoDir, generateWithProgress } from '../demo-workflow.ts';
import { parseIsoDate, parseScale, parseSeed } from '../option-parsers.ts';

interface GenerateOptions {
  scale?: number;
  seed?: number;
  out?: string;
  asOf?: string;
}

export function registerGenerateCommand(program: Command, context: CommandContext): void {
  program
    .command('generate')
    .description(
      "generate the Cordova Shoe Co. demo data (ERP tables, ledger history, accountants' files) into a folder",
    )
    .option('--scale <S>', 'size: 1 is about a million order lines (default DEMO_SCALE or 1)', parseScale)
    .option(
      '--seed <N>',
      'random seed; the same seed, scale and --as-of give byte-identical files (default DEMO_SEED or 42)',
      parseSeed,
    )
    .option('--out <DIR>', 'output folder, replaced atomically (default $SHOEBOX_HOME/demo)')
    .option(
      '--as-of <YYYY-MM-DD>',
      'last day of data (default: today, or SHOEBOX_NOW)',
      parseIsoDate('--as-of'),
    )
    .action(async (options: GenerateOptions) => {
      const config = context.config();
      const outDir = options.out ? path.resolve(context.io.cwd, options.out) : demoDir(context);
      const seed = options.seed ?? config.demo.seed;
      const scale = options.scale ?? config.demo.scale;
      const asOf = options.asOf ?? isoDate(config.clock.now());
      const { manifest, seconds } = await generateWithProgress(context, { seed, scale, asOf, outDir });
      const peakMb = process.resourceUsage().maxRSS / 1024;
      context.print(
        `Wrote the demo data (seed ${seed}, scale ${scale}, ${manifest.firstDay} to ${manifest.asOf}) to ${outDir}`,
      );
      for (const table of manifest.tables)
        context.print(`  ${table.file.padEnd(40)} ${String(table.rows).padStart(10)} rows`);
      context.print(`  ${manifest.accountantFiles.length} accountants' files`);
      context.print(`Took ${seconds.toFixed(1)} s, peak memory ${peakMb.toFixed(0)} MB.`);
    });
}
