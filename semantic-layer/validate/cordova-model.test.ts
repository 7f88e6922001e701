/**
 * The shipped model (semantic-layer/models, Cordova Shoe Co.) validates with no problem and
 * carries what the assistant needs: enough metrics of every kind, grounding on every member,
 * sample values on every categorical dimension, and verified queries for the common questions.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSemanticModel } from './validate-semantic-model.ts';

const dir = path.resolve(import.meta.dirname, '../models');
const { model, errors } = validateSemanticModel(dir);

describe('the Cordova semantic model', () => {
  it('validates with zero errors', () => {
    expect(errors).toEqual([]);
  });

  it('has at least 20 metrics, of all four types, over every area', () => {
    expect(model.metrics.length).toBeGreaterThanOrEqual(20);
    expect(new Set(model.metrics.map((m) => m.type))).toEqual(
      new Set(['simple', 'ratio', 'derived', 'cumulative']),
    );
    const models = new Set(model.metrics.flatMap((m) => (m.type === 'simple' ? [m.model] : [])));
    for (const area of [
      'sales_lines',
      'returns',
      'inventory_snapshots',
      'purchase_lines',
      'ledger_postings',
      'expenses',
    ]) {
      expect(models).toContain(area);
    }
  });

  it('gives every metric and dimension a description and synonyms, and categorical dimensions sample values', () => {
    const members = [...model.metrics, ...model.semanticModels.flatMap((m) => m.dimensions)];
    expect(members.filter((m) => m.synonyms.length === 0).map((m) => m.name)).toEqual([]);
    const categorical = model.semanticModels.flatMap((m) =>
      m.dimensions.filter((d) => d.type === 'categorical').map((d) => ({ ...d, id: `${m.name}.${d.name}` })),
    );
    expect(categorical.filter((d) => d.sample_values.length === 0).map((d) => d.id)).toEqual([]);
  });

  it('has at least 25 verified queries', () => {
    expect(model.verifiedQueries.length).toBeGreaterThanOrEqual(25);
  });

  it('offers the dimensions managers slice by', () => {
    const dims = new Set(model.semanticModels.flatMap((m) => m.dimensions.map((d) => `${m.name}.${d.name}`)));
    for (const d of [
      'stores.region_name',
      'stores.store_name',
      'channels.channel_name',
      'products.category',
      'products.product_line',
      'products.leather',
      'products.colour',
      'sales_lines.size',
      'customers.segment',
      'suppliers.supplier_name',
      'accounts.account_name',
      'expenses.category',
    ]) {
      expect(dims).toContain(d);
    }
  });

  it('keeps stock semi-additive: on-hand metrics take the last snapshot, never a sum over days', () => {
    const stock = model.metrics.filter((m) => m.type === 'simple' && m.model === 'inventory_snapshots');
    expect(stock.length).toBeGreaterThan(0);
    for (const m of stock) {
      expect(m.type === 'simple' && m.non_additive_dimension).toEqual({
        dimension: 'snapshot_date',
        window: 'last',
      });
    }
  });
});
