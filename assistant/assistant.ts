/**
 * What every surface talks to: one question in, a stream of events out, ending in the Answer.
 * The surface has authenticated the caller; the assistant never takes identity from the text.
 */
import type { Caller } from '../tools/tool.ts';
import type { Answer } from './answer.ts';

export interface AskRequest {
  /** null starts a new thread; its id is on the answer. */
  threadId: string | null;
  question: string;
  caller: Caller;
  /** Idempotency for the turn (Slack event id, web request id); derived when absent. */
  requestId?: string;
  signal?: AbortSignal;
}

export type AnswerEvent =
  /** Progress for the person waiting ("Looking up revenue by region..."); Slack's assistant status. */
  | { type: 'status'; message: string }
  /** A piece of the answer's text as it is produced; the final `answer.text` is authoritative. */
  | { type: 'text'; delta: string }
  /** Always the last event, also for clarifications, refusals and errors (never thrown). */
  | { type: 'answer'; answer: Answer };

export interface Assistant {
  ask(request: AskRequest): AsyncIterable<AnswerEvent>;
  /** ask() run to the end. */
  answer(request: AskRequest): Promise<Answer>;
}
