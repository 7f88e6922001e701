/**
 * The earlier turns' messages sent with a model call: whole turns, newest kept, oldest dropped
 * until they fit the character budget (a turn is never cut in half, so every tool message keeps
 * the assistant message that asked for it).
 */
import type { StoredTurn } from '../memory/app-stores.ts';
import type { ChatMessage } from '../providers/model-provider.ts';

function size(message: ChatMessage): number {
  if (message.role === 'assistant')
    return (
      message.content.length +
      message.toolCalls.reduce((n, c) => n + c.argumentsJson.length + c.name.length, 0)
    );
  return message.content.length;
}

export function historyFor(turns: readonly StoredTurn[], budgetChars: number): ChatMessage[] {
  const kept: ChatMessage[][] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const messages = turns[i]?.messages ?? [];
    const cost = messages.reduce((n, m) => n + size(m), 0);
    if (used + cost > budgetChars) break;
    kept.unshift(messages);
    used += cost;
  }
  return kept.flat();
}
