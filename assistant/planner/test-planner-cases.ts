/**
 * Test support for planner tables: a case states the intent and the parts of the query that
 * matter (metrics, dimensions, filters, period, comparison, order, limit, chart); every
 * query_metrics call a plan makes is compiled with the real compiler, so only compilable queries
 * pass. Periods are compared as resolved dates, so "last_month" and its two dates are the same.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ChartKind } from '../../charts/chart-choice.ts';
import type { CatalogIndex } from '../../semantic-layer/catalog/catalog-index.ts';
import { compileQuery } from '../../semantic-layer/compiler/compile-query.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { resolveTimeRange } from '../../semantic-layer/query/resolve-time-range.ts';
import type {
  CompareMode,
  QueryGrain,
  RelativeRange,
  SemanticQuery,
  TimeRange,
} from '../../semantic-layer/query/semantic-query-shape.ts';
import type { Plan, PlanIntent, Planner, PlannerSetup, ThreadContext } from './plan.ts';
import { EMPTY_THREAD_CONTEXT } from './plan.ts';

export interface PlanCase {
  q: string;
  intent: PlanIntent;
  metrics?: string[];
  dims?: string[];
  /** Exactly these filters: dimension -> values (equals for one, in for several). */
  filters?: Record<string, string[]>;
  /** Exactly these exclusions: dimension -> values left out (not_equals, not_in). */
  excluded?: Record<string, string[]>;
  range?: RelativeRange | [string, string];
  compare?: CompareMode | null;
  grain?: QueryGrain | null;
  order?: 'asc' | 'desc';
  limit?: number;
  share?: boolean;
  chart?: ChartKind | 'auto' | null;
  /** For non-query intents: the tool called and some of its arguments. */
  tool?: string;
  args?: Record<string, unknown>;
  /** The members the answer names first (the plan's focus); null for none. */
  focus?: { dimension: string; values: string[] } | null;
  /** For explain: the baseline period. */
  baseline?: RelativeRange | [string, string];
}

type Context = Pick<PlannerSetup, 'clock' | 'fiscalYearStartMonth'>;

export function datesOf(range: TimeRange | RelativeRange | [string, string], context: Context) {
  if (Array.isArray(range)) return { start: range[0], end: range[1] };
  return resolveTimeRange(typeof range === 'string' ? { relative: range } : range, context);
}

/** Every query_metrics call compiles for every dialect. */
export function expectCompiles(plan: Plan, model: SemanticLayerModel, context: Context): void {
  if (plan.kind !== 'tools') return;
  for (const call of plan.calls.filter((c) => c.tool === 'query_metrics')) {
    for (const dialect of ['duckdb', 'postgres', 'redshift'] as const) {
      expect(() => compileQuery(model, call.arguments, { ...context, dialect })).not.toThrow();
    }
  }
}

export function expectPlan(plan: Plan, c: PlanCase, model: SemanticLayerModel, context: Context): void {
  const label = `${c.q} -> ${JSON.stringify(plan).slice(0, 600)}`;
  expect(plan.kind, label).toBe('tools');
  if (plan.kind !== 'tools') return;
  expect(plan.intent, label).toBe(c.intent);
  expect(plan.understood.length, label).toBeGreaterThan(5);
  expectCompiles(plan, model, context);
  if (c.tool !== undefined) expect(plan.calls[0]?.tool, label).toBe(c.tool);
  if (c.args !== undefined) expect(plan.calls[0]?.arguments, label).toMatchObject(c.args);
  if (c.chart !== undefined) expect(plan.chart, label).toBe(c.chart);
  if (c.focus !== undefined) expect(plan.focus ?? null, label).toEqual(c.focus);
  if (c.intent === 'explain') {
    const args = plan.calls[0]?.arguments as {
      metric: string;
      current: TimeRange;
      baseline: TimeRange;
      filters: unknown[];
    };
    expect(plan.calls[0]?.tool, label).toBe('explain_change');
    if (c.metrics) expect([args.metric], label).toEqual(c.metrics);
    if (c.range) expect(datesOf(args.current, context), label).toEqual(datesOf(c.range, context));
    if (c.baseline) expect(datesOf(args.baseline, context), label).toEqual(datesOf(c.baseline, context));
    if (c.filters)
      expect(filtersOf(args.filters as SemanticQuery['filters']), label).toEqual(sorted(c.filters));
    return;
  }
  const query =
    plan.calls[0]?.tool === 'query_metrics' ? (plan.calls[0].arguments as unknown as SemanticQuery) : null;
  if (query === null) return;
  expect(plan.query, label).toEqual(query);
  if (c.metrics) expect(query.metrics, label).toEqual(c.metrics);
  if (c.dims) expect(query.dimensions, label).toEqual(c.dims);
  if (c.filters) expect(filtersOf(query.filters), label).toEqual(sorted(c.filters));
  if (c.filters || c.excluded) expect(exclusionsOf(query.filters), label).toEqual(sorted(c.excluded ?? {}));
  if (c.range)
    expect(query.time && datesOf(query.time.range, context), label).toEqual(datesOf(c.range, context));
  if (c.compare !== undefined) expect(query.compare, label).toBe(c.compare);
  if (c.grain !== undefined) expect(query.time?.grain ?? null, label).toBe(c.grain);
  if (c.order) expect(query.order[0], label).toEqual({ by: query.metrics[0], direction: c.order });
  if (c.limit !== undefined) expect(query.limit, label).toBe(c.limit);
  if (c.share !== undefined) expect(query.share_of_total, label).toBe(c.share);
}

const EXCLUDING = new Set(['not_equals', 'not_in']);

function filtersOf(filters: SemanticQuery['filters']): Record<string, string[]> {
  const kept = filters.filter((f) => !EXCLUDING.has(f.operator));
  for (const f of kept) expect(f.operator).toBe(f.values.length === 1 ? 'equals' : 'in');
  return sorted(Object.fromEntries(kept.map((f) => [f.dimension, f.values.map(String)])));
}

function exclusionsOf(filters: SemanticQuery['filters']): Record<string, string[]> {
  const left = filters.filter((f) => EXCLUDING.has(f.operator));
  return sorted(Object.fromEntries(left.map((f) => [f.dimension, f.values.map(String)])));
}

function sorted(filters: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(filters)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, [...v].sort()]),
  );
}

/** The thread after a plan, as the loop keeps it. */
export function threadAfter(plan: Plan, previous: ThreadContext): ThreadContext {
  if (plan.kind !== 'tools' || plan.query === null) return previous;
  return {
    lastQuery: plan.query,
    lastIntent: plan.intent,
    lastChartKind: plan.chart === 'auto' ? null : plan.chart,
  };
}

/** Plans each turn of a conversation in order; returns every plan. */
export function converse(planner: Planner, questions: readonly string[]): Plan[] {
  let thread = EMPTY_THREAD_CONTEXT;
  return questions.map((question) => {
    const plan = planner.plan({ question, thread });
    thread = threadAfter(plan, thread);
    return plan;
  });
}

/** A clarifying plan: one question, two to four suggestions, a reason; optionally naming words. */
export function expectClarify(plan: Plan, question: string, mentions: readonly string[] = []): void {
  const label = `${question} -> ${JSON.stringify(plan).slice(0, 400)}`;
  expect(plan.kind, label).toBe('clarify');
  if (plan.kind !== 'clarify') return;
  expect(plan.suggestions.length, label).toBeGreaterThanOrEqual(2);
  expect(plan.suggestions.length, label).toBeLessThanOrEqual(4);
  expect(plan.reason.length, label).toBeGreaterThan(0);
  for (const word of mentions) expect(plan.message.toLowerCase(), label).toContain(word.toLowerCase());
}

/** Words that are not members: cues, periods, follow-up openers, an unknown word. */
const OTHER_WORDS = [
  'by',
  'top',
  '3',
  'why',
  'vs',
  'last year',
  'last month',
  'and',
  'what about',
  'share of',
  'as a bar chart',
  'same for last year',
  'excluding',
  'in',
  'per month',
  'trend',
  'which',
  'are there',
  'Q2',
  'zorblax',
];

/**
 * Any mix of catalog, cue and time words, over conversations of up to three turns: the planner
 * never throws, every query it makes compiles, every clarification carries suggestions, and
 * neither queries nor clarifications are rare (the property is not vacuous).
 */
export function expectRobust(
  planner: Planner,
  model: SemanticLayerModel,
  context: Context,
  catalog: CatalogIndex,
): void {
  const catalogWords = [...new Set(catalog.entries.flatMap((e) => e.tokens.map((t) => t.raw)))];
  const word = fc.constantFrom(...catalogWords, ...OTHER_WORDS);
  const counts: Record<string, number> = {};
  fc.assert(
    fc.property(
      fc.array(fc.array(word, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 3 }),
      (turns) => {
        let thread = EMPTY_THREAD_CONTEXT;
        for (const words of turns) {
          const p = planner.plan({ question: words.join(' '), thread });
          expectCompiles(p, model, context);
          counts[p.kind] = (counts[p.kind] ?? 0) + 1;
          if (p.kind === 'clarify') expect(p.suggestions.length).toBeGreaterThanOrEqual(2);
          thread = threadAfter(p, thread);
        }
      },
    ),
    { numRuns: 300, seed: 20260630 },
  );
  expect(counts.tools ?? 0).toBeGreaterThan(25);
  expect(counts.clarify ?? 0).toBeGreaterThan(50);
}
