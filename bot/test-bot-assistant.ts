/**
 * Test support: the scripted assistant for the Slack tests. Ledger commands go to the REAL
 * LedgerService (a draft stored with the caller as actor, like the draft_transaction tool does),
 * so Confirm in Slack posts a real entry; other questions are answered from `reply`.
 */
import type { AnswerEvent, AskRequest, Assistant } from '../assistant/assistant.ts';
import {
  createFakeAssistant,
  type FakeAssistant,
  fakeAnswer,
  type ScriptedReply,
} from '../assistant/test-fake-assistant.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';

export function createBotTestAssistant(
  ledger: LedgerService,
  reply: (request: AskRequest) => ScriptedReply,
): Assistant & { requests: AskRequest[]; fake: FakeAssistant } {
  const fake = createFakeAssistant(reply);
  const requests: AskRequest[] = [];
  async function* ask(request: AskRequest): AsyncIterable<AnswerEvent> {
    requests.push(request);
    if (!/^\s*record\b/i.test(request.question)) {
      yield* fake.ask(request);
      return;
    }
    yield { type: 'status', message: 'Drafting the entry...' };
    const outcome = await ledger.record(request.caller, request.question, {
      idempotencyKey: request.requestId ?? `test-${requests.length}`,
    });
    const answer =
      outcome.status === 'draft'
        ? fakeAnswer(request, {
            kind: 'draft',
            text: 'Here is the entry; please confirm it.',
            draft: outcome.card,
          })
        : fakeAnswer(request, {
            kind: 'clarification',
            text: outcome.question,
            suggestions: outcome.candidates,
          });
    yield { type: 'answer', answer };
  }
  return {
    requests,
    fake,
    ask,
    async answer(request) {
      for await (const event of ask(request)) if (event.type === 'answer') return event.answer;
      throw new Error('no answer');
    },
  };
}
