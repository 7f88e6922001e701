/**
 * The runtime the feature routers receive, with its assistant counted: every answer (streamed or
 * not) adds one to shoebox_answers_total{kind}, so the metrics show answered, clarified, refused
 * and failed questions without the chat code knowing about metrics.
 */
import type { AnswerEvent, AskRequest, Assistant } from '../../assistant/assistant.ts';
import type { AssistantRuntime } from '../../assistant/assistant-runtime.ts';

export function countAnswers(runtime: AssistantRuntime, count: (kind: string) => void): AssistantRuntime {
  const inner = runtime.assistant;
  const assistant: Assistant = {
    async *ask(request: AskRequest): AsyncIterable<AnswerEvent> {
      for await (const event of inner.ask(request)) {
        if (event.type === 'answer') count(event.answer.kind);
        yield event;
      }
    },
    async answer(request) {
      const answer = await inner.answer(request);
      count(answer.kind);
      return answer;
    },
  };
  return new Proxy(runtime, {
    get(target, property) {
      if (property === 'assistant') return assistant;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
