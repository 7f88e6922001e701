/**
 * A ranking lists real members: the dimensions' placeholder values (the model's
 * `placeholder_values`, such as the key-0 "none" row of a star schema) are filtered out of the
 * ranked dimensions, unless the question already filters that dimension. Totals and breakdowns
 * keep them, so their figures still add up.
 */
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';

export function placeholderFilters(
  lexicon: PlannerLexicon,
  dimensions: readonly string[],
  filters: SemanticQuery['filters'],
): SemanticQuery['filters'] {
  const filtered = new Set(filters.map((f) => f.dimension));
  return dimensions.flatMap((dimension) => {
    const placeholders = lexicon.dimensions.get(dimension)?.spec.placeholder_values ?? [];
    if (placeholders.length === 0 || filtered.has(dimension)) return [];
    return [{ dimension, operator: 'not_in' as const, values: [...placeholders] }];
  });
}
