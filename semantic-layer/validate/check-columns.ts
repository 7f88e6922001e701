/**
 * The optional online check: every relation exists and every column an expression reads is a
 * column of its relation, asked of the warehouse itself (information_schema). Offline
 * validation cannot know the columns; this catches a renamed or misspelt column before a query does.
 */
import type { RelationColumn } from '../../db/warehouse.ts';
import type { SqlExpression } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { IssueSink } from './issue-sink.ts';
import { columnReferences, expressionVariants } from './sql-expression-check.ts';
import type { ValidationIssue } from './validation-codes.ts';

export interface ColumnSource {
  readonly dialect: string;
  listColumns(schema: string, relation: string): Promise<RelationColumn[]>;
}

export async function checkColumns(
  model: SemanticLayerModel,
  warehouse: ColumnSource,
): Promise<ValidationIssue[]> {
  const sink = new IssueSink();
  const where = (key: string) => model.locations.get(key) ?? { file: '?', line: 0 };
  const columnsOf = new Map<string, Set<string> | undefined>();
  for (const m of model.semanticModels) {
    const [schema = '', relation = ''] = m.relation.split('.');
    const columns = await warehouse.listColumns(schema, relation);
    if (columns.length === 0) {
      sink.add(
        'UNKNOWN_RELATION',
        where(`model:${m.name}`),
        `model "${m.name}": relation ${m.relation} does not exist in the warehouse (or has no columns); check the name or load the warehouse`,
      );
      columnsOf.set(m.name, undefined);
    } else columnsOf.set(m.name, new Set(columns.map((c) => c.name.toLowerCase())));
  }
  const check = (modelName: string, expr: SqlExpression, key: string, what: string) => {
    const columns = columnsOf.get(modelName);
    if (!columns) return;
    for (const { dialect, sql } of expressionVariants(expr)) {
      if (dialect !== 'default' && dialect !== warehouse.dialect) continue;
      for (const column of columnReferences(sql)) {
        if (!columns.has(column)) {
          const relation = model.semanticModels.find((m) => m.name === modelName)?.relation;
          sink.add(
            'UNKNOWN_COLUMN',
            where(key),
            `${what} reads "${column}", which is not a column of ${relation}; its columns are ${[...columns].join(', ')}`,
          );
        }
      }
    }
  };
  for (const m of model.semanticModels) {
    for (const e of m.entities)
      check(m.name, e.expr ?? e.name, `model:${m.name}`, `entity "${m.name}.${e.name}"`);
    for (const d of m.dimensions)
      check(m.name, d.expr ?? d.name, `dimension:${m.name}.${d.name}`, `dimension "${m.name}.${d.name}"`);
  }
  for (const metric of model.metrics) {
    if (metric.type === 'simple')
      check(metric.model, metric.expr, `metric:${metric.name}`, `metric "${metric.name}"`);
  }
  return sink.issues;
}
