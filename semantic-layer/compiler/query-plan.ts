/**
 * The compiler's intermediate form: what to aggregate where, how to join, and how to finish,
 * decided once from the query and the model, independent of any dialect. It is frozen after
 * building; the renderer turns it into SQL for one dialect. It also carries the provenance an
 * answer cites (metric definitions, filters, the resolved period).
 */

import type { SqlExpression } from '../model/model-file.ts';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { FilterOperator, QueryGrain } from '../query/semantic-query-shape.ts';

/** A column of one model's derived table, e.g. t1.d_region_name. */
export interface ColumnRef {
  table: string;
  column: string;
}

export interface PlannedTable {
  alias: string;
  model: string;
  relation: string;
  /** The columns this query reads from the model, by alias (d_*, e_*, v_*). */
  columns: readonly { alias: string; expr: SqlExpression }[];
  /** How it joins to a table before it (many-to-one; LEFT JOIN so unmatched facts still count). */
  join: { from: ColumnRef; to: string } | null;
}

export interface PlannedCondition {
  column: ColumnRef;
  operator: FilterOperator;
  values: readonly (string | number | boolean)[];
}

export type Aggregation = 'sum' | 'count' | 'count_distinct' | 'min' | 'max' | 'average';

export interface PlannedMeasure {
  /** Column in the source CTE and in the joined rows (m0, m1 ...). */
  column: string;
  metric: string;
  agg: Aggregation;
  value: ColumnRef;
  /** The metric's own filters: only matching rows enter the aggregate (CASE WHEN, portable). */
  conditions: readonly PlannedCondition[];
  /** Missing groups and empty periods count as zero (sum, count); others stay null. */
  zeroFill: boolean;
}

export interface PlannedSource {
  /** CTE name (s0, s1 ...); the comparison's copy is cmp_<name>. */
  name: string;
  /** aggregate: plain GROUP BY; semi_additive: the last (first) day of each period; cumulative: running. */
  kind: 'aggregate' | 'semi_additive' | 'cumulative';
  model: string;
  tables: readonly PlannedTable[];
  time: ColumnRef | null;
  dimensions: readonly ColumnRef[];
  where: readonly PlannedCondition[];
  measures: readonly PlannedMeasure[];
  nonAdditive: { day: ColumnRef; window: 'last' | 'first' } | null;
  /** Cumulative: the spine column holding each period's window start (null: from the beginning). */
  windowColumn: string | null;
  /** Cumulative: the earliest day any window reaches (null: unbounded). */
  from: string | null;
}

export type Formula =
  | { kind: 'measure'; column: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula }
  | { kind: 'negate'; operand: Formula };

export interface PlannedMetric {
  name: string;
  /** Output column name. */
  column: string;
  formula: Formula;
  format: string;
}

export interface PlannedDimension {
  member: string;
  /** d0, d1 ... in the CTEs. */
  key: string;
  column: string;
  type: 'categorical' | 'time';
}

export interface SpineRow {
  period: string;
  /** The period's last day inside the range. */
  last: string;
  /** The compared period (same position in the comparison range), if comparing. */
  compare: string | null;
  /** Window starts of the cumulative sources, in source order (null: from the beginning). */
  windows: readonly (string | null)[];
}

export type OrderTarget =
  | { kind: 'time' }
  | { kind: 'dimension'; key: string }
  | { kind: 'metric'; index: number };

export interface MetricDefinition {
  name: string;
  type: string;
  description: string;
  definition: string;
  filters: readonly string[];
}

export interface QueryPlan {
  metrics: readonly PlannedMetric[];
  dimensions: readonly PlannedDimension[];
  time: { member: string; grain: QueryGrain | null; column: string } | null;
  range: DateRange | null;
  compare: { mode: string; range: DateRange } | null;
  fiscalYearStartMonth: number;
  sources: readonly PlannedSource[];
  spine: readonly SpineRow[] | null;
  order: readonly { target: OrderTarget; direction: 'asc' | 'desc' }[];
  limit: number;
  includeOthers: boolean;
  shareOfTotal: boolean;
  provenance: { metrics: readonly MetricDefinition[]; filters: readonly string[] };
}
