/**
 * Answers the loop builds without the composer: refusals, help, clarifications and errors. An
 * error answer carries a short code and a reference id that is also written to the log, so a
 * person can quote it and support can find the cause; it never carries a figure.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../core/logger.ts';
import type { Answer, AnswerKind, AnswerUsage } from '../answer.ts';

export interface TurnFrame {
  answerId: string;
  threadId: string;
  question: string;
  startedAt: number;
  createdAt: string;
  usage: AnswerUsage;
}

export function newUsage(): AnswerUsage {
  return { modelCalls: 0, inputTokens: 0, outputTokens: 0, toolCalls: 0 };
}

export function plainAnswer(
  frame: TurnFrame,
  kind: AnswerKind,
  text: string,
  extra: Partial<Answer> = {},
): Answer {
  return {
    id: frame.answerId,
    threadId: frame.threadId,
    question: frame.question,
    kind,
    text,
    figures: [],
    table: null,
    chart: null,
    provenance: null,
    suggestions: [],
    draft: null,
    error: null,
    usage: frame.usage,
    elapsedMs: Date.now() - frame.startedAt,
    createdAt: frame.createdAt,
    ...extra,
  };
}

export function errorAnswer(
  frame: TurnFrame,
  log: Logger,
  code: string,
  message: string,
  cause?: unknown,
): Answer {
  // Letters only, so the answer's text never gains a number that is not a figure.
  const referenceId = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  log.error(`answer ${frame.answerId} failed [${code}] reference ${referenceId}${detail}`);
  return plainAnswer(frame, 'error', message, {
    error: { code, referenceId },
  });
}
