/** The names a query may use, read off a loaded model: metrics, qualified dimensions, time dimensions. */
import type { DimensionSpec, SemanticModelSpec } from '../model/model-file.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';

export const METRIC_TIME = 'metric_time';

export interface ModelMembers {
  metrics: string[];
  /** Every dimension as "<model>.<dimension>". */
  dimensions: string[];
  /** "metric_time" and every time dimension, qualified. */
  timeDimensions: string[];
}

export function modelMembers(model: SemanticLayerModel): ModelMembers {
  const dimensions = model.semanticModels.flatMap((m) => m.dimensions.map((d) => `${m.name}.${d.name}`));
  const timeDimensions = model.semanticModels.flatMap((m) =>
    m.dimensions.filter((d) => d.type === 'time').map((d) => `${m.name}.${d.name}`),
  );
  return {
    metrics: model.metrics.map((m) => m.name),
    dimensions,
    timeDimensions: [METRIC_TIME, ...timeDimensions],
  };
}

/** "model.dimension" → its model and spec, or undefined. */
export function findDimension(
  model: SemanticLayerModel,
  qualified: string,
): { model: SemanticModelSpec; dimension: DimensionSpec } | undefined {
  const dot = qualified.indexOf('.');
  if (dot < 0) return undefined;
  const owner = model.semanticModels.find((m) => m.name === qualified.slice(0, dot));
  const dimension = owner?.dimensions.find((d) => d.name === qualified.slice(dot + 1));
  return owner && dimension ? { model: owner, dimension } : undefined;
}
