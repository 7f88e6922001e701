/**
 * Test support for surfaces (web, Slack, CLI): an Assistant that answers from a script instead
 * of the warehouse, so a surface's tests can pin exactly what it must render. The real assistant
 * is exercised end to end by the surfaces' integration tests and the evals.
 */
import type { Answer } from './answer.ts';
import type { AnswerEvent, AskRequest, Assistant } from './assistant.ts';

export type ScriptedReply = Partial<Omit<Answer, 'question' | 'threadId'>> & { text: string };

export interface FakeAssistant extends Assistant {
  /** Every request received, in order. */
  readonly requests: AskRequest[];
}

let counter = 0;

export function fakeAnswer(request: AskRequest, reply: ScriptedReply): Answer {
  counter += 1;
  return {
    id: reply.id ?? `answer-${counter}`,
    threadId: request.threadId ?? `thread-${counter}`,
    question: request.question,
    kind: reply.kind ?? 'answer',
    text: reply.text,
    figures: reply.figures ?? [],
    table: reply.table ?? null,
    chart: reply.chart ?? null,
    provenance: reply.provenance ?? null,
    suggestions: reply.suggestions ?? [],
    draft: reply.draft ?? null,
    error: reply.error ?? null,
    usage: reply.usage ?? { modelCalls: 0, inputTokens: 0, outputTokens: 0, toolCalls: 0 },
    elapsedMs: reply.elapsedMs ?? 1,
    createdAt: reply.createdAt ?? '2026-06-30T12:00:00.000Z',
  };
}

/** `reply` maps a request to what to answer; text is streamed in two pieces before the answer. */
export function createFakeAssistant(reply: (request: AskRequest) => ScriptedReply): FakeAssistant {
  const requests: AskRequest[] = [];
  async function* ask(request: AskRequest): AsyncIterable<AnswerEvent> {
    requests.push(request);
    const answer = fakeAnswer(request, reply(request));
    yield { type: 'status', message: 'Working on it...' };
    const half = Math.ceil(answer.text.length / 2);
    yield { type: 'text', delta: answer.text.slice(0, half) };
    yield { type: 'text', delta: answer.text.slice(half) };
    yield { type: 'answer', answer };
  }
  return {
    requests,
    ask,
    async answer(request) {
      let last: Answer | undefined;
      for await (const event of ask(request)) if (event.type === 'answer') last = event.answer;
      if (!last) throw new Error('the fake assistant ended without an answer');
      return last;
    },
  };
}
