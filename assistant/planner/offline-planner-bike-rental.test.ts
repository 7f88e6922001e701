/**
 * The same planner on another business, the Tejo Bikes example (examples/bike-rental): its own
 * model and CSV data, its station and district names indexed from a DuckDB warehouse. Nothing in
 * the planner changes: it knows only what the catalog says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import type { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { openExampleWarehouse, readExampleModel } from '../../examples/bike-rental/example-model.ts';
import { buildCatalogIndex } from '../../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../../semantic-layer/catalog/index-dimension-values.ts';
import { compileQuery } from '../../semantic-layer/compiler/compile-query.ts';
import { createOfflinePlanner } from './create-offline-planner.ts';
import { EMPTY_THREAD_CONTEXT, type Plan, type Planner } from './plan.ts';
import { converse, expectClarify, expectPlan, expectRobust, type PlanCase } from './test-planner-cases.ts';

const model = readExampleModel();
const context = { clock: fixedClock(new Date('2025-07-01T09:00:00Z')), fiscalYearStartMonth: 1 };
let warehouse: DuckDbWarehouse;
let planner: Planner;

beforeAll(async () => {
  warehouse = await openExampleWarehouse();
  const values = await indexDimensionValues(warehouse, model, { clock: context.clock });
  planner = createOfflinePlanner({
    model,
    catalog: buildCatalogIndex(model, values),
    dimensionValues: values,
    ...context,
  });
}, 60_000);

afterAll(async () => {
  await warehouse?.close();
});

const plan = (question: string): Plan => planner.plan({ question, thread: EMPTY_THREAD_CONTEXT });
const JUNE: [string, string] = ['2025-06-01', '2025-06-30'];

const CASES: PlanCase[] = [
  { q: 'how many rentals last month', intent: 'total', metrics: ['rentals'], range: JUNE },
  {
    q: 'how many rides did we have in May',
    intent: 'total',
    metrics: ['rentals'],
    range: ['2025-05-01', '2025-05-31'],
  },
  {
    q: 'revenue by bike type this year',
    intent: 'breakdown',
    metrics: ['rental_revenue'],
    dims: ['bikes.bike_type'],
  },
  {
    q: 'trips by station last month',
    intent: 'breakdown',
    metrics: ['rentals'],
    dims: ['stations.station_name'],
    range: JUNE,
  },
  {
    q: 'top 3 stations by turnover last quarter',
    intent: 'rank',
    metrics: ['rental_revenue'],
    dims: ['stations.station_name'],
    order: 'desc',
    limit: 3,
  },
  {
    q: 'ride minutes by neighborhood',
    intent: 'breakdown',
    metrics: ['ride_minutes'],
    dims: ['stations.district'],
  },
  { q: 'monthly rentals', intent: 'trend', metrics: ['rentals'], grain: 'month' },
  {
    q: 'revenue for electric bikes last month',
    intent: 'total',
    metrics: ['rental_revenue'],
    filters: { 'bikes.bike_type': ['electric'] },
  },
  {
    q: 'maintenance cost by job type last quarter',
    intent: 'breakdown',
    metrics: ['maintenance_cost'],
    dims: ['maintenance.job_type'],
  },
  {
    q: 'which districts are there',
    intent: 'list_values',
    tool: 'list_dimension_values',
    args: { dimension: 'stations.district' },
  },
  {
    q: 'share of rentals by plan',
    intent: 'share',
    metrics: ['rentals'],
    dims: ['members.plan'],
    share: true,
  },
  {
    q: 'why did rentals drop last month',
    intent: 'explain',
    metrics: ['rentals'],
    range: JUNE,
    baseline: ['2025-05-01', '2025-05-31'],
  },
  {
    q: 'takings last month vs last year',
    intent: 'compare',
    metrics: ['rental_revenue'],
    compare: 'same_period_last_year',
  },
  { q: 'revenue in baixa last month', intent: 'total', filters: { 'stations.district': ['Baixa'] } },
  {
    q: 'rentals from praca do comercio last month',
    intent: 'total',
    filters: { 'stations.station_name': ['Praça do Comércio'] },
  },
  { q: 'utilization by bike type', intent: 'breakdown', metrics: ['utilisation'], dims: ['bikes.bike_type'] },
  {
    q: 'repairs on cargo bikes this year',
    intent: 'total',
    metrics: ['maintenance_jobs'],
    filters: { 'bikes.bike_type': ['cargo'] },
  },
  {
    q: 'kilometres by plan as a bar chart',
    intent: 'breakdown',
    metrics: ['distance_km'],
    dims: ['members.plan'],
    chart: 'bar',
  },
  {
    q: 'which station had the most rides last month',
    intent: 'rank',
    metrics: ['rentals'],
    dims: ['stations.station_name'],
    order: 'desc',
    limit: 1,
  },
  {
    q: 'top 3 stations by rides',
    intent: 'rank',
    metrics: ['rentals'],
    dims: ['stations.station_name'],
    limit: 3,
  },
  {
    // No metric named: the ranking is by the headline metric (the one the verified queries lead with).
    q: 'top 5 stations last month',
    intent: 'rank',
    dims: ['stations.station_name'],
    limit: 5,
  },
  {
    q: 'revenue per rental by station',
    intent: 'breakdown',
    metrics: ['revenue_per_rental'],
    dims: ['stations.station_name'],
  },
];

describe('the offline planner on the bike-rental example', () => {
  it.each(CASES.map((c) => [c.q, c] as const))('%s', async (_q, c) => {
    const p = plan(c.q);
    expectPlan(p, c, model, context);
    if (p.kind !== 'tools') return;
    for (const call of p.calls.filter((x) => x.tool === 'query_metrics')) {
      const compiled = compileQuery(model, call.arguments, { ...context, dialect: 'duckdb' });
      await expect(warehouse.query(compiled.sql, compiled.params)).resolves.toBeDefined();
    }
  });

  it('follows up on the last question', () => {
    const [, byStation, electric] = converse(planner, [
      'revenue by district last month',
      'and by station?',
      'what about electric bikes?',
    ]);
    expect(byStation?.kind === 'tools' && byStation.query?.dimensions).toEqual([
      'stations.district',
      'stations.station_name',
    ]);
    expect(electric?.kind === 'tools' && electric.query?.filters).toEqual([
      { dimension: 'bikes.bike_type', operator: 'equals', values: ['electric'] },
    ]);
  });

  it('clarifies what it does not know, with suggestions from this catalog', () => {
    for (const q of ['what was our employee happiness score', 'revenue by shoe size', 'sales of boots']) {
      const p = plan(q);
      expectClarify(p, q);
      if (p.kind === 'clarify') for (const s of p.suggestions) expect(plan(s).kind).toBe('tools');
    }
  });

  it('uses a verified query saved from feedback, with the period the question names', async () => {
    const saved = {
      question: 'How busy were the riverside docks?',
      query: {
        metrics: ['rentals'],
        dimensions: ['stations.station_name'],
        time: { dimension: 'metric_time', grain: null, range: { relative: 'last_12_months' as const } },
        filters: [
          { dimension: 'stations.district', operator: 'in' as const, values: ['Belém', 'Cais do Sodré'] },
        ],
        compare: null,
        share_of_total: false,
        include_others: false,
        order: [{ by: 'rentals', direction: 'desc' as const }],
        limit: 20,
      },
    };
    const values = await indexDimensionValues(warehouse, model, { clock: context.clock });
    const setup = { model, catalog: buildCatalogIndex(model, values), dimensionValues: values, ...context };
    const withFeedback = createOfflinePlanner({ ...setup, extraVerifiedQueries: [saved] });
    const p = withFeedback.plan({
      question: 'how busy were the riverside docks last month',
      thread: EMPTY_THREAD_CONTEXT,
    });
    expect(p.kind === 'tools' && p.query).toEqual({
      ...saved.query,
      time: { ...saved.query.time, range: { relative: 'last_month' } },
    });
    expect(p.kind === 'tools' && p.understood).toContain('verified question');
    // Without it, the same words are not understood: the planner asks rather than guesses.
    expect(
      createOfflinePlanner(setup).plan({
        question: 'how busy were the riverside docks last month',
        thread: EMPTY_THREAD_CONTEXT,
      }).kind,
    ).toBe('clarify');
  });

  it('never throws, and every plan it makes compiles, for any mix of catalog, cue and time words', () => {
    expectRobust(planner, model, context, buildCatalogIndex(model));
  });

  it('works from the sample values alone before any values were indexed', () => {
    const bare = createOfflinePlanner({
      model,
      catalog: buildCatalogIndex(model),
      dimensionValues: undefined,
      ...context,
    });
    const p = bare.plan({
      question: 'revenue for electric bikes in alfama last month',
      thread: EMPTY_THREAD_CONTEXT,
    });
    expect(p.kind === 'tools' && p.query?.filters).toEqual([
      { dimension: 'bikes.bike_type', operator: 'equals', values: ['electric'] },
      { dimension: 'stations.district', operator: 'equals', values: ['Alfama'] },
    ]);
    expect(bare.plan({ question: 'revenue in alcantara', thread: EMPTY_THREAD_CONTEXT }).kind).toBe(
      'clarify',
    );
  });

  it('offers starters from its own verified questions', () => {
    const verified = model.verifiedQueries.map((v) => v.question);
    expect(planner.starterQuestions()).toHaveLength(4);
    for (const s of planner.starterQuestions()) expect(verified).toContain(s);
  });
});
