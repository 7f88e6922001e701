/**
 * Writes the assistant's events as Server-Sent Events: "status" and "text" as they come, then
 * "answer" with the answer and its HTML. A browser that goes away aborts the turn. The assistant
 * never throws by contract; if it does anyway, the stream ends with an "error" event carrying the
 * request id (also in the log), never the stack.
 */
import type { Response } from 'express';
import type { Answer } from '../../assistant/answer.ts';
import { isCodedError, messageOf } from '../../core/coded-error.ts';
import type { Caller } from '../../tools/tool.ts';
import type { WebDeps } from '../web-contract.ts';

export function sseEvent(type: string, data: unknown): string {
  // JSON has no raw newlines, so one data line per event is enough.
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export async function streamAnswer(
  deps: WebDeps,
  response: Response,
  turn: { threadId: string | null; question: string; caller: Caller; onAnswer: (answer: Answer) => unknown },
): Promise<void> {
  const requestId = response.locals.requestId as string;
  const abort = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) abort.abort();
  });
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  response.flushHeaders();
  const write = (type: string, data: unknown) => {
    if (!response.writableEnded) response.write(sseEvent(type, data));
  };
  try {
    for await (const event of deps.runtime.assistant.ask({
      threadId: turn.threadId,
      question: turn.question,
      caller: turn.caller,
      requestId,
      signal: abort.signal,
    })) {
      if (event.type === 'answer') write('answer', turn.onAnswer(event.answer));
      else if (event.type === 'status') write('status', { message: event.message });
      else write('text', { delta: event.delta });
    }
  } catch (error) {
    const code = isCodedError(error) ? error.code : 'CHAT_FAILED';
    deps.log.error(`chat ${requestId}: ${code} ${messageOf(error)}`);
    write('error', { code, message: 'The answer could not be finished.', requestId });
  }
  if (!response.writableEnded) response.end();
}
