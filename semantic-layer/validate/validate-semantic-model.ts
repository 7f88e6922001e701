/**
 * The semantic model's loader and validator: reads the folder, checks every file's shape and
 * then every cross-reference, and reports all problems at once with file, line and code.
 */
import {
  mergeModelFiles,
  type SemanticLayerModel,
  type SourceLocation,
} from '../model/semantic-layer-model.ts';
import { type ColumnSource, checkColumns } from './check-columns.ts';
import { checkMetrics } from './check-metrics.ts';
import { checkModelMembers, checkModelNames } from './check-models.ts';
import { checkVerifiedQueries } from './check-verified-queries.ts';
import { IssueSink } from './issue-sink.ts';
import { checkJoinGraph } from './join-graph.ts';
import { type LoadedModelFile, listModelFiles, loadModelFiles } from './load-model-files.ts';
import { indexModelFiles } from './model-index.ts';
import { SemanticModelError } from './semantic-model-error.ts';
import { compareIssues, type ValidationIssue } from './validation-codes.ts';

export interface ValidationResult {
  model: SemanticLayerModel;
  errors: ValidationIssue[];
}

/** Every problem of the model in `dir` (offline: no warehouse needed). */
export function validateSemanticModel(dir: string): ValidationResult {
  const sink = new IssueSink();
  if (listModelFiles(dir).length === 0) {
    sink.add(
      'NO_MODEL_FILES',
      { file: '.', line: 0 },
      `no *.yaml or *.yml files in ${dir}; set SEMANTIC_MODEL_DIR to the folder of your semantic model`,
    );
  }
  const files = loadModelFiles(dir, sink);
  const index = indexModelFiles(files);
  checkModelNames(index, sink);
  const graph = checkJoinGraph(index, sink);
  checkModelMembers(index, graph, sink);
  checkMetrics(index, graph, sink);
  checkVerifiedQueries(index, graph, sink);
  let verifiedOffset = 0;
  const model = mergeModelFiles(
    files.map((f) => {
      const locations = locationsOf(f, verifiedOffset);
      verifiedOffset += f.content.verified_queries.length;
      return { content: f.content, locations };
    }),
  );
  return { model, errors: sink.issues.sort(compareIssues) };
}

/**
 * The same, plus the warehouse check (relations and columns exist) when a warehouse is given.
 * Columns are only checked once the model is otherwise valid.
 */
export async function validateSemanticModelOnline(
  dir: string,
  warehouse?: ColumnSource,
): Promise<ValidationResult> {
  const result = validateSemanticModel(dir);
  if (!warehouse || result.errors.length > 0) return result;
  const errors = await checkColumns(result.model, warehouse);
  return { model: result.model, errors: errors.sort(compareIssues) };
}

/** The model in `dir`, or a SemanticModelError listing every problem. */
export function loadSemanticModel(dir: string): SemanticLayerModel {
  const { model, errors } = validateSemanticModel(dir);
  if (errors.length > 0) throw new SemanticModelError(dir, errors);
  return model;
}

/** Keys as SemanticLayerModel documents; verified queries numbered across files. */
function locationsOf(file: LoadedModelFile, verifiedOffset: number): Map<string, SourceLocation> {
  const locations = new Map<string, SourceLocation>();
  const at = (list: keyof LoadedModelFile['yamlIndex'], i: number, ...rest: (string | number)[]) => ({
    file: file.file,
    line: file.lineOf([list, file.yamlIndex[list][i] ?? i, ...rest]),
  });
  for (const [i, m] of file.content.semantic_models.entries()) {
    locations.set(`model:${m.name}`, at('semantic_models', i));
    for (const [j, d] of m.dimensions.entries()) {
      locations.set(`dimension:${m.name}.${d.name}`, at('semantic_models', i, 'dimensions', j));
    }
  }
  for (const [i, m] of file.content.metrics.entries()) locations.set(`metric:${m.name}`, at('metrics', i));
  for (const i of file.content.verified_queries.keys()) {
    locations.set(`verified:${verifiedOffset + i}`, at('verified_queries', i));
  }
  return locations;
}
