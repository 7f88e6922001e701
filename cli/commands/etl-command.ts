/**
 * `shoebox etl run [--full]` (plain `shoebox etl` too): bring the sources into the warehouse
 * through the pipeline (extract, stage, load, merge, transform, reconcile, record).
 * `shoebox etl status [--json]`: per source and table, the last successful load, rows and lag.
 */
import type { Command } from 'commander';
import { dataFreshness } from '../../db/data-freshness.ts';
import { readSqlServerTables } from '../../glue/sources/sqlserver-contracts.ts';
import type { CommandContext } from '../command-context.ts';
import { formatFreshness } from '../format-freshness.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';
import { parsePositiveInt } from '../option-parsers.ts';
import { describeRun, runDemoEtl } from '../run-demo-etl.ts';
import { type EtlGlueDependencies, registerEtlGlueCommands, runGlueAction } from './etl-glue-command.ts';

/** The Glue jobs extract the ERP tables the T-SQL procedures' contracts describe. */
const glueDependencies: EtlGlueDependencies = { erpTables: () => readSqlServerTables() };

interface EtlRunOptions {
  full?: boolean;
  force?: boolean;
  batchSize?: number;
  glue?: boolean;
  jobPrefix: string;
  runId?: string;
}

export function registerEtlCommand(program: Command, context: CommandContext): void {
  const etl = program
    .command('etl')
    .description('load the sources into the warehouse (run, the default) or show how fresh it is (status)');
  etl
    .command('run', { isDefault: true })
    .description('extract what changed since the last run, stage, load, merge, transform and reconcile it')
    .option('--full', 'ignore the watermarks and reload every table from the source')
    .option('--force', 'same as --full (kept for older scripts)')
    .option(
      '--batch-size <N>',
      'rows per extract batch and staged part file (default 250000)',
      parsePositiveInt('--batch-size'),
    )
    .option('--glue', 'run the stages as AWS Glue jobs (deploy them first) and wait for the end')
    .option('--job-prefix <name>', 'with --glue: prefix of the Glue job names', 'shoebox')
    .option('--run-id <id>', 'with --glue: name of the run (its S3 folder); default: a new one')
    .action(async (options: EtlRunOptions) => {
      if (options.glue) {
        await runGlueAction(context, glueDependencies, {
          glue: true,
          jobPrefix: options.jobPrefix,
          runId: options.runId,
        });
        return;
      }
      const warehouse = await openConfiguredWarehouse(context);
      try {
        const result = await runDemoEtl(context, warehouse, {
          full: options.full || options.force || false,
          batchSize: options.batchSize,
        });
        context.log.info(describeRun(result, warehouse.description));
      } finally {
        await warehouse.close();
      }
    });
  registerEtlGlueCommands(etl, context, glueDependencies);
  etl
    .command('status')
    .description('per source and table: the last successful load, rows and lag')
    .option('--json', 'print JSON (the figures the assistant uses)')
    .action(async (options: { json?: boolean }) => {
      const warehouse = await openConfiguredWarehouse(context);
      try {
        const freshness = await dataFreshness(warehouse);
        context.print(options.json ? JSON.stringify(freshness, null, 2) : formatFreshness(freshness));
      } finally {
        await warehouse.close();
      }
    });
}
