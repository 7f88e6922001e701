/**
 * The conversation loop behind every surface. One turn: load the caller's thread (or start one),
 * ask the planner; a confident plan runs its tools and the composer with no model call; a
 * clarification goes to the model when one is configured (else it is the answer); refusals and
 * help are answered as they are. Every turn ends in exactly one `answer` event, also on failure,
 * and is stored with the planner's context and the model's messages for the next turn.
 */
import { randomUUID } from 'node:crypto';
import { isCodedError, messageOf } from '../../core/coded-error.ts';
import { createArtifactStore } from '../../tools/artifact-store.ts';
import { toolsFor } from '../../tools/assistant-tools.ts';
import type { Answer } from '../answer.ts';
import type { AnswerEvent, AskRequest, Assistant } from '../assistant.ts';
import type { StoredTurn } from '../memory/app-stores.ts';
import { EMPTY_THREAD_CONTEXT, type Plan, type ThreadContext } from '../planner/plan.ts';
import type { ChatMessage } from '../providers/model-provider.ts';
import { errorAnswer, newUsage, plainAnswer, type TurnFrame } from './answer-parts.ts';
import { type AssistantDeps, DEFAULT_LOOP_LIMITS } from './assistant-deps.ts';
import { modelAnswer } from './model-answer.ts';
import { historyFor } from './model-history.ts';
import { runModelTurn } from './run-model-turn.ts';
import { runPlannedTurn } from './run-planned-turn.ts';
import { systemPrompt } from './system-prompt.ts';
import { textChunks } from './text-chunks.ts';
import { toolFailureAnswer } from './tool-failure-answer.ts';

interface TurnResult {
  answer: Answer;
  context: ThreadContext;
  messages: ChatMessage[];
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const limits = { ...DEFAULT_LOOP_LIMITS, ...deps.limits };
  const log = deps.log;

  async function* turn(
    request: AskRequest,
    frame: TurnFrame,
    turns: StoredTurn[],
  ): AsyncGenerator<AnswerEvent, TurnResult> {
    const previous = turns.at(-1)?.context ?? EMPTY_THREAD_CONTEXT;
    const plain = (answer: Answer): TurnResult => ({
      answer,
      context: previous,
      messages: [
        { role: 'user', content: frame.question },
        { role: 'assistant', content: answer.text, toolCalls: [] },
      ],
    });
    const question = frame.question.slice(0, limits.maxQuestionChars * 3);
    const plan: Plan = deps.planner.plan({ question, thread: previous });
    const caller = request.caller;
    const tools = toolsFor(caller, deps.tools);
    const requestId = request.requestId ?? frame.answerId;
    const ctx = deps.toolContext(caller, requestId, createArtifactStore());
    if (plan.kind === 'refuse')
      return plain(plainAnswer(frame, 'refusal', plan.message, { suggestions: plan.suggestions }));
    if (plan.kind === 'help')
      return plain(plainAnswer(frame, 'help', plan.message, { suggestions: plan.suggestions }));
    if (plan.kind === 'tools') {
      const outcome = yield* runPlannedTurn(plan, deps, ctx, tools, frame);
      if (!outcome.ok)
        return plain(
          toolFailureAnswer(frame, log, outcome.failed, deps.planner.starterQuestions().slice(0, 4)),
        );
      const answer = plainAnswer(frame, outcome.composed.kind, outcome.composed.text, {
        ...outcome.composed,
        suggestions: [],
      });
      const chartKind = answer.chart?.kind as ThreadContext['lastChartKind'] | undefined;
      return {
        ...plain(answer),
        context: {
          lastQuery: plan.query ?? previous.lastQuery,
          lastIntent: plan.intent,
          lastChartKind: chartKind ?? previous.lastChartKind,
        },
      };
    }
    // clarify: the model when there is one, else the planner's question and suggestions.
    if (!deps.provider || question.length > limits.maxQuestionChars)
      return plain(plainAnswer(frame, 'clarification', plan.message, { suggestions: plan.suggestions }));
    const signal = AbortSignal.any([
      ...(request.signal ? [request.signal] : []),
      AbortSignal.timeout(limits.turnTimeoutMs),
    ]);
    const outcome = yield* runModelTurn({
      provider: deps.provider,
      deps,
      ctx,
      tools,
      history: historyFor(turns, limits.historyChars),
      system: systemPrompt(caller, deps.clock, ctx.fiscalYearStartMonth),
      frame,
      limits,
      signal,
    });
    const composed = modelAnswer(outcome.text, outcome.results, deps, deps.provider.name, log, deps.style);
    const answer = plainAnswer(frame, composed.kind, composed.text, {
      ...composed,
      suggestions: composed.kind === 'clarification' ? plan.suggestions : [],
    });
    const query = answer.provenance?.semanticQueries[0] ?? null;
    return {
      answer,
      context: query
        ? { lastQuery: query, lastIntent: previous.lastIntent, lastChartKind: previous.lastChartKind }
        : previous,
      messages: outcome.messages,
    };
  }

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
      if (!result) result = yield* turn(request, frame, turns);
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
