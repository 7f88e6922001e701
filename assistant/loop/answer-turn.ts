/**
 * One turn after the thread is loaded: ask the planner, then run the plan's tools (no model call),
 * hand a clarification to the model when one is configured, or answer a refusal, help or
 * clarification as it is. Returns the answer, the thread's new context and this turn's messages.
 */
import { createArtifactStore } from '../../tools/artifact-store.ts';
import { toolsFor } from '../../tools/assistant-tools.ts';
import type { Answer } from '../answer.ts';
import type { AnswerEvent, AskRequest } from '../assistant.ts';
import type { StoredTurn } from '../memory/app-stores.ts';
import { EMPTY_THREAD_CONTEXT, type Plan, type ThreadContext } from '../planner/plan.ts';
import type { ChatMessage } from '../providers/model-provider.ts';
import { plainAnswer, type TurnFrame } from './answer-parts.ts';
import type { AssistantDeps, LoopLimits } from './assistant-deps.ts';
import { modelAnswer } from './model-answer.ts';
import { historyFor } from './model-history.ts';
import { runModelTurn } from './run-model-turn.ts';
import { runPlannedTurn } from './run-planned-turn.ts';
import { systemPrompt } from './system-prompt.ts';
import { toolFailureAnswer } from './tool-failure-answer.ts';

export interface TurnResult {
  answer: Answer;
  context: ThreadContext;
  messages: ChatMessage[];
}

export async function* answerTurn(
  deps: AssistantDeps,
  limits: LoopLimits,
  request: AskRequest,
  frame: TurnFrame,
  turns: StoredTurn[],
): AsyncGenerator<AnswerEvent, TurnResult> {
  const log = deps.log;
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
