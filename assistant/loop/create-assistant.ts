/**
 * The conversation loop behind every surface. One turn: load the caller's thread (or start one),
 * ask the planner; a confident plan runs its tools and the composer with no model call; a
 * clarification goes to the model when one is configured (else it is the answer); refusals and
 * help are answered as they are. Every turn ends in exactly one `answer` event, also on failure,
 * and is stored with the planner's context and the model's messages for the next turn.
 */
import { randomUUID } from 'node:crypto';
import { isCodedError, messageOf } from '../../core/coded-error.ts';
import type { Answer } from '../answer.ts';
import type { AnswerEvent, AskRequest, Assistant } from '../assistant.ts';
import type { StoredTurn } from '../memory/app-stores.ts';
import { EMPTY_THREAD_CONTEXT } from '../planner/plan.ts';
import { errorAnswer, newUsage, plainAnswer, type TurnFrame } from './answer-parts.ts';
import { answerTurn, type TurnResult } from './answer-turn.ts';
import { type AssistantDeps, DEFAULT_LOOP_LIMITS } from './assistant-deps.ts';
import { textChunks } from './text-chunks.ts';

export function createAssistant(deps: AssistantDeps): Assistant {
  const limits = { ...DEFAULT_LOOP_LIMITS, ...deps.limits };
  const log = deps.log;

  async function* ask(request: AskRequest): AsyncIterable<AnswerEvent> {
    const startedAt = Date.now();
    const caller = request.caller;
    const frame: TurnFrame = {
      answerId: randomUUID(),
      threadId: request.threadId ?? '',
      question: request.question,
      startedAt,
      createdAt: deps.clock.now().toISOString(),
      usage: newUsage(),
    };
    let result: TurnResult | undefined;
    let turns: StoredTurn[] = [];
    try {
      if (request.threadId !== null) {
        try {
          turns = await deps.threads.loadTurns(request.threadId, caller.userId);
        } catch (error) {
          if (!isCodedError(error, 'THREAD_NOT_FOUND')) throw error;
          frame.threadId = await deps.threads.createThread(caller.userId, request.question);
          result = {
            answer: plainAnswer(
              frame,
              'refusal',
              'Sorry, I cannot open that conversation: it is not one of yours, or it no longer exists. I have started a new one; ask your question again here.',
            ),
            context: EMPTY_THREAD_CONTEXT,
            messages: [],
          };
        }
      } else frame.threadId = await deps.threads.createThread(caller.userId, request.question);
      if (!result) result = yield* answerTurn(deps, limits, request, frame, turns);
    } catch (error) {
      const timedOut = isCodedError(error) && error.code === 'MODEL_ABORTED' && !request.signal?.aborted;
      const code = isCodedError(error) ? (timedOut ? 'MODEL_TIMEOUT' : error.code) : 'ASSISTANT_FAILED';
      const message = timedOut
        ? 'Sorry, that took too long to answer; try again, or ask a shorter question.'
        : isCodedError(error)
          ? error.message
          : 'Sorry, something went wrong while answering; please try again.';
      result = {
        answer: errorAnswer(frame, log, code, message, error),
        context: turns.at(-1)?.context ?? EMPTY_THREAD_CONTEXT,
        messages: [{ role: 'user', content: request.question }],
      };
    }
    const answer = { ...result.answer, elapsedMs: Date.now() - startedAt };
    for (const delta of textChunks(answer.text)) yield { type: 'text', delta };
    if (frame.threadId !== '') {
      try {
        await deps.threads.saveTurn({
          threadId: frame.threadId,
          answerId: answer.id,
          userId: caller.userId,
          channel: caller.channel,
          question: request.question,
          answer,
          context: result.context,
          messages: result.messages,
          createdAt: answer.createdAt,
        });
      } catch (error) {
        // The person still gets the answer; the thread just will not remember it.
        log.error(`could not save turn ${answer.id} of thread ${frame.threadId}: ${messageOf(error)}`);
      }
    }
    yield { type: 'answer', answer };
  }

  return {
    ask,
    async answer(request) {
      let last: Answer | undefined;
      for await (const event of ask(request)) if (event.type === 'answer') last = event.answer;
      if (!last) throw new Error('the assistant ended a turn without an answer');
      return last;
    },
  };
}
