/**
 * Test support: an AssistantRuntime for the web routers' tests. The assistant is scripted (the
 * fake from assistant/), wrapped so that each answer is saved as a turn the way the real loop
 * saves it; the stores are in memory; tool contexts come from a factory the test gives (a real
 * warehouse for the dashboard). Only what the web features touch is real; the rest throws.
 */
import type { Answer } from '../assistant/answer.ts';
import type { AnswerEvent, AskRequest, Assistant } from '../assistant/assistant.ts';
import type { AssistantRuntime } from '../assistant/assistant-runtime.ts';
import { EMPTY_THREAD_CONTEXT, type Planner } from '../assistant/planner/plan.ts';
import type { Caller, ToolContext } from '../tools/tool.ts';
import type { MemoryStores } from './test-app-stores.ts';

export interface TestRuntime extends AssistantRuntime {
  /** How many times refresh() ran. */
  refreshes: number;
}

/** Saves every final answer as a StoredTurn (creating the thread first), then passes events on. */
export function savingAssistant(inner: Assistant, stores: MemoryStores): Assistant {
  async function* ask(request: AskRequest): AsyncIterable<AnswerEvent> {
    const threadId =
      request.threadId ?? (await stores.threads.createThread(request.caller.userId, request.question));
    for await (const event of inner.ask({ ...request, threadId })) {
      if (event.type === 'answer') {
        const { chart } = event.answer;
        const answer: Answer = { ...event.answer, chart: chart ? { ...chart, png: null } : null };
        await stores.threads.saveTurn({
          threadId,
          answerId: answer.id,
          userId: request.caller.userId,
          channel: request.caller.channel,
          question: request.question,
          answer,
          context: EMPTY_THREAD_CONTEXT,
          messages: [],
          createdAt: answer.createdAt,
        });
      }
      yield event;
    }
  }
  return {
    ask,
    async answer(request) {
      let last: Answer | undefined;
      for await (const event of ask(request)) if (event.type === 'answer') last = event.answer;
      if (!last) throw new Error('no answer');
      return last;
    },
  };
}

function unused(name: string): never {
  throw new Error(`the test runtime has no ${name}`);
}

export function createTestRuntime(options: {
  assistant: Assistant;
  stores: MemoryStores;
  starterQuestions?: string[];
  toolContext?: (caller: Caller, requestId: string) => ToolContext;
}): TestRuntime {
  const planner: Planner = {
    plan: () => unused('planner.plan'),
    starterQuestions: () => options.starterQuestions ?? [],
  };
  const runtime: TestRuntime = {
    refreshes: 0,
    assistant: options.assistant,
    stores: options.stores,
    ledger: undefined,
    planner,
    get model() {
      return unused('model');
    },
    get warehouse() {
      return unused('warehouse');
    },
    get appDb() {
      return unused('appDb');
    },
    providerName: 'offline',
    toolContext: (caller, requestId) =>
      options.toolContext ? options.toolContext(caller, requestId) : unused('toolContext'),
    async refresh() {
      runtime.refreshes += 1;
    },
    async close() {},
  };
  return runtime;
}
