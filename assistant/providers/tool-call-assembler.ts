/**
 * Puts streamed tool-call deltas back together. OpenAI sends each call's id and name in its
 * first delta and the arguments in pieces, all keyed by `index`; parallel calls interleave.
 */
import { parseToolCall, type ToolCallEvent, type ToolDefinition } from './model-provider.ts';

export interface ToolCallDelta {
  index: number;
  id?: string | undefined;
  function?: { name?: string | undefined; arguments?: string | undefined } | undefined;
}

export class ToolCallAssembler {
  private readonly calls = new Map<number, { id: string; name: string; argumentsJson: string }>();

  add(delta: ToolCallDelta): void {
    const call = this.calls.get(delta.index) ?? { id: '', name: '', argumentsJson: '' };
    if (delta.id) call.id = delta.id;
    // Some compatible servers repeat the name in later deltas; OpenAI sends it once.
    if (delta.function?.name && call.name !== delta.function.name) call.name += delta.function.name;
    if (delta.function?.arguments) call.argumentsJson += delta.function.arguments;
    this.calls.set(delta.index, call);
  }

  get size(): number {
    return this.calls.size;
  }

  /** The calls in index order, each parsed and checked against the offered tools. */
  complete(tools: readonly ToolDefinition[]): ToolCallEvent[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => parseToolCall({ ...call, id: call.id || `call_${index}` }, tools));
  }
}
