/**
 * data_freshness: when each source was last loaded successfully, and how old that is, so an
 * answer can say "as of ...". The reader comes from the context (the pipeline supplies it).
 */
import { z } from 'zod';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import { hoursSinceLoad } from './freshness.ts';
import type { Tool } from './tool.ts';

const input = z.strictObject({});

export const dataFreshnessTool: Tool<z.infer<typeof input>> = {
  name: 'data_freshness',
  description: 'Says when each data source was last loaded into the warehouse, and how many hours ago.',
  input,
  role: 'viewer',
  async run(_input, ctx) {
    let sources: Awaited<ReturnType<typeof ctx.freshness>>;
    try {
      sources = await ctx.freshness();
    } catch (error) {
      throw new CodedError(
        ErrorCode.WarehouseQueryFailed,
        `The load history could not be read (${messageOf(error).slice(0, 160)}). Tell the user the data's age is unknown.`,
      );
    }
    const now = ctx.clock.now();
    const record = ctx.artifacts.put({ kind: 'record', title: 'Data freshness', data: sources });
    return {
      content: {
        sources: sources.map((s) => ({
          source: s.source,
          last_loaded_at: s.lastLoadedAt,
          hours_ago: hoursSinceLoad(s.lastLoadedAt, now),
        })),
        note:
          sources.length === 0
            ? 'No load has been recorded: the warehouse may never have been loaded.'
            : null,
      },
      artifacts: [record],
    };
  },
};
