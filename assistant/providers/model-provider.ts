/**
 * The one interface every language model sits behind: the OpenAI provider, and later the
 * offline planner. One call is one model turn: the conversation so far in, a stream of events
 * out. The loop runs tools and calls again; providers never run tools themselves.
 *
 * Failures are thrown from the iterator as CodedError with a MODEL_* code and a message fit to
 * show a person (never the API key, never a stack). A tool call the model got wrong (bad JSON,
 * unknown tool) is not a failure: it arrives as an event with `error` set, so the loop can
 * feed the error back to the model. Text streamed before a failure is not an answer: a caller
 * that showed it must withdraw it (the loop shows the error's message instead).
 */
import type { JsonSchema } from '../../tools/strict-tool-schema.ts';

/** A tool call as the model made it; `argumentsJson` is kept verbatim to send back in history. */
export interface ToolCallRecord {
  id: string;
  name: string;
  argumentsJson: string;
}

export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls: ToolCallRecord[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface ToolDefinition {
  name: string;
  description: string;
  /** Strict JSON Schema, from toStrictToolSchema(). */
  parameters: JsonSchema;
}

export interface ModelRequest {
  system: string;
  messages: readonly ChatMessage[];
  tools: readonly ToolDefinition[];
  /** Cancels the call; the iterator then throws MODEL_ABORTED. */
  signal?: AbortSignal;
  maxOutputTokens?: number;
  /** May the model ask for several tools in one turn? Default true. */
  parallelToolCalls?: boolean;
}

/** A complete tool call. `arguments` is the parsed JSON object, or undefined with `error` set. */
export interface ToolCallEvent extends ToolCallRecord {
  type: 'tool_call';
  arguments: Record<string, unknown> | undefined;
  /** Why the call cannot run as made: invalid JSON, not an object, or an unknown tool. */
  error: string | undefined;
}

export type StopReason = 'end' | 'tool_calls' | 'max_tokens' | 'content_filter';

export type ModelEvent =
  | { type: 'text'; delta: string }
  | ToolCallEvent
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  | { type: 'stop'; reason: StopReason };

export interface ModelProvider {
  /** For logs and provenance, e.g. "openai:gpt-4.1-mini" or "offline". */
  readonly name: string;
  /** One model turn. Events come in order; the last one is always `stop`. */
  stream(request: ModelRequest): AsyncIterable<ModelEvent>;
}

/** Checks a tool call's raw arguments: JSON, an object, a tool we offered. Schema checks are the caller's (zod). */
export function parseToolCall(record: ToolCallRecord, tools: readonly ToolDefinition[]): ToolCallEvent {
  const base = { type: 'tool_call' as const, ...record };
  if (!tools.some((tool) => tool.name === record.name)) {
    const known = tools.map((tool) => tool.name).join(', ') || 'none';
    return {
      ...base,
      arguments: undefined,
      error: `There is no tool named "${record.name}"; the tools are: ${known}.`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.argumentsJson === '' ? '{}' : record.argumentsJson);
  } catch (error) {
    return {
      ...base,
      arguments: undefined,
      error: `The arguments for ${record.name} are not valid JSON (${(error as Error).message}); send one JSON object.`,
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return {
      ...base,
      arguments: undefined,
      error: `The arguments for ${record.name} must be a JSON object.`,
    };
  return { ...base, arguments: parsed as Record<string, unknown>, error: undefined };
}

/** Runs a turn to the end and gathers it: handy for tests and non-streaming callers. */
export async function collectTurn(events: AsyncIterable<ModelEvent>): Promise<{
  text: string;
  toolCalls: ToolCallEvent[];
  usage: { inputTokens: number; outputTokens: number } | undefined;
  stop: StopReason | undefined;
}> {
  let text = '';
  const toolCalls: ToolCallEvent[] = [];
  let usage: { inputTokens: number; outputTokens: number } | undefined;
  let stop: StopReason | undefined;
  for await (const event of events) {
    if (event.type === 'text') text += event.delta;
    else if (event.type === 'tool_call') toolCalls.push(event);
    else if (event.type === 'usage')
      usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
    else stop = event.reason;
  }
  return { text, toolCalls, usage, stop };
}
