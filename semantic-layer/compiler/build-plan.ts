/**
 * Query + model → QueryPlan. Each simple metric becomes a measure aggregated at its own model's
 * grain (one CTE per model; semi-additive and cumulative measures get their own), ratios and
 * derived metrics become formulas over those measures, evaluated after the join. Relative dates,
 * the time spine, comparison periods and cumulative windows are all resolved here, in TypeScript.
 */
import { type Clock, isoDate } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { FilterSpec, MetricSpec } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { findDimension, METRIC_TIME } from '../query/model-members.ts';
import { compareRange, resolveTimeRange } from '../query/resolve-time-range.ts';
import type { SemanticQuery } from '../query/semantic-query-shape.ts';
import { parseDerivedFormula } from './derived-formula.ts';
import { checkOthers, planDimensions, planOrder } from './plan-order.ts';
import { describeFilter, describeMetric } from './plan-provenance.ts';
import type { Formula, QueryPlan } from './query-plan.ts';
import { SourceDraft } from './source-draft.ts';
import { buildSpine, windowStart } from './time-spine.ts';

export interface PlanOptions {
  clock: Clock;
  fiscalYearStartMonth: number;
}

type Cumulative = Extract<MetricSpec, { type: 'cumulative' }>;

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.SemanticQueryInvalid, message);
}

export function buildPlan(model: SemanticLayerModel, query: SemanticQuery, options: PlanOptions): QueryPlan {
  const context = { clock: options.clock, fiscalYearStartMonth: options.fiscalYearStartMonth };
  const grain = query.time?.grain ?? null;
  const range = query.time ? resolveTimeRange(query.time.range, context) : null;
  const compare = query.compare
    ? { mode: query.compare, range: compareRange(query.time ? range : null, query.compare) }
    : null;
  const sources: SourceDraft[] = [];
  const measures = new Map<string, string>();
  const cumulatives: Cumulative[] = [];
  const involved = new Set<string>();

  const newSource = (kind: SourceDraft['kind'], metric: MetricSpec & { model: string }): SourceDraft => {
    if (kind === 'aggregate') {
      const shared = sources.find((s) => s.kind === 'aggregate' && s.base.name === metric.model);
      if (shared) return shared;
    }
    const base = model.semanticModels.find((m) => m.name === metric.model);
    if (!base) {
      throw new CodedError(
        ErrorCode.SemanticModelInvalid,
        `Metric "${metric.name}" names an unknown model "${metric.model}"; run shoebox semantic validate.`,
      );
    }
    const source = new SourceDraft(model, `s${sources.length}`, kind, base);
    if (query.time) {
      const member =
        query.time.dimension === METRIC_TIME
          ? `${base.name}.${base.default_time_dimension ?? ''}`
          : query.time.dimension;
      if (!findDimension(model, member)) {
        throw new CodedError(
          ErrorCode.SemanticUnsupportedSlice,
          `Metric "${metric.name}" (model ${base.name}) has no default time dimension, so it cannot be put on metric_time; ask for it with time: null, or pick a time dimension of ${base.name}.`,
          { details: { metric: metric.name, model: base.name } },
        );
      }
      source.time = source.dimension(member, `metric "${metric.name}" over time`);
    }
    source.dimensions = query.dimensions.map((d) => source.dimension(d, `metric "${metric.name}" by "${d}"`));
    source.where = query.filters.map((f) =>
      source.condition(f, `metric "${metric.name}" filtered on "${f.dimension}"`),
    );
    sources.push(source);
    return source;
  };

  const resolve = (name: string, inherited: readonly FilterSpec[], stack: readonly string[]): Formula => {
    const metric = model.metrics.find((m) => m.name === name);
    if (!metric)
      throw new CodedError(
        ErrorCode.SemanticUnknownMember,
        `Unknown metric "${name}" in the model; run shoebox semantic validate.`,
      );
    if (stack.includes(name)) {
      throw new CodedError(
        ErrorCode.SemanticModelInvalid,
        `Metric "${name}" refers to itself through ${stack.join(' → ')}.`,
      );
    }
    involved.add(name);
    const filters = [...inherited, ...metric.filters];
    const inner = [...stack, name];
    switch (metric.type) {
      case 'simple': {
        const kind = metric.non_additive_dimension ? 'semi_additive' : 'aggregate';
        const key = `${kind}:${name}:${JSON.stringify(filters)}`;
        const known = measures.get(key);
        if (known) return { kind: 'measure', column: known };
        const source = newSource(kind, metric);
        const column = `m${measures.size}`;
        if (metric.non_additive_dimension) {
          const day = source.dimension(
            `${metric.model}.${metric.non_additive_dimension.dimension}`,
            `metric "${name}"`,
          );
          source.nonAdditive = { day, window: metric.non_additive_dimension.window };
        }
        source.measure(metric, filters, column);
        measures.set(key, column);
        return { kind: 'measure', column };
      }
      case 'ratio':
        return {
          kind: 'op',
          op: '/',
          left: resolve(metric.numerator, filters, inner),
          right: resolve(metric.denominator, filters, inner),
        };
      case 'derived':
        return parseDerivedFormula(name, metric.expr, (n) => resolve(n, filters, inner), metric.metrics);
      case 'cumulative':
        return resolveCumulative(metric, filters);
    }
  };

  const resolveCumulative = (metric: Cumulative, filters: readonly FilterSpec[]): Formula => {
    if (!grain || !range) {
      throw invalid(
        `Cumulative metric "${metric.name}" needs time with a grain and a bounded range (e.g. grain month, range this_year).`,
      );
    }
    if (compare)
      throw invalid(
        `Cumulative metric "${metric.name}" cannot be compared; ask for the two periods as separate queries.`,
      );
    const base = model.metrics.find((m) => m.name === metric.metric);
    if (
      base?.type !== 'simple' ||
      (base.agg !== 'sum' && base.agg !== 'count') ||
      base.non_additive_dimension
    ) {
      throw new CodedError(
        ErrorCode.SemanticModelInvalid,
        `Cumulative metric "${metric.name}" must accumulate a simple sum or count metric, not "${metric.metric}".`,
      );
    }
    involved.add(base.name);
    const source = newSource('cumulative', base);
    source.windowColumn = `w${cumulatives.length}`;
    cumulatives.push(metric);
    const column = `m${measures.size}`;
    measures.set(`cumulative:${metric.name}:${measures.size}`, column);
    // The base metric's own filters too: cash accumulates cash_movement only over the cash accounts.
    source.measure(base, [...filters, ...metric.filters, ...base.filters], column);
    return { kind: 'measure', column };
  };

  const formulas = query.metrics.map((name) => resolve(name, [], []));
  const spine =
    grain && range
      ? buildSpine(
          grain,
          range,
          compare,
          options.fiscalYearStartMonth,
          cumulatives,
          isoDate(options.clock.now()),
        )
      : null;
  for (const [index, metric] of cumulatives.entries()) {
    const source = sources.find((s) => s.windowColumn === `w${index}`) as SourceDraft;
    const starts = (spine ?? []).map((row) => windowStart(metric, row.last, options.fiscalYearStartMonth));
    source.from = starts.some((s) => s === null) ? null : ([...starts].sort()[0] ?? null);
  }

  checkOthers(query, sources);
  const dimensions = planDimensions(model, query);
  const timeColumn =
    query.time?.dimension === METRIC_TIME ? METRIC_TIME : (query.time?.dimension.split('.')[1] ?? '');
  const plan: QueryPlan = {
    metrics: query.metrics.map((name, i) => ({
      name,
      column: name,
      formula: formulas[i] as Formula,
      format: model.metrics.find((m) => m.name === name)?.format ?? 'number',
    })),
    dimensions,
    time: query.time ? { member: query.time.dimension, grain, column: timeColumn } : null,
    range,
    compare,
    fiscalYearStartMonth: options.fiscalYearStartMonth,
    sources: sources.map((s) => s.build()),
    spine,
    order: planOrder(query, dimensions),
    limit: query.limit,
    includeOthers: query.include_others,
    shareOfTotal: query.share_of_total,
    provenance: {
      metrics: model.metrics.filter((m) => involved.has(m.name)).map(describeMetric),
      filters: query.filters.map(describeFilter),
    },
  };
  return deepFreeze(plan);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
