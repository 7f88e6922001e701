/**
 * One aggregate CTE being planned: the metric's model as t0, the models its dimensions and filters
 * need joined along many-to-one paths, and the columns read from each (d_*, e_*, v_*).
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { FilterSpec, MetricSpec, SemanticModelSpec, SqlExpression } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { findDimension } from '../query/model-members.ts';
import type { QueryFilter } from '../query/semantic-query-shape.ts';
import { joinPath } from './join-paths.ts';
import type {
  ColumnRef,
  PlannedCondition,
  PlannedMeasure,
  PlannedSource,
  PlannedTable,
} from './query-plan.ts';

interface TableDraft {
  alias: string;
  spec: SemanticModelSpec;
  columns: Map<string, SqlExpression>;
  join: PlannedTable['join'];
}

type SimpleMetric = Extract<MetricSpec, { type: 'simple' }>;

export class SourceDraft {
  readonly tables: TableDraft[] = [];
  readonly measures: PlannedMeasure[] = [];
  time: ColumnRef | null = null;
  dimensions: ColumnRef[] = [];
  where: PlannedCondition[] = [];
  nonAdditive: PlannedSource['nonAdditive'] = null;
  windowColumn: string | null = null;
  from: string | null = null;

  constructor(
    private readonly model: SemanticLayerModel,
    readonly name: string,
    readonly kind: PlannedSource['kind'],
    readonly base: SemanticModelSpec,
  ) {
    this.tables.push({ alias: 't0', spec: base, columns: new Map(), join: null });
  }

  /** The alias of `target`'s table, joining it (and the models on the way) if needed. */
  private tableFor(target: string, asked: string): TableDraft {
    const existing = this.tables.find((t) => t.spec.name === target);
    if (existing) return existing;
    let current = this.tables[0] as TableDraft;
    for (const hop of joinPath(this.model, this.base.name, target, asked)) {
      const found = this.tables.find((t) => t.spec.name === hop.to);
      if (found) {
        current = found;
        continue;
      }
      const spec = this.model.semanticModels.find((m) => m.name === hop.to) as SemanticModelSpec;
      const key = `e_${hop.entity}`;
      current.columns.set(key, entityExpr(current.spec, hop.entity));
      const next: TableDraft = {
        alias: `t${this.tables.length}`,
        spec,
        columns: new Map([[key, entityExpr(spec, hop.entity)]]),
        join: { from: { table: current.alias, column: key }, to: key },
      };
      this.tables.push(next);
      current = next;
    }
    return current;
  }

  /** A qualified dimension ("model.dim") as a column of this source. */
  dimension(qualified: string, asked: string): ColumnRef {
    const found = findDimension(this.model, qualified);
    if (!found) {
      throw new CodedError(ErrorCode.SemanticUnknownMember, `Unknown dimension "${qualified}" in ${asked}.`);
    }
    const table = this.tableFor(found.model.name, asked);
    const alias = `d_${found.dimension.name}`;
    table.columns.set(alias, found.dimension.expr ?? found.dimension.name);
    return { table: table.alias, column: alias };
  }

  condition(filter: QueryFilter | FilterSpec, asked: string): PlannedCondition {
    const qualified = filter.dimension.includes('.')
      ? filter.dimension
      : `${this.base.name}.${filter.dimension}`;
    return { column: this.dimension(qualified, asked), operator: filter.operator, values: filter.values };
  }

  measure(metric: SimpleMetric, filters: readonly FilterSpec[], column: string): PlannedMeasure {
    const alias = `v_${metric.name}`;
    (this.tables[0] as TableDraft).columns.set(alias, metric.expr);
    const measure: PlannedMeasure = {
      column,
      metric: metric.name,
      agg: metric.agg,
      value: { table: 't0', column: alias },
      conditions: filters.map((f) => this.condition(f, `the filter of metric "${metric.name}"`)),
      zeroFill: metric.agg === 'sum' || metric.agg === 'count' || metric.agg === 'count_distinct',
    };
    this.measures.push(measure);
    return measure;
  }

  build(): PlannedSource {
    return {
      name: this.name,
      kind: this.kind,
      model: this.base.name,
      tables: this.tables.map((t) => ({
        alias: t.alias,
        model: t.spec.name,
        relation: t.spec.relation,
        columns: [...t.columns].map(([alias, expr]) => ({ alias, expr })),
        join: t.join,
      })),
      time: this.time,
      dimensions: this.dimensions,
      where: this.where,
      measures: this.measures,
      nonAdditive: this.nonAdditive,
      windowColumn: this.windowColumn,
      from: this.from,
    };
  }
}

function entityExpr(spec: SemanticModelSpec, entity: string): string {
  const found = spec.entities.find((e) => e.name === entity);
  return found?.expr ?? entity;
}
