/**
 * Reads the distinct values of every categorical dimension from its semantic model's curated view,
 * for catalog search ("Bilbao" finds the store dimension). Only plain column dimensions are read:
 * the view and column names come from the validated model and are checked again against a strict
 * pattern before they enter SQL text; a dimension defined by an expression is skipped (the
 * compiler, not this indexer, owns expressions). Values are capped in count (the most frequent
 * are kept) and in length, and stored as plain text: they are data, never SQL.
 */
import type { Clock } from '../../core/clock.ts';
import { systemClock } from '../../core/clock.ts';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import type { DimensionSpec, SemanticModelSpec } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import type { DimensionValueIndex } from './dimension-value-index.ts';
import { saveDimensionValueIndex } from './dimension-value-index.ts';

export interface IndexDimensionValuesOptions {
  /** Most distinct values kept per dimension (the most frequent first). Default 1000. */
  maxValuesPerDimension?: number;
  /** Longer values are left out (free text, not a category). Default 100, at most 500. */
  maxValueLength?: number;
  /** The only schema read. Default "curated". */
  curatedSchema?: string;
  timeoutMs?: number;
  clock?: Clock;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkedCount(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `${name} must be a whole number from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

/** The column a dimension reads on this dialect, or why it cannot be indexed. */
function columnOf(
  dimension: DimensionSpec,
  dialect: Warehouse['dialect'],
): { column: string } | { reason: string } {
  const expr = dimension.expr;
  const text =
    expr === undefined ? dimension.name : typeof expr === 'string' ? expr : (expr[dialect] ?? expr.default);
  const column = text.trim();
  return IDENTIFIER.test(column) ? { column } : { reason: 'defined by an expression, not a column' };
}

function valuesSql(
  schema: string,
  view: string,
  column: string,
  maxValues: number,
  maxLength: number,
): string {
  // Redshift's bare VARCHAR is VARCHAR(256) and would truncate silently; 1000 > 2 x the length cap.
  const text = `CAST("${column}" AS VARCHAR(1000))`;
  return (
    `SELECT ${text} AS dimension_value, COUNT(*) AS value_count FROM "${schema}"."${view}" ` +
    `WHERE "${column}" IS NOT NULL AND LENGTH(${text}) <= ${maxLength} ` +
    `GROUP BY ${text} ORDER BY COUNT(*) DESC, ${text} LIMIT ${maxValues + 1}`
  );
}

export async function indexDimensionValues(
  warehouse: Warehouse,
  model: SemanticLayerModel,
  options: IndexDimensionValuesOptions = {},
): Promise<DimensionValueIndex> {
  const maxValues = checkedCount(options.maxValuesPerDimension ?? 1000, 'maxValuesPerDimension', 100_000);
  const maxLength = checkedCount(options.maxValueLength ?? 100, 'maxValueLength', 500);
  const curated = options.curatedSchema ?? 'curated';
  const builtAt = (options.clock ?? systemClock).now().toISOString();
  const index: DimensionValueIndex = {
    version: 1,
    builtAt,
    source: warehouse.description,
    dimensions: [],
    skipped: [],
  };
  for (const semanticModel of model.semanticModels) {
    for (const dimension of semanticModel.dimensions) {
      if (dimension.type !== 'categorical') continue;
      const qualified = `${semanticModel.name}.${dimension.name}`;
      const outcome = await readValues(warehouse, semanticModel, dimension, {
        maxValues,
        maxLength,
        curated,
        options,
      });
      if ('reason' in outcome) index.skipped.push({ dimension: qualified, reason: outcome.reason });
      else index.dimensions.push({ dimension: qualified, relation: semanticModel.relation, ...outcome });
    }
  }
  return index;
}

async function readValues(
  warehouse: Warehouse,
  semanticModel: SemanticModelSpec,
  dimension: DimensionSpec,
  limits: { maxValues: number; maxLength: number; curated: string; options: IndexDimensionValuesOptions },
): Promise<{ values: string[]; truncated: boolean } | { reason: string }> {
  const [schema, view, extra] = semanticModel.relation.split('.');
  if (schema !== limits.curated || view === undefined || extra !== undefined || !IDENTIFIER.test(view)) {
    return { reason: `relation ${semanticModel.relation} is not a ${limits.curated}.<view> name` };
  }
  const target = columnOf(dimension, warehouse.dialect);
  if ('reason' in target) return target;
  try {
    const result = await warehouse.query(
      valuesSql(schema, view, target.column, limits.maxValues, limits.maxLength),
      [],
      { maxRows: limits.maxValues + 1, timeoutMs: limits.options.timeoutMs },
    );
    const values = result.rows.map((row) => String(row.dimension_value));
    const truncated = values.length > limits.maxValues || result.truncated;
    const kept = [...new Set(values.slice(0, limits.maxValues))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { values: kept, truncated };
  } catch (error) {
    return { reason: `query failed: ${messageOf(error).slice(0, 300)}` };
  }
}

/**
 * What the pipeline calls after each load: index the values and save them atomically to `path`.
 * Returns the index (to log how many values, and which dimensions were skipped).
 */
export async function refreshDimensionValueIndex(
  warehouse: Warehouse,
  model: SemanticLayerModel,
  path: string,
  options: IndexDimensionValuesOptions = {},
): Promise<DimensionValueIndex> {
  const index = await indexDimensionValues(warehouse, model, options);
  await saveDimensionValueIndex(path, index);
  return index;
}
