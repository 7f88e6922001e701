/**
 * "How did <a category> do in <a region> last quarter?" names no metric, but asks how something
 * performed. The answer uses the company's headline metric, read from the catalog alone: the
 * metric its verified queries lead with most often (ties: the first in the model). A question
 * with no metric and no such performance wording still asks back.
 */
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';

const PERFORMANCE =
  /\bhow(?:'s| is| are| was| were| did| do| does| has| have)\b.*\b(?:do|doing|did|done|perform|performing|performed|go|going|gone|fare|faring|fared)\b/i;

export function asksHowItWent(question: string): boolean {
  return PERFORMANCE.test(question);
}

export function headlineMetric(
  model: SemanticLayerModel,
  verified: readonly { query: SemanticQuery }[],
): string | null {
  const counts = new Map<string, number>();
  for (const v of verified) {
    const first = v.query.metrics[0];
    if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const metric of model.metrics) {
    const n = counts.get(metric.name) ?? 0;
    if (n > 0 && (best === null || n > (counts.get(best) ?? 0))) best = metric.name;
  }
  return best ?? model.metrics[0]?.name ?? null;
}
