/**
 * `shoebox etl`: bring the sources into the warehouse. Today that is the ERP extract of the demo
 * (ERP_URL=demo:) loaded as raw tables; the staged, incremental, reconciled pipeline replaces this.
 */
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { readManifest } from '../../demo/manifest.ts';
import type { CommandContext } from '../command-context.ts';
import { demoDir, loadDemoIntoWarehouse } from '../demo-workflow.ts';
import { openConfiguredWarehouse } from './serve-command.ts';

export function registerEtlCommand(program: Command, context: CommandContext): void {
  program
    .command('etl')
    .description('load the sources into the warehouse (now: the demo ERP extract, as raw tables)')
    .option('--force', 'reload even if the warehouse already holds this extract')
    .action(async (options: { force?: boolean }) => {
      const config = context.config();
      if (!config.erpUrl.startsWith('demo:')) {
        throw new CodedError(
          ErrorCode.NotImplemented,
          `ERP_URL ${config.erpUrl.split(':')[0]}: is not supported by this version of etl yet; use ERP_URL=demo:`,
        );
      }
      const dir = demoDir(context);
      const manifest = await readManifest(dir);
      if (!manifest) {
        throw new CodedError(
          ErrorCode.DemoDataMissing,
          `No demo data in ${dir}; run \`shoebox generate\` or \`shoebox demo\` first.`,
        );
      }
      const warehouse = await openConfiguredWarehouse(context);
      try {
        await loadDemoIntoWarehouse(
          context,
          warehouse,
          { dir, manifest, reused: true },
          { force: options.force ?? false },
        );
      } finally {
        await warehouse.close();
      }
    });
}
