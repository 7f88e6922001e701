/**
 * Our model request as a Chat Completions request: the system prompt first, tool calls and tool
 * results keyed by call id, every function tool `strict: true`. `max_completion_tokens` rather
 * than the older `max_tokens`, which OpenAI's reasoning models refuse.
 */
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { ModelRequest } from './model-provider.ts';

export function toOpenAiRequest(request: ModelRequest, model: string): ChatCompletionCreateParamsStreaming {
  const tools: ChatCompletionTool[] = request.tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters, strict: true },
  }));
  return {
    model,
    messages: toOpenAiMessages(request),
    stream: true,
    stream_options: { include_usage: true },
    // parallel_tool_calls without tools is an error at OpenAI.
    ...(tools.length > 0 ? { tools, parallel_tool_calls: request.parallelToolCalls ?? true } : {}),
    ...(request.maxOutputTokens ? { max_completion_tokens: request.maxOutputTokens } : {}),
  };
}

export function toOpenAiMessages(request: ModelRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: request.system }];
  for (const message of request.messages) {
    if (message.role === 'user') messages.push({ role: 'user', content: message.content });
    else if (message.role === 'tool')
      messages.push({ role: 'tool', tool_call_id: message.toolCallId, content: message.content });
    else
      messages.push({
        role: 'assistant',
        content: message.content === '' && message.toolCalls.length > 0 ? null : message.content,
        ...(message.toolCalls.length > 0
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: call.argumentsJson },
              })),
            }
          : {}),
      });
  }
  return messages;
}
