/**
 * The whole semantic model once loaded: the union of every YAML file in the model folder, with
 * where each member was written (for error messages). The validator produces it; the compiler,
 * the catalog search and the query schema read it. Nothing here knows any particular business.
 */
import type { MetricSpec, ModelFile, SemanticModelSpec, VerifiedQuerySpec } from './model-file.ts';

export interface SourceLocation {
  /** Path relative to the model folder. */
  file: string;
  /** 1-based line of the member's first key. */
  line: number;
}

export interface SemanticLayerModel {
  semanticModels: readonly SemanticModelSpec[];
  metrics: readonly MetricSpec[];
  verifiedQueries: readonly VerifiedQuerySpec[];
  /** Keyed "model:<name>", "metric:<name>", "dimension:<model>.<name>", "verified:<index>". */
  locations: ReadonlyMap<string, SourceLocation>;
}

/** Merges parsed files into one model (no checks: the validator runs over the result). */
export function mergeModelFiles(
  files: readonly { content: ModelFile; locations?: ReadonlyMap<string, SourceLocation> }[],
): SemanticLayerModel {
  const locations = new Map<string, SourceLocation>();
  for (const file of files) for (const [key, value] of file.locations ?? []) locations.set(key, value);
  return {
    semanticModels: files.flatMap((f) => f.content.semantic_models),
    metrics: files.flatMap((f) => f.content.metrics),
    verifiedQueries: files.flatMap((f) => f.content.verified_queries),
    locations,
  };
}
