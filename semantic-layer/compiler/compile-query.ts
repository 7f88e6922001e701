/**
 * The compiler's entry point: a semantic query (JSON) → validated query → plan → SQL for one
 * dialect, with its positional parameters, the columns it returns and the plan (provenance).
 */
import type { Clock } from '../../core/clock.ts';
import type { SqlParam, WarehouseDialect } from '../../db/warehouse.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import type { QueryGrain } from '../query/semantic-query-shape.ts';
import { validateQuery } from '../query/validate-query.ts';
import { buildPlan } from './build-plan.ts';
import type { DialectAdapter } from './dialects/dialect-adapter.ts';
import { duckdbAdapter } from './dialects/duckdb-adapter.ts';
import { postgresAdapter } from './dialects/postgres-adapter.ts';
import { redshiftAdapter } from './dialects/redshift-adapter.ts';
import type { QueryPlan } from './query-plan.ts';
import { renderPlan } from './render-plan.ts';

export const DIALECT_ADAPTERS: Readonly<Record<WarehouseDialect, DialectAdapter>> = {
  duckdb: duckdbAdapter,
  postgres: postgresAdapter,
  redshift: redshiftAdapter,
};

export type ColumnRole = 'dimension' | 'time' | 'metric' | 'compare' | 'share';

export interface CompiledColumn {
  name: string;
  role: ColumnRole;
  /** currency, number, percent, days (metrics); date, text (dimensions). */
  format: string;
  /** The member it comes from (metric name, qualified dimension, time member). */
  member: string;
  /** For the time column: the grain its dates start (fiscal periods are labelled by their first day). */
  grain?: QueryGrain;
}

export interface CompiledQuery {
  sql: string;
  params: SqlParam[];
  columns: CompiledColumn[];
  plan: QueryPlan;
}

export interface CompileOptions {
  dialect: WarehouseDialect;
  clock: Clock;
  fiscalYearStartMonth: number;
}

export function compileQuery(
  model: SemanticLayerModel,
  input: unknown,
  options: CompileOptions,
): CompiledQuery {
  const query = validateQuery(model, input);
  const plan = buildPlan(model, query, options);
  return compilePlan(plan, options.dialect);
}

export function compilePlan(plan: QueryPlan, dialect: WarehouseDialect): CompiledQuery {
  const adapter = DIALECT_ADAPTERS[dialect];
  const compiled = renderPlan(plan, adapter).compile(adapter.kysely);
  return {
    sql: compiled.sql,
    params: [...compiled.parameters] as SqlParam[],
    columns: planColumns(plan),
    plan,
  };
}

export function planColumns(plan: QueryPlan): CompiledColumn[] {
  const columns: CompiledColumn[] = [];
  if (plan.time?.grain)
    columns.push({ name: plan.time.column, role: 'time', format: 'date', member: plan.time.member });
  for (const d of plan.dimensions) {
    columns.push({
      name: d.column,
      role: 'dimension',
      format: d.type === 'time' ? 'date' : 'text',
      member: d.member,
    });
  }
  for (const m of plan.metrics) {
    columns.push({ name: m.column, role: 'metric', format: m.format, member: m.name });
    if (plan.shareOfTotal)
      columns.push({ name: `${m.column}_share`, role: 'share', format: 'percent', member: m.name });
    if (plan.compare) {
      columns.push({ name: `${m.column}_previous`, role: 'compare', format: m.format, member: m.name });
      columns.push({ name: `${m.column}_change`, role: 'compare', format: m.format, member: m.name });
      columns.push({ name: `${m.column}_change_pct`, role: 'compare', format: 'percent', member: m.name });
    }
  }
  return columns;
}
