/** Freshness for an answer's sources; a failure to read it never fails the answer, it says "unknown". */
import { messageOf } from '../core/coded-error.ts';
import type { SourceFreshness } from './freshness.ts';
import type { ToolContext } from './tool.ts';

export type FreshnessNote = { sources: SourceFreshness[] } | { unknown: string };

export async function readFreshness(ctx: ToolContext): Promise<FreshnessNote> {
  try {
    return { sources: await ctx.freshness() };
  } catch (error) {
    return { unknown: `freshness could not be read: ${messageOf(error).slice(0, 160)}` };
  }
}
