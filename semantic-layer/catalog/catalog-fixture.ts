/**
 * A small, made-up catalog for the catalog tests: a homeware shop with stores in a few cities.
 * Generic on purpose: the search must not depend on any one business.
 */
import { modelFileSchema } from '../model/model-file.ts';
import { mergeModelFiles, type SemanticLayerModel } from '../model/semantic-layer-model.ts';
import type { DimensionValueIndex } from './dimension-value-index.ts';

export function fixtureModel(): SemanticLayerModel {
  const content = modelFileSchema.parse({
    semantic_models: [
      {
        name: 'sales',
        relation: 'curated.sales',
        description: 'Order lines sold in stores and online.',
        default_time_dimension: 'order_date',
        entities: [
          { name: 'line', type: 'primary', expr: 'line_id' },
          { name: 'store', type: 'foreign', expr: 'store_id' },
          { name: 'product', type: 'foreign', expr: 'product_id' },
        ],
        dimensions: [
          { name: 'order_date', type: 'time', grain: 'day', description: 'Day of the order.' },
          {
            name: 'channel',
            type: 'categorical',
            description: 'Store or web.',
            sample_values: ['web', 'store'],
          },
        ],
      },
      {
        name: 'stores',
        relation: 'curated.stores',
        description: 'Physical shops.',
        synonyms: ['shops', 'branches'],
        entities: [{ name: 'store', type: 'primary', expr: 'store_id' }],
        dimensions: [
          { name: 'city', type: 'categorical', description: 'City of the store.', synonyms: ['town'] },
          {
            name: 'region_name',
            type: 'categorical',
            description: 'Sales region.',
            sample_values: ['North', 'South'],
          },
        ],
      },
      {
        name: 'products',
        relation: 'curated.products',
        description: 'What we sell.',
        entities: [{ name: 'product', type: 'primary', expr: 'product_id' }],
        dimensions: [
          {
            name: 'category',
            type: 'categorical',
            description: 'Product category.',
            synonyms: ['department'],
          },
          { name: 'material', type: 'categorical', description: 'Main material of the product.' },
        ],
      },
    ],
    metrics: [
      {
        name: 'revenue',
        type: 'simple',
        model: 'sales',
        agg: 'sum',
        expr: 'amount',
        description: 'Net sales after discounts.',
        synonyms: ['takings', 'sales', 'turnover'],
      },
      {
        name: 'units',
        type: 'simple',
        model: 'sales',
        agg: 'sum',
        expr: 'quantity',
        description: 'Items sold.',
        synonyms: ['quantity', 'pieces'],
      },
      {
        name: 'gross_margin',
        type: 'simple',
        model: 'sales',
        agg: 'sum',
        expr: 'amount - cost',
        description: 'Revenue less the cost of goods sold.',
        synonyms: ['gross profit'],
      },
      {
        name: 'margin_percent',
        type: 'ratio',
        numerator: 'gross_margin',
        denominator: 'revenue',
        format: 'percent',
        description: 'Gross margin as a share of revenue.',
        synonyms: ['margin rate'],
      },
      {
        name: 'return_rate',
        type: 'ratio',
        numerator: 'units',
        denominator: 'units',
        description: 'Share of items sold that came back.',
        synonyms: ['returns'],
      },
    ],
    verified_queries: [
      {
        question: 'Revenue by city last month',
        query: { metrics: ['revenue'], dimensions: ['stores.city'] },
      },
      { question: 'Units by category', query: { metrics: ['units'], dimensions: ['products.category'] } },
    ],
  });
  return mergeModelFiles([{ content }]);
}

export function fixtureValues(): DimensionValueIndex {
  return {
    version: 1,
    builtAt: '2026-01-02T03:04:05.000Z',
    source: 'fixture',
    dimensions: [
      {
        dimension: 'stores.city',
        relation: 'curated.stores',
        values: ['Bilbao', 'New York', 'São Paulo', 'York', 'Zürich'],
        truncated: false,
      },
      {
        dimension: 'products.category',
        relation: 'curated.products',
        values: ['Accessories', 'Bed & Bath', 'Lamps', 'Rugs'],
        truncated: false,
      },
      {
        dimension: 'products.material',
        relation: 'curated.products',
        values: ['cotton', 'linen', 'wool', "x'); DROP TABLE sales; --"],
        truncated: false,
      },
    ],
    skipped: [],
  };
}
