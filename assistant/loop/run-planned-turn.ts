/**
 * A confident plan, run without any model call: its tool calls in order (each role-checked inside
 * runTool), then a chart of the first query_metrics result when the plan asks for one, then the
 * composer. The first failing call ends the turn.
 */

import { findTool } from '../../tools/assistant-tools.ts';
import { runTool } from '../../tools/run-tool.ts';
import type { AnyTool, ToolContext, ToolResult } from '../../tools/tool.ts';
import type { AnswerEvent } from '../assistant.ts';
import { type ComposedAnswer, composeAnswer } from '../compose/compose-answer.ts';
import type { Plan } from '../planner/plan.ts';
import type { TurnFrame } from './answer-parts.ts';
import type { AssistantDeps } from './assistant-deps.ts';
import { statusFor } from './status-words.ts';

export type PlannedOutcome =
  | { ok: true; composed: ComposedAnswer; results: ToolResult[] }
  | { ok: false; failed: Extract<ToolResult, { ok: false }>; results: ToolResult[] };

export async function* runPlannedTurn(
  plan: Extract<Plan, { kind: 'tools' }>,
  deps: AssistantDeps,
  ctx: ToolContext,
  tools: readonly AnyTool[],
  frame: TurnFrame,
): AsyncGenerator<AnswerEvent, PlannedOutcome> {
  const results: ToolResult[] = [];
  const call = async (name: string, args: Record<string, unknown>): Promise<ToolResult> => {
    const tool = findTool(name, tools);
    frame.usage.toolCalls++;
    const result: ToolResult = tool
      ? await runTool(tool, args, ctx)
      : {
          ok: false,
          tool: name,
          error: { code: 'TOOL_FORBIDDEN', message: `No tool ${name} for this caller.` },
        };
    results.push(result);
    return result;
  };
  for (const planned of plan.calls) {
    yield { type: 'status', message: statusFor(planned.tool, planned.arguments, deps.model) };
    const result = await call(planned.tool, planned.arguments);
    if (!result.ok) return { ok: false, failed: result, results };
  }
  const query = results.find((r) => r.ok && r.tool === 'query_metrics');
  if (plan.chart !== null && query?.ok) {
    yield { type: 'status', message: statusFor('make_chart', undefined, deps.model) };
    // A chart that cannot be drawn is not a failed answer: the figures stand without it.
    await call('make_chart', {
      result_id: query.content.result_id,
      kind: plan.chart === 'auto' ? null : plan.chart,
      title: null,
    });
  }
  const composed = composeAnswer({
    intent: plan.intent,
    ...(plan.focus ? { focus: plan.focus } : {}),
    results: results.filter((r) => r.ok || r.tool !== 'make_chart'),
    model: deps.model,
    clock: deps.clock,
    provider: 'offline',
    ...(deps.style ? { style: deps.style } : {}),
  });
  return { ok: true, composed, results };
}
