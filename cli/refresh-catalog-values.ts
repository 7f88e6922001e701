/**
 * After a pipeline run that changed the warehouse: re-read the categorical dimensions' values
 * into $SHOEBOX_HOME/catalog-values.json, so catalog search finds "Bilbao" without querying the
 * warehouse per question. Lives in cli/ because glue/ may not import semantic-layer/.
 */
import { existsSync } from 'node:fs';
import { messageOf } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import {
  catalogValuesFile,
  type DimensionValueIndex,
} from '../semantic-layer/catalog/dimension-value-index.ts';
import { refreshDimensionValueIndex } from '../semantic-layer/catalog/index-dimension-values.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import type { CommandContext } from './command-context.ts';

export function catalogValuesPath(context: CommandContext): string {
  return catalogValuesFile(context.config().home);
}

/**
 * Rebuilds the index when `changed` or when the file is missing. A failure is a warning, not a
 * failed run: the warehouse is loaded and reconciled; search falls back to names only.
 */
export async function refreshCatalogValues(
  context: CommandContext,
  warehouse: Warehouse,
  changed: boolean,
): Promise<DimensionValueIndex | undefined> {
  const file = catalogValuesPath(context);
  if (!changed && existsSync(file)) return undefined;
  const config = context.config();
  try {
    const model = loadSemanticModel(config.semanticModelDir);
    const index = await refreshDimensionValueIndex(warehouse, model, file, { clock: config.clock });
    for (const skipped of index.skipped) {
      context.log.debug(`Catalog values: skipped ${skipped.dimension} (${skipped.reason}).`);
    }
    context.log.debug(
      `Catalog values: ${index.dimensions.length} dimensions indexed, ${index.skipped.length} skipped, in ${file}.`,
    );
    return index;
  } catch (error) {
    context.log.warn(
      `Could not refresh the catalog's dimension values in ${file}: ${messageOf(error)}. Catalog search still finds names; rerun \`shoebox etl run\` after fixing it.`,
    );
    return undefined;
  }
}
