/**
 * The other surfaces and buttons over signed HTTP: Slack's Assistant container (suggested prompts,
 * status, title), the /shoebox slash command, "How I got this", thumbs up and down with a comment,
 * a follow-up continuing the shoebox thread, and failures ending as an apology with a reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskRequest } from '../assistant/assistant.ts';
import type { ScriptedReply } from '../assistant/test-fake-assistant.ts';
import { ActionId, CallbackId } from './slack-actions-ids.ts';
import { blocksOf } from './test-slack-api-stand-in.ts';
import { type SlackHarness, startSlackHarness } from './test-slack-harness.ts';
import {
  buttonClick,
  eventEnvelope,
  mentionEvent,
  sendCommand,
  sendEvent,
  sendInteraction,
} from './test-slack-requests.ts';

const provenance = {
  metrics: [{ name: 'revenue', label: 'Revenue', description: 'Net sales', definition: 'sum(net_amount)' }],
  filters: ['Region is North'],
  period: { label: 'last month', start: '2026-05-01', end: '2026-05-31' },
  comparison: 'compared with the same period last year',
  semanticQueries: [],
  sql: [{ text: 'SELECT sum(net_amount) FROM sales WHERE region = $1', params: ['North'] }],
  freshness: [{ source: 'erp', lastLoadedAt: '2026-06-30T06:00:00Z', lagHours: 6 }],
  provider: 'offline',
  tools: ['query_metrics'],
};

function reply(request: AskRequest): ScriptedReply {
  if (request.question.includes('explode')) {
    return { kind: 'error', text: 'failed', error: { code: 'WAREHOUSE_TIMEOUT', referenceId: 'ref-42x' } };
  }
  return {
    id: `ans-${request.question.length}-${request.requestId}`,
    text: 'Revenue last month was $10.',
    provenance,
  };
}

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness(reply);
});
afterAll(async () => h?.stop());

const since = (n: number, method: string) => h.api.calls.slice(n).filter((c) => c.method === method);

describe('Slack surfaces', () => {
  it('offers suggested prompts when an Assistant thread starts, then sets status and title while answering', async () => {
    let before = h.api.calls.length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({
        type: 'assistant_thread_started',
        assistant_thread: {
          user_id: 'U0MARIA',
          channel_id: 'D0ASSIST',
          thread_ts: '1750000002.000100',
          context: {},
        },
        event_ts: '1750000002.000101',
      }),
    );
    await h.bot.idle();
    const prompts = since(before, 'assistant.threads.setSuggestedPrompts');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]?.args).toMatchObject({ channel_id: 'D0ASSIST', thread_ts: '1750000002.000100' });
    expect(((prompts[0]?.args.prompts as unknown[] | undefined) ?? []).length).toBeGreaterThanOrEqual(2);

    before = h.api.calls.length;
    const message = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0ASSIST',
      user: 'U0MARIA',
      text: 'revenue last month',
      ts: '1750000002.000200',
      thread_ts: '1750000002.000100',
    };
    await sendEvent(h.eventsUrl, eventEnvelope(message));
    await h.bot.idle();
    expect(since(before, 'assistant.threads.setStatus').map((c) => c.args.status)).toEqual([
      'is looking into it...',
      'Working on it...',
    ]);
    expect(since(before, 'assistant.threads.setTitle')[0]?.args).toMatchObject({
      thread_ts: '1750000002.000100',
      title: 'revenue last month',
    });
    expect(since(before, 'chat.postMessage')[0]?.args).toMatchObject({
      channel: 'D0ASSIST',
      thread_ts: '1750000002.000100',
    });

    // A follow-up in the same thread continues the shoebox thread and keeps the title.
    before = h.api.calls.length;
    const firstThread = h.assistant.requests.at(-1);
    await sendEvent(
      h.eventsUrl,
      eventEnvelope({ ...message, text: 'and the month before?', ts: '1750000002.000300' }),
    );
    await h.bot.idle();
    expect(firstThread?.threadId).toBeNull();
    expect(h.assistant.requests.at(-1)?.threadId).toMatch(/^thread-/);
    expect(since(before, 'assistant.threads.setTitle')).toHaveLength(0);
  });

  it('continues a channel thread per person: each keeps their own shoebox thread', async () => {
    const inThread = (user: string, text: string, ts: string) => ({
      ...mentionEvent(user, text, ts, 'C0OPS'),
      thread_ts: '1750000002.900000',
    });
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(inThread('U0MARIA', 'revenue last month', '1750000002.900001')),
    );
    await h.bot.idle();
    const mariaThread = h.assistant.requests.at(-1)?.threadId;
    await sendEvent(h.eventsUrl, eventEnvelope(inThread('U0FRANK', 'and margin?', '1750000002.900002')));
    await h.bot.idle();
    expect(h.assistant.requests.at(-1)).toMatchObject({ threadId: null, caller: { userId: 'frank' } });
    await sendEvent(h.eventsUrl, eventEnvelope(inThread('U0MARIA', 'by region', '1750000002.900003')));
    await h.bot.idle();
    expect(mariaThread).toBeNull();
    expect(h.assistant.requests.at(-1)?.threadId).toMatch(/^thread-/);
  });

  it('answers /shoebox under a message that quotes the question, after an immediate ack', async () => {
    const before = h.api.calls.length;
    const started = Date.now();
    const res = await sendCommand(h.eventsUrl, {
      command: '/shoebox',
      text: 'revenue last month',
      user_id: 'U0MARIA',
      user_name: 'maria',
      team_id: 'T0TEAM',
      team_domain: 'cordova',
      channel_id: 'C0SALES',
      channel_name: 'sales',
      trigger_id: 'trig-cmd-1',
      response_url: 'https://hooks.invalid/x',
      api_app_id: 'A0APP',
      token: 'legacy',
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    await h.bot.idle();
    const posts = since(before, 'chat.postMessage');
    expect(posts[0]?.args).toMatchObject({
      channel: 'C0SALES',
      text: '<@U0MARIA> asked: revenue last month',
    });
    expect(posts[1]?.args.thread_ts).toMatch(/^1760000000\./);
    expect(since(before, 'chat.update').at(-1)?.args.text).toBe('Revenue last month was $10.');
  });

  it('answers /shoebox privately where the bot cannot post, and explains an empty command', async () => {
    const before = h.api.calls.length;
    const fields = {
      command: '/shoebox',
      user_id: 'U0MARIA',
      user_name: 'maria',
      team_id: 'T0TEAM',
      team_domain: 'cordova',
      channel_name: 'secret',
      response_url: h.api.responseUrl,
      api_app_id: 'A0APP',
      token: 'legacy',
    };
    await sendCommand(h.eventsUrl, {
      ...fields,
      text: 'revenue',
      channel_id: 'C0PRIVATE',
      trigger_id: 'trig-cmd-2',
    });
    await sendCommand(h.eventsUrl, {
      ...fields,
      text: '  ',
      channel_id: 'C0SALES',
      trigger_id: 'trig-cmd-3',
    });
    await h.bot.idle();
    const responses = since(before, 'response_url').map((c) => c.args);
    expect(responses).toEqual([
      {
        response_type: 'ephemeral',
        text: expect.stringMatching(/^I can't post in this conversation\. Invite me/),
      },
      { response_type: 'ephemeral', text: expect.stringMatching(/^Ask me a question, e\.g\. `\/shoebox /) },
    ]);
    expect(since(before, 'chat.update')).toHaveLength(0);
  });

  it('opens "How I got this" with the metric, filters, period, SQL and freshness; stores thumbs with a comment', async () => {
    let before = h.api.calls.length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue north last month', '1750000003.000100')),
    );
    await h.bot.idle();
    const final = since(before, 'chat.update').at(-1);
    const actions = blocksOf(final).find((b) => b.type === 'actions');
    const answerId = actions?.elements?.[0]?.value ?? '';
    expect(actions?.elements?.map((e) => e.action_id)).toEqual([
      ActionId.provenance,
      ActionId.feedbackUp,
      ActionId.feedbackDown,
    ]);
    const card = { channel: 'C0SALES', messageTs: String(final?.args.ts), value: answerId };

    before = h.api.calls.length;
    await sendInteraction(
      h.eventsUrl,
      buttonClick({ user: 'U0MARIA', actionId: ActionId.provenance, ...card }),
    );
    await h.bot.idle();
    const view = JSON.stringify(since(before, 'views.open')[0]?.args.view);
    for (const expected of [
      'sum(net_amount)',
      'Region is North',
      '2026-05-01',
      'SELECT sum(net_amount) FROM sales WHERE region = $1',
      '[\\"North\\"]',
      'erp loaded 2026-06-30 06:00 UTC',
    ]) {
      expect(view).toContain(expected);
    }

    await sendInteraction(
      h.eventsUrl,
      buttonClick({ user: 'U0MARIA', actionId: ActionId.feedbackUp, ...card }),
    );
    await h.bot.idle();
    expect(h.feedback.records).toMatchObject([
      { answerId, userId: 'maria', rating: 'up', comment: null, channel: 'slack' },
    ]);

    before = h.api.calls.length;
    await sendInteraction(
      h.eventsUrl,
      buttonClick({ user: 'U0MARIA', actionId: ActionId.feedbackDown, ...card }),
    );
    await h.bot.idle();
    const modal = since(before, 'views.open')[0]?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(modal.callback_id).toBe(CallbackId.feedbackComment);
    await sendInteraction(h.eventsUrl, {
      type: 'view_submission',
      team: { id: 'T0TEAM' },
      user: { id: 'U0MARIA', team_id: 'T0TEAM' },
      api_app_id: 'A0APP',
      token: 'legacy',
      trigger_id: 'trig-view-1',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: CallbackId.feedbackComment,
        private_metadata: modal.private_metadata,
        hash: 'h1',
        state: {
          values: { comment: { text: { type: 'plain_text_input', value: ' North excludes online ' } } },
        },
      },
    });
    await h.bot.idle();
    expect(h.feedback.records).toMatchObject([
      { answerId, userId: 'maria', rating: 'down', comment: 'North excludes online' },
    ]);
  });

  it('turns an assistant error or a crash into a short apology with a reference id in the thread', async () => {
    let before = h.api.calls.length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'explode please', '1750000004.000100')),
    );
    await h.bot.idle();
    expect(since(before, 'chat.update').at(-1)?.args.text).toBe(
      'Sorry, something went wrong while answering. If it keeps happening, quote reference ref-42x.',
    );

    before = h.api.calls.length;
    const original = h.assistant.fake.ask;
    h.assistant.fake.ask = async function* () {
      yield { type: 'status', message: 'Working on it...' };
      throw new Error('connection reset by the warehouse');
    };
    try {
      await sendEvent(
        h.eventsUrl,
        eventEnvelope(mentionEvent('U0MARIA', 'revenue again', '1750000004.000200')),
      );
      await h.bot.idle();
    } finally {
      h.assistant.fake.ask = original;
    }
    const apology = since(before, 'chat.update').at(-1);
    expect(since(before, 'chat.postMessage')).toHaveLength(1);
    expect(apology?.args.text).toMatch(
      /^Sorry, something went wrong while answering\. If it keeps happening, quote reference [0-9a-f]{8}\.$/,
    );
    const reference = /reference ([0-9a-f]{8})/.exec(String(apology?.args.text))?.[1];
    expect(
      h.logs.some(
        (l) => l.includes(`reference ${reference}`) && l.includes('connection reset by the warehouse'),
      ),
    ).toBe(true);
  });
});
