/** `shoebox serve`: the web app on PORT, over whatever the warehouse holds. */
import type { Command } from 'commander';
import type { AssistantRuntime } from '../../assistant/assistant-runtime.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { readManifest } from '../../demo/manifest.ts';
import { seedDemoUsers } from '../../web/auth/seed-demo-users.ts';
import { startWebServer } from '../../web/start-web-server.ts';
import { webSettingsOf } from '../../web/web-settings.ts';
import type { CommandContext } from '../command-context.ts';
import { demoDir, gatherStatus } from '../demo-workflow.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';
import { parsePort } from '../option-parsers.ts';
import { stopSignal } from '../stop-signal.ts';
import { WEB_WIRING, type WebWiring } from '../web-wiring.ts';

export function registerServeCommand(
  program: Command,
  context: CommandContext,
  wiring: WebWiring = WEB_WIRING,
): void {
  program
    .command('serve')
    .description('start the web app over the configured warehouse (Ctrl+C stops it)')
    .option('--port <PORT>', 'port to listen on (default PORT or 3000)', parsePort)
    .option('--host <HOST>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port?: number; host: string }) => {
      const warehouse = await openConfiguredWarehouse(context);
      try {
        await serveUntilStopped(context, warehouse, { port: options.port, host: options.host, wiring });
      } finally {
        await warehouse.close();
      }
    });
}

export interface ServeOptions {
  port?: number | undefined;
  host?: string;
  wiring?: WebWiring;
  /** Create the demo users that are missing and print their passwords (the demo only). */
  seedDemoUsers?: boolean;
  /** Work to run once the URL is printed (the demo's reload); awaited before closing. */
  afterListen?: (runtime: AssistantRuntime) => Promise<void>;
}

/** Serves until SIGINT or SIGTERM, then closes cleanly. */
export async function serveUntilStopped(
  context: CommandContext,
  warehouse: Warehouse,
  options: ServeOptions,
): Promise<void> {
  // Listen for the stop signals before announcing the URL: whoever reads the announcement may
  // signal at once, and an unhandled SIGINT would kill the process without closing anything.
  const stopRequested = stopSignal();
  const wiring = options.wiring ?? WEB_WIRING;
  try {
    const config = context.config();
    const manifest = await readManifest(demoDir(context));
    const runtime = await wiring.openRuntime({ config, log: context.log, warehouse });
    try {
      if (options.seedDemoUsers) await printDemoUsers(context, runtime);
      const server = await startWebServer({
        port: options.port ?? config.port,
        host: options.host ?? '127.0.0.1',
        deps: { runtime, appDb: runtime.appDb, log: context.log, clock: config.clock },
        featureRouters: wiring.featureRouters(config),
        ...(wiring.homePath ? { homePath: wiring.homePath } : {}),
        settings: webSettingsOf(config),
        status: () => gatherStatus(warehouse, manifest),
      });
      context.print(`shoebox is serving on ${server.url} (Ctrl+C to stop)`);
      const background = options.afterListen?.(runtime).catch((error: unknown) => {
        context.log.error(
          `Background work failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      await stopRequested.promise;
      await server.close();
      await background;
    } finally {
      await runtime.close();
    }
    context.log.info('Stopped.');
  } finally {
    stopRequested.dispose();
  }
}

async function printDemoUsers(context: CommandContext, runtime: AssistantRuntime): Promise<void> {
  const created = await seedDemoUsers(runtime.appDb);
  if (created.length === 0) {
    context.log.info(
      'Demo users: manager, finance, admin (passwords were printed when they were created; `shoebox users password NAME` sets a new one).',
    );
    return;
  }
  context.print('Demo users created (these passwords are shown only now; only their hashes are stored):');
  for (const user of created)
    context.print(`  ${user.username.padEnd(8)} ${user.password}   (role ${user.role})`);
}
