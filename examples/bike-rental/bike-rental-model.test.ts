/**
 * The Tejo Bikes example proves the semantic layer knows no particular business: its model parses
 * with the same schema as any company's, every reference in it points at something that exists
 * (metrics, dimensions, entities, the CSV columns behind each view), and catalog search works on it
 * with the values read from its own warehouse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { buildCatalogIndex, type CatalogIndex } from '../../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../../semantic-layer/catalog/index-dimension-values.ts';
import { searchCatalog } from '../../semantic-layer/catalog/search-catalog.ts';
import { semanticQueryShape } from '../../semantic-layer/query/semantic-query-shape.ts';
import { EXAMPLE_DIR, openExampleWarehouse, readExampleModel } from './example-model.ts';
import { readExpectedAnswers } from './expected-answers.ts';

const model = readExampleModel();
const csvColumns = (relation: string): string[] => {
  const file = join(EXAMPLE_DIR, 'data', `${relation.replace(/^curated\./, '')}.csv`);
  return (readFileSync(file, 'utf8').split('\n')[0] ?? '').split(',');
};
const dimensionNames = new Set(
  model.semanticModels.flatMap((m) => m.dimensions.map((d) => `${m.name}.${d.name}`)),
);
const metricNames = new Set(model.metrics.map((m) => m.name));
const IDENTIFIER = /\b[a-z_][a-z0-9_]*\b/g;

describe('the bike-rental model', () => {
  it('has 8+ metrics of all four types and 8+ verified queries', () => {
    expect(model.metrics.length).toBeGreaterThanOrEqual(8);
    expect(new Set(model.metrics.map((m) => m.type))).toEqual(
      new Set(['simple', 'ratio', 'derived', 'cumulative']),
    );
    expect(model.verifiedQueries.length).toBeGreaterThanOrEqual(8);
  });

  it('grounds every member: a description and synonyms, sample values for categories', () => {
    const members = [...model.metrics, ...model.semanticModels.flatMap((m) => m.dimensions)];
    for (const member of members) {
      expect(member.description, member.name).not.toBe('');
      if (!('type' in member && member.type === 'time'))
        expect(member.synonyms.length, member.name).toBeGreaterThan(0);
    }
    for (const dimension of model.semanticModels.flatMap((m) => m.dimensions)) {
      if (dimension.type === 'categorical')
        expect(dimension.sample_values.length, dimension.name).toBeGreaterThan(0);
    }
  });

  it('reads only columns that its CSV files have, through curated views', () => {
    for (const semanticModel of model.semanticModels) {
      expect(semanticModel.relation).toMatch(/^curated\.[a-z_]+$/);
      const columns = csvColumns(semanticModel.relation);
      const used = [
        ...semanticModel.entities.map((e) => e.expr ?? e.name),
        ...semanticModel.dimensions.map((d) => (typeof d.expr === 'string' ? d.expr : d.name)),
        ...model.metrics.flatMap((m) =>
          m.type === 'simple' && m.model === semanticModel.name ? [m.expr as string] : [],
        ),
      ];
      for (const expr of used)
        for (const column of expr.match(IDENTIFIER) ?? []) expect(columns).toContain(column);
    }
  });

  it('references only members that exist', () => {
    const primary = new Set(
      model.semanticModels.flatMap((m) => m.entities.filter((e) => e.type === 'primary').map((e) => e.name)),
    );
    for (const semanticModel of model.semanticModels) {
      for (const entity of semanticModel.entities)
        if (entity.type === 'foreign') expect(primary).toContain(entity.name);
    }
    const models = new Set(model.semanticModels.map((m) => m.name));
    for (const metric of model.metrics) {
      const refs =
        metric.type === 'simple'
          ? []
          : metric.type === 'ratio'
            ? [metric.numerator, metric.denominator]
            : metric.type === 'derived'
              ? metric.metrics
              : [metric.metric];
      if (metric.type === 'simple') expect(models).toContain(metric.model);
      for (const ref of refs) expect(metricNames, metric.name).toContain(ref);
      if (metric.type === 'derived') {
        for (const word of metric.expr.match(IDENTIFIER) ?? []) expect(metric.metrics).toContain(word);
      }
    }
    const queries = [
      ...model.verifiedQueries.map((v) => v.query),
      ...readExpectedAnswers().questions.map((q) => q.query),
    ];
    for (const query of queries) {
      const parsed = semanticQueryShape.parse(query);
      for (const metric of parsed.metrics) expect(metricNames).toContain(metric);
      for (const dimension of [...parsed.dimensions, ...parsed.filters.map((f) => f.dimension)]) {
        expect(dimensionNames).toContain(dimension);
      }
    }
  });
});

describe('catalog search on the bike-rental example', () => {
  let warehouse: DuckDbWarehouse;
  let index: CatalogIndex;

  beforeAll(async () => {
    warehouse = await openExampleWarehouse();
    const values = await indexDimensionValues(warehouse, model);
    expect(values.skipped).toEqual([]);
    index = buildCatalogIndex(model, values);
  });
  afterAll(() => warehouse.close());

  it.each([
    // [question, member expected among the top three, value it should carry]
    ['takings in Belem', 'rental_revenue', null],
    ['takings in Belem', 'stations.district', 'Belém'],
    ['electrik bikes', 'bikes.bike_type', 'electric'],
    ['average ride length by plan', 'average_ride_minutes', null],
    ['average ride length by plan', 'members.plan', null],
    ['rides from Cais do Sodre', 'stations.station_name', 'Cais do Sodré'],
    ['utilization of cargo bikes', 'utilisation', null],
    ['utilization of cargo bikes', 'bikes.bike_type', 'cargo'],
    ['repair costs by job type', 'maintenance_cost', null],
    ['jeronimos', 'stations.station_name', 'Jerónimos'],
    ['rentals at oriente', 'stations.station_name', 'Gare do Oriente'],
    ['riders who came from a partner hotel', 'members.signup_channel', 'partner hotel'],
    ['brake jobs', 'maintenance.job_type', 'brakes'],
    ['ytd revenue', 'revenue_year_to_date', null],
  ])('%s -> %s', (question, name, value) => {
    const hits = searchCatalog(index, question, { limit: 3 });
    const hit = hits.find((h) => h.name === name);
    expect(hit, JSON.stringify(hits.map((h) => h.name))).toBeDefined();
    if (value !== null) expect(hit?.values[0]?.value).toBe(value);
  });

  it('finds the verified question nearest a rephrased one', () => {
    const verified = searchCatalog(index, 'net contribution per month this year', { limit: 10 }).filter(
      (h) => h.kind === 'verified_query',
    );
    expect(verified[0]?.name).toBe('Net contribution by month this year');
  });
});

describe('no shoe business in the shared code', () => {
  it('the catalog source never names the demo company or its products', () => {
    const dir = join(EXAMPLE_DIR, '..', '..', 'semantic-layer', 'catalog');
    const words = /\b(shoes?|boots?|leather|suede|sandals?|loafers?|sneakers?|heels?|cordova)\b/i;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(words);
  });
});
