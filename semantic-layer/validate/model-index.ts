/**
 * The parsed files as one lookup: every member with the file and YAML path it came from, so
 * each check can point at the exact line of the field it complains about.
 */
import type { DimensionSpec, MetricSpec, SemanticModelSpec, VerifiedQuerySpec } from '../model/model-file.ts';
import type { Place } from './issue-sink.ts';
import type { LoadedModelFile, YamlPath } from './load-model-files.ts';

export interface Located<T> {
  spec: T;
  source: LoadedModelFile;
  path: YamlPath;
}

export interface ModelIndex {
  /** Every occurrence, duplicates included (the name checks report them). */
  allModels: Located<SemanticModelSpec>[];
  allMetrics: Located<MetricSpec>[];
  verified: Located<VerifiedQuerySpec>[];
  /** First occurrence of each name. */
  models: Map<string, Located<SemanticModelSpec>>;
  metrics: Map<string, Located<MetricSpec>>;
}

export function placeOf(member: Located<unknown>, ...sub: (string | number)[]): Place {
  return { file: member.source.file, line: member.source.lineOf([...member.path, ...sub]) };
}

export function indexModelFiles(files: readonly LoadedModelFile[]): ModelIndex {
  const index: ModelIndex = {
    allModels: [],
    allMetrics: [],
    verified: [],
    models: new Map(),
    metrics: new Map(),
  };
  for (const source of files) {
    for (const [i, spec] of source.content.semantic_models.entries()) {
      index.allModels.push({
        spec,
        source,
        path: ['semantic_models', source.yamlIndex.semantic_models[i] ?? i],
      });
    }
    for (const [i, spec] of source.content.metrics.entries()) {
      index.allMetrics.push({ spec, source, path: ['metrics', source.yamlIndex.metrics[i] ?? i] });
    }
    for (const [i, spec] of source.content.verified_queries.entries()) {
      index.verified.push({
        spec,
        source,
        path: ['verified_queries', source.yamlIndex.verified_queries[i] ?? i],
      });
    }
  }
  for (const m of index.allModels) if (!index.models.has(m.spec.name)) index.models.set(m.spec.name, m);
  for (const m of index.allMetrics) if (!index.metrics.has(m.spec.name)) index.metrics.set(m.spec.name, m);
  return index;
}

export function findDimension(model: SemanticModelSpec, name: string): DimensionSpec | undefined {
  return model.dimensions.find((d) => d.name === name);
}

/** "stores.region_name" -> ["stores", "region_name"]; undefined when not of that form. */
export function splitQualified(name: string): [string, string] | undefined {
  const parts = name.split('.');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
}

/** The models whose rows a metric finally aggregates (a ratio or derived metric may span several). */
export function baseModelsOf(index: ModelIndex, metricName: string, seen = new Set<string>()): Set<string> {
  const result = new Set<string>();
  const metric = index.metrics.get(metricName)?.spec;
  if (!metric || seen.has(metricName)) return result;
  seen.add(metricName);
  for (const ref of referencedMetrics(metric)) {
    for (const m of baseModelsOf(index, ref, seen)) result.add(m);
  }
  if (metric.type === 'simple') result.add(metric.model);
  seen.delete(metricName);
  return result;
}

export function referencedMetrics(metric: MetricSpec): string[] {
  switch (metric.type) {
    case 'simple':
      return [];
    case 'ratio':
      return [metric.numerator, metric.denominator];
    case 'derived':
      return metric.metrics;
    case 'cumulative':
      return [metric.metric];
  }
}
