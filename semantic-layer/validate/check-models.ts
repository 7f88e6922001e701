/**
 * Checks within each semantic model and across their names: unique model, dimension and entity
 * names, grain only on time dimensions, a default time dimension that exists and is time, sound
 * expressions, and models that something can actually use.
 */
import type { IssueSink } from './issue-sink.ts';
import type { JoinGraph } from './join-graph.ts';
import { findDimension, type ModelIndex, placeOf } from './model-index.ts';
import { expressionProblem, expressionVariants } from './sql-expression-check.ts';

export function checkModelNames(index: ModelIndex, sink: IssueSink): void {
  for (const model of index.allModels) {
    const first = index.models.get(model.spec.name);
    if (first && first !== model) {
      sink.add(
        'DUPLICATE_MODEL',
        placeOf(model, 'name'),
        `semantic model "${model.spec.name}" is also defined in ${first.source.file}:${placeOf(first).line}; rename one`,
      );
    }
    const dimensions = new Set<string>();
    model.spec.dimensions.forEach((d, i) => {
      if (dimensions.has(d.name)) {
        sink.add(
          'DUPLICATE_DIMENSION',
          placeOf(model, 'dimensions', i, 'name'),
          `model "${model.spec.name}" has two dimensions named "${d.name}"; rename or remove one`,
        );
      }
      dimensions.add(d.name);
    });
    const entities = new Set<string>();
    model.spec.entities.forEach((e, i) => {
      if (entities.has(e.name)) {
        sink.add(
          'DUPLICATE_ENTITY',
          placeOf(model, 'entities', i, 'name'),
          `model "${model.spec.name}" has two entities named "${e.name}"; a model joins another model once`,
        );
      }
      entities.add(e.name);
    });
  }
}

export function checkModelMembers(index: ModelIndex, graph: JoinGraph, sink: IssueSink): void {
  // Named as foreign anywhere counts as joined to, even when the entity was ambiguous (reported apart).
  const foreignNames = new Set(
    index.allModels.flatMap((m) => m.spec.entities.filter((e) => e.type === 'foreign').map((e) => e.name)),
  );
  const joinedTo = new Set([...graph.edges.values()].flat().map((e) => e.to));
  for (const m of index.models.values()) {
    if (m.spec.entities.some((e) => e.type !== 'foreign' && foreignNames.has(e.name)))
      joinedTo.add(m.spec.name);
  }
  const withMetrics = new Set(
    index.allMetrics.flatMap((m) => (m.spec.type === 'simple' ? [m.spec.model] : [])),
  );
  for (const model of index.models.values()) {
    const name = model.spec.name;
    model.spec.dimensions.forEach((d, i) => {
      if (d.type === 'categorical' && d.grain) {
        sink.add(
          'GRAIN_ON_CATEGORICAL',
          placeOf(model, 'dimensions', i, 'grain'),
          `dimension "${name}.${d.name}" is categorical but sets \`grain\`; remove it or make the dimension \`type: time\``,
        );
      }
      if (d.type === 'time' && d.placeholder_values.length > 0) {
        sink.add(
          'PLACEHOLDER_ON_TIME',
          placeOf(model, 'dimensions', i, 'placeholder_values'),
          `dimension "${name}.${d.name}" is a time dimension but sets \`placeholder_values\`; only categorical members can stand for "none"`,
        );
      }
      for (const { dialect, sql } of expressionVariants(d.expr ?? d.name)) {
        const problem = expressionProblem(sql);
        if (problem) {
          sink.add(
            'BAD_EXPRESSION',
            placeOf(model, 'dimensions', i, 'expr'),
            `dimension "${name}.${d.name}" expr (${dialect}) ${problem}`,
          );
        }
      }
    });
    model.spec.entities.forEach((e, i) => {
      const problem = expressionProblem(e.expr ?? e.name);
      if (problem)
        sink.add(
          'BAD_EXPRESSION',
          placeOf(model, 'entities', i, 'expr'),
          `entity "${name}.${e.name}" expr ${problem}`,
        );
    });
    const timeName = model.spec.default_time_dimension;
    if (timeName) {
      const time = findDimension(model.spec, timeName);
      const place = placeOf(model, 'default_time_dimension');
      if (!time) {
        sink.add(
          'UNKNOWN_DIMENSION',
          place,
          `model "${name}": default_time_dimension "${timeName}" is not one of its dimensions (${model.spec.dimensions.map((d) => d.name).join(', ') || 'none'})`,
        );
      } else if (time.type !== 'time') {
        sink.add(
          'NOT_A_TIME_DIMENSION',
          place,
          `model "${name}": default_time_dimension "${timeName}" is categorical; name a \`type: time\` dimension`,
        );
      }
    }
    if (!withMetrics.has(name) && !joinedTo.has(name)) {
      sink.add(
        'UNUSABLE_MODEL',
        placeOf(model),
        `model "${name}" has no metric and no model joins to it, so nothing can use its dimensions; give it a primary entity that other models name as foreign, or a metric`,
      );
    }
  }
}
