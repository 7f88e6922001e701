/** Members' names as people read them, from the model's labels (or the name, de-underscored). */
import type { SemanticLayerModel } from './semantic-layer-model.ts';

function humanize(name: string): string {
  const words = name.replace(/^metric_time$/, 'period').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function metricLabel(model: SemanticLayerModel, name: string): string {
  const metric = model.metrics.find((m) => m.name === name);
  return metric?.label ?? humanize(name);
}

/** "stores.region_name" → the dimension's label, e.g. "Region". */
export function dimensionLabel(model: SemanticLayerModel, qualified: string): string {
  const [modelName, dimension] = qualified.includes('.') ? qualified.split('.', 2) : [undefined, qualified];
  const found = model.semanticModels
    .filter((m) => modelName === undefined || m.name === modelName)
    .flatMap((m) => m.dimensions)
    .find((d) => d.name === dimension);
  return found?.label ?? humanize(dimension ?? qualified);
}

/** The metric's format (currency, number, percent, days) as the model declares it. */
export function metricFormat(model: SemanticLayerModel, name: string): string {
  return model.metrics.find((m) => m.name === name)?.format ?? 'number';
}

/** A query's comparison (its `compare` mode) in words. */
export const COMPARISON_WORDS: Readonly<Record<string, string>> = {
  previous_period: 'the previous period',
  same_period_last_year: 'the same period last year',
};
