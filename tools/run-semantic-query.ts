/**
 * The only way a tool reaches the warehouse: a semantic query compiled by the semantic layer
 * (parameterised SQL, values never in the text), run read-only with the context's timeout and
 * row cap. No tool takes SQL text from the model.
 */
import type { QueryResult } from '../db/warehouse.ts';
import { type CompiledQuery, compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import type { ToolContext } from './tool.ts';

export interface SemanticRun {
  compiled: CompiledQuery;
  result: QueryResult;
}

export function compileFor(ctx: ToolContext, query: unknown): CompiledQuery {
  return compileQuery(ctx.model, query, {
    dialect: ctx.warehouse.dialect,
    clock: ctx.clock,
    fiscalYearStartMonth: ctx.fiscalYearStartMonth,
  });
}

export async function runSemanticQuery(ctx: ToolContext, query: unknown): Promise<SemanticRun> {
  const compiled = compileFor(ctx, query);
  const result = await ctx.warehouse.query(compiled.sql, compiled.params, {
    timeoutMs: ctx.limits.queryTimeoutMs,
    maxRows: ctx.limits.maxRows,
  });
  return { compiled, result };
}
