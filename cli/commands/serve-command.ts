/** `shoebox serve`: the web app on PORT, over whatever the warehouse holds. */
import type { Command } from 'commander';
import { openWarehouse } from '../../db/open-warehouse.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { readManifest } from '../../demo/manifest.ts';
import { startWebServer } from '../../web/start-web-server.ts';
import type { CommandContext } from '../command-context.ts';
import { demoDir, gatherStatus } from '../demo-workflow.ts';
import { parsePort } from '../option-parsers.ts';

export function registerServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('start the web app over the configured warehouse (Ctrl+C stops it)')
    .option('--port <PORT>', 'port to listen on (default PORT or 3000)', parsePort)
    .option('--host <HOST>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port?: number; host: string }) => {
      const warehouse = await openConfiguredWarehouse(context);
      try {
        await serveUntilStopped(context, warehouse, { port: options.port, host: options.host });
      } finally {
        await warehouse.close();
      }
    });
}

export function openConfiguredWarehouse(context: CommandContext): Promise<Warehouse> {
  const config = context.config();
  return openWarehouse(config.warehouseUrl, {
    home: config.home,
    copyIamRole: config.redshiftCopyIamRole,
    region: config.awsRegion,
  });
}

/** Serves until SIGINT or SIGTERM, then closes cleanly. */
export async function serveUntilStopped(
  context: CommandContext,
  warehouse: Warehouse,
  options: { port?: number | undefined; host?: string },
): Promise<void> {
  // Listen for the stop signals before announcing the URL: whoever reads the announcement may
  // signal at once, and an unhandled SIGINT would kill the process without closing anything.
  const stopRequested = stopSignal();
  try {
    const config = context.config();
    const manifest = await readManifest(demoDir(context));
    const server = await startWebServer({
      port: options.port ?? config.port,
      host: options.host ?? '127.0.0.1',
      status: () => gatherStatus(warehouse, manifest),
    });
    context.print(`shoebox is serving on ${server.url} (Ctrl+C to stop)`);
    await stopRequested.promise;
    await server.close();
    context.log.info('Stopped.');
  } finally {
    stopRequested.dispose();
  }
}

function stopSignal(): { promise: Promise<void>; dispose(): void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = () => resolve();
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
