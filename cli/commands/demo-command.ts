/**
 * `shoebox demo` (what `npm start` runs): generate or reuse the demo data, load it, serve it. On a
 * second start the data is already loaded: the web app starts first and the pipeline's (usually
 * no-op) rerun goes on behind it.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';
import { ensureDemoData, loadDemoIntoWarehouse } from '../demo-workflow.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';
import { parsePort, parseScale, parseSeed } from '../option-parsers.ts';
import { serveUntilStopped } from './serve-command.ts';

interface DemoOptions {
  scale?: number;
  seed?: number;
  serve: boolean;
  fresh?: boolean;
  port?: number;
}

export function registerDemoCommand(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description(
      'build the Cordova Shoe Co. demo (reusing what was built before), load it and start the web app',
    )
    .option('--scale <S>', 'size: 1 is about a million order lines (default DEMO_SCALE or 1)', parseScale)
    .option('--seed <N>', 'random seed (default DEMO_SEED or 42)', parseSeed)
    .option('--fresh', 'regenerate and reload even if data for this seed and scale exists')
    .option('--no-serve', 'stop after loading instead of starting the web app')
    .option('--port <PORT>', 'port for the web app (default PORT or 3000)', parsePort)
    .action(async (options: DemoOptions) => {
      const config = context.config();
      const demo = await ensureDemoData(context, {
        seed: options.seed ?? config.demo.seed,
        scale: options.scale ?? config.demo.scale,
        fresh: options.fresh ?? false,
      });
      const warehouse = await openConfiguredWarehouse(context);
      const load = () =>
        loadDemoIntoWarehouse(context, warehouse, demo, { force: (options.fresh ?? false) && demo.reused });
      try {
        // Data loaded before (a second start): serve at once and check for changes behind it.
        const loadInBackground = options.serve && demo.reused && !options.fresh;
        if (!loadInBackground) await load();
        if (options.serve) {
          await serveUntilStopped(context, warehouse, {
            port: options.port,
            seedDemoUsers: true,
            ...(loadInBackground
              ? {
                  afterListen: async (runtime) => {
                    await load();
                    await runtime.refresh();
                  },
                }
              : {}),
          });
        }
      } finally {
        await warehouse.close();
      }
    });
}
