/**
 * A tool call of a confident plan failed: say so in words for a person (the tool's own message is
 * written for a model). A missing role is a polite refusal; a question the data cannot answer is a
 * clarification; anything else is an error with a reference id.
 */
import type { Logger } from '../../core/logger.ts';
import type { ToolResult } from '../../tools/tool.ts';
import type { Answer } from '../answer.ts';
import { errorAnswer, plainAnswer, type TurnFrame } from './answer-parts.ts';

/** The tool message's first sentence, without the advice meant for a model. */
function firstSentence(message: string): string {
  const sentence = message.split(/(?<=[.!?])\s/)[0] ?? message;
  return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence;
}

export function toolFailureAnswer(
  frame: TurnFrame,
  log: Logger,
  failed: Extract<ToolResult, { ok: false }>,
  suggestions: string[],
): Answer {
  const { code, message } = failed.error;
  if (code === 'TOOL_FORBIDDEN' || code === 'LEDGER_FORBIDDEN')
    return plainAnswer(
      frame,
      'refusal',
      'Sorry, you cannot do that here: it needs a role you do not have. Ask an administrator, or finance for the ledger.',
      { suggestions },
    );
  if (
    code.startsWith('SEMANTIC_') ||
    code === 'TOOL_BAD_ARGUMENTS' ||
    code === 'BAD_ARGUMENT' ||
    code === 'LEDGER_INVALID_INPUT'
  )
    return plainAnswer(
      frame,
      'clarification',
      `I could not answer that from the data: ${firstSentence(message)}`,
      {
        suggestions,
      },
    );
  return errorAnswer(
    frame,
    log,
    code,
    'Sorry, the figures could not be read just now; please try again in a minute.',
    new Error(message),
  );
}
