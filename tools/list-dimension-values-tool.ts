/**
 * list_dimension_values: the values a dimension takes, from the value index read off the
 * warehouse after each load (or the model's sample_values when it was never indexed), filtered by
 * a search string. No warehouse query per call; nothing the model writes becomes SQL.
 */
import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { foldText } from '../semantic-layer/catalog/normalize-text.ts';
import { findDimension, modelMembers } from '../semantic-layer/query/model-members.ts';
import { didYouMean, nearestNames } from '../semantic-layer/query/nearest-names.ts';
import { categoricalDimensions, namesEnum, strictJsonSchema } from './member-enums.ts';
import type { Tool } from './tool.ts';
import type { ModelSchemaTool } from './tool-definitions.ts';

const input = z.strictObject({
  dimension: z.string().min(1).max(200).describe('A qualified dimension, "<model>.<dimension>".'),
  search: z
    .string()
    .max(100)
    .nullable()
    .describe('Only values containing this text (any case, accents); null for all.'),
  limit: z.number().int().min(1).max(200).nullable().describe('How many values; null for 50.'),
});

export const listDimensionValuesTool: Tool<z.infer<typeof input>> & ModelSchemaTool = {
  name: 'list_dimension_values',
  description:
    "Lists the values a dimension takes (e.g. the regions' names), optionally only those containing a search text. " +
    'Use it to find the exact value to filter on.',
  input,
  role: 'viewer',
  jsonSchema: (model) =>
    strictJsonSchema(input.extend({ dimension: namesEnum(categoricalDimensions(model)) })),
  async run({ dimension, search, limit }, ctx) {
    const found = findDimension(ctx.model, dimension);
    if (!found) {
      throw new CodedError(
        ErrorCode.SemanticUnknownMember,
        `Unknown dimension "${dimension}". ${didYouMean(dimension, modelMembers(ctx.model).dimensions)} Use the qualified name exactly.`,
      );
    }
    if (found.dimension.type === 'time') {
      throw new CodedError(
        ErrorCode.BadArgument,
        `${dimension} is a time dimension: its values are dates. Use query_metrics with a time range and grain instead.`,
      );
    }
    const indexed = ctx.dimensionValues?.dimensions.find((d) => d.dimension === dimension);
    const all = indexed ? indexed.values : found.dimension.sample_values.map(String);
    const wanted = search ? foldText(search) : '';
    const matching = wanted ? all.filter((v) => foldText(v).includes(wanted)) : all;
    const max = limit ?? 50;
    const values = matching.slice(0, max);
    const notes: string[] = [];
    if (!indexed)
      notes.push('These are the sample values written in the model; the warehouse values were not indexed.');
    if (indexed?.truncated) notes.push('The index keeps only the most frequent values of this dimension.');
    if (matching.length > values.length) notes.push(`Showing ${values.length} of ${matching.length} values.`);
    if (wanted && matching.length === 0) {
      const near = nearestNames(
        search ?? '',
        all.map((v) => v.toLowerCase()),
        3,
      );
      const originals = near.map((n) => all.find((v) => v.toLowerCase() === n) ?? n);
      notes.push(
        `No value contains "${search}". The closest are: ${originals.map((v) => `"${v}"`).join(', ')}.`,
      );
    }
    return {
      content: {
        dimension,
        source: indexed ? 'warehouse' : 'sample_values',
        value_count: matching.length,
        values,
        note: notes.length > 0 ? notes.join(' ') : null,
      },
      artifacts: [],
    };
  },
};
