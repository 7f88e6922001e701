/**
 * search_catalog: the question's words to ranked catalog members (metrics, dimensions, semantic
 * models, verified questions) and the dimension values they name, so the model uses exact names.
 */
import { z } from 'zod';
import { searchCatalog } from '../semantic-layer/catalog/search-catalog.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import { findDimension } from '../semantic-layer/query/model-members.ts';
import type { Tool } from './tool.ts';

const input = z.strictObject({
  text: z.string().min(1).max(500).describe('The question, or the words to look up.'),
  limit: z.number().int().min(1).max(25).nullable().describe('How many members to return; null for 10.'),
});

function describeMember(model: SemanticLayerModel, kind: string, name: string): string | null {
  if (kind === 'metric') return model.metrics.find((m) => m.name === name)?.description ?? null;
  if (kind === 'dimension') {
    const dimension = findDimension(model, name)?.dimension;
    if (dimension === undefined) return null;
    const placeholders = dimension.placeholder_values.map((v) => `"${v}"`).join(', ');
    // The model builds its own queries: it is told which members stand for "none".
    return placeholders
      ? `${dimension.description} ${placeholders} stands for none: leave it out of rankings (filter not_in).`
      : dimension.description;
  }
  if (kind === 'semantic_model')
    return model.semanticModels.find((m) => m.name === name)?.description ?? null;
  return null;
}

export const searchCatalogTool: Tool<z.infer<typeof input>> = {
  name: 'search_catalog',
  description:
    'Finds the metrics, dimensions, dimension values and verified questions that match words of the question. ' +
    'Call it before query_metrics when unsure of a name or a value.',
  input,
  role: 'viewer',
  async run({ text, limit }, ctx) {
    const hits = searchCatalog(ctx.catalog, text, { limit: limit ?? 10 });
    const members = hits.map((hit) => ({
      kind: hit.kind,
      name: hit.name,
      score: hit.score,
      why: hit.reason,
      description: describeMember(ctx.model, hit.kind, hit.name),
      values: hit.values.slice(0, 5).map((v) => v.value),
    }));
    return {
      content: {
        members,
        note:
          members.length === 0
            ? 'Nothing in the catalog matches these words. Ask the user what they mean, or try other words.'
            : null,
      },
      artifacts: [],
    };
  },
};
