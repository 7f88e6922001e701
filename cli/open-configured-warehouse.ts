/**
 * The warehouse the settings name, for commands that only query or load it. Its own module so
 * that such commands (ask, load, etl) do not import the web server with it.
 */
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { CommandContext } from './command-context.ts';

export function openConfiguredWarehouse(context: CommandContext): Promise<Warehouse> {
  const config = context.config();
  return openWarehouse(config.warehouseUrl, {
    home: config.home,
    copyIamRole: config.redshiftCopyIamRole,
    region: config.awsRegion,
  });
}
