/**
 * The model loop, for questions the planner could not parse with confidence: the model is offered
 * the caller's tools, its calls are run (role-checked in runTool) and fed back, until it answers
 * in text or a bound is hit (model calls, wall time). Each tool's first error goes back to the
 * model with the tool's advice; a second failure of the same tool ends the turn. A model failure
 * (MODEL_* CodedError) ends the turn too; the loop turns it into an error answer.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { findTool } from '../../tools/assistant-tools.ts';
import { runTool } from '../../tools/run-tool.ts';
import type { AnyTool, ToolContext, ToolResult } from '../../tools/tool.ts';
import { toolDefinitions } from '../../tools/tool-definitions.ts';
import type { AnswerEvent } from '../assistant.ts';
import type { ChatMessage, ModelProvider } from '../providers/model-provider.ts';
import type { TurnFrame } from './answer-parts.ts';
import type { AssistantDeps, LoopLimits } from './assistant-deps.ts';
import { statusFor } from './status-words.ts';

export interface ModelOutcome {
  /** The model's final text ('' when it gave none). */
  text: string;
  results: ToolResult[];
  /** This turn's messages (user, assistant, tool), to store with the turn. */
  messages: ChatMessage[];
}

export async function* runModelTurn(input: {
  provider: ModelProvider;
  deps: AssistantDeps;
  ctx: ToolContext;
  tools: readonly AnyTool[];
  history: ChatMessage[];
  system: string;
  frame: TurnFrame;
  limits: LoopLimits;
  signal: AbortSignal;
}): AsyncGenerator<AnswerEvent, ModelOutcome> {
  const { provider, deps, ctx, tools, frame, limits, signal } = input;
  const definitions = toolDefinitions(tools, deps.model);
  const turn: ChatMessage[] = [{ role: 'user', content: frame.question }];
  const results: ToolResult[] = [];
  const failures = new Map<string, number>();
  for (let step = 0; step < limits.maxModelCalls; step++) {
    yield {
      type: 'status',
      message: step === 0 ? 'Thinking about your question...' : 'Reading the results...',
    };
    frame.usage.modelCalls++;
    let text = '';
    const calls: {
      id: string;
      name: string;
      argumentsJson: string;
      arguments?: Record<string, unknown>;
      error?: string;
    }[] = [];
    for await (const event of provider.stream({
      system: input.system,
      messages: [...input.history, ...turn],
      tools: definitions,
      signal,
    })) {
      if (event.type === 'text') text += event.delta;
      else if (event.type === 'tool_call')
        calls.push({
          id: event.id,
          name: event.name,
          argumentsJson: event.argumentsJson,
          ...(event.arguments ? { arguments: event.arguments } : {}),
          ...(event.error ? { error: event.error } : {}),
        });
      else if (event.type === 'usage') {
        frame.usage.inputTokens += event.inputTokens;
        frame.usage.outputTokens += event.outputTokens;
      }
    }
    turn.push({
      role: 'assistant',
      content: text,
      toolCalls: calls.map(({ id, name, argumentsJson }) => ({ id, name, argumentsJson })),
    });
    if (calls.length === 0) {
      yield* chartIfMissing(results, tools, ctx, deps);
      return { text, results, messages: turn };
    }
    for (const call of calls) {
      let result: ToolResult;
      const tool = call.error ? undefined : findTool(call.name, tools);
      if (!tool) {
        const message = call.error ?? `There is no tool named "${call.name}" for this user.`;
        result = { ok: false, tool: call.name, error: { code: 'TOOL_BAD_CALL', message } };
      } else {
        yield { type: 'status', message: statusFor(call.name, call.arguments, deps.model) };
        frame.usage.toolCalls++;
        result = await runTool(tool, call.arguments ?? {}, ctx);
      }
      results.push(result);
      if (!result.ok) {
        const count = (failures.get(call.name) ?? 0) + 1;
        failures.set(call.name, count);
        if (count >= 2)
          throw new CodedError(
            ErrorCode.AssistantToolFailed,
            `Sorry, I could not get the figures for that (${call.name} failed twice). Try asking it another way.`,
            { details: { tool: call.name, last: result.error } },
          );
      }
      const content = result.ok ? result.content : { error: result.error };
      turn.push({ role: 'tool', toolCallId: call.id, content: JSON.stringify(content) });
    }
  }
  throw new CodedError(
    ErrorCode.AssistantStepLimit,
    'Sorry, that took more steps than I am allowed for one question. Try asking for one figure at a time.',
    { details: { maxModelCalls: limits.maxModelCalls } },
  );
}

/** The model answered from a query without drawing it: draw it, as a confident plan would. */
async function* chartIfMissing(
  results: ToolResult[],
  tools: readonly AnyTool[],
  ctx: ToolContext,
  deps: AssistantDeps,
): AsyncGenerator<AnswerEvent, void> {
  const query = results.find((r) => r.ok && r.tool === 'query_metrics');
  const chart = findTool('make_chart', tools);
  if (!query?.ok || !chart || results.some((r) => r.ok && r.tool === 'make_chart')) return;
  yield { type: 'status', message: statusFor('make_chart', undefined, deps.model) };
  const drawn = await runTool(chart, { result_id: query.content.result_id, kind: null, title: null }, ctx);
  if (drawn.ok) results.push(drawn);
}
