/**
 * The Slack app over signed HTTP events, through the real Bolt App and Slack's real WebClient
 * against a local Web API stand-in: answers in thread with a chart file, the streaming message
 * updated in place, retries answered once, signatures checked, the Assistant container, the
 * slash command, "How I got this" and feedback, and an assistant failure as an apology.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskRequest } from '../assistant/assistant.ts';
import type { ScriptedReply } from '../assistant/test-fake-assistant.ts';
import { ActionId } from './slack-actions-ids.ts';
import { type SlackHarness, startSlackHarness } from './test-slack-harness.ts';
import {
  dmEvent,
  eventEnvelope,
  mentionEvent,
  sendEvent,
  signature,
  TEST_SIGNING_SECRET,
} from './test-slack-requests.ts';

let h: SlackHarness;
let png: Buffer;

const provenance = {
  metrics: [{ name: 'revenue', label: 'Revenue', description: 'Net sales', definition: 'sum(net_amount)' }],
  filters: ['Region is North'],
  period: { label: 'Q2 2026', start: '2026-04-01', end: '2026-06-30' },
  comparison: null,
  semanticQueries: [],
  sql: [
    { text: 'SELECT region, sum(net_amount) FROM sales WHERE region = $1 GROUP BY 1', params: ['North'] },
  ],
  freshness: [{ source: 'erp', lastLoadedAt: '2026-06-30T06:00:00Z', lagHours: 6 }],
  provider: 'offline',
  tools: ['query_metrics', 'make_chart'],
};

let hostileNext: ScriptedReply | null = null;

function createHostileReply(): ScriptedReply {
  return {
    text: 'Top supplier: <!channel> & <@U0BOSS> @here <https://evil.example|click>',
    table: {
      title: 'Suppliers <!here>',
      columns: [
        { name: 'supplier', label: 'Supplier', format: 'text', role: 'dimension' },
        { name: 'spend', label: 'Spend', format: 'currency', role: 'metric' },
      ],
      rows: [['<!everyone> ```', 10]],
      totalRows: 1,
      truncated: false,
    },
  };
}

function reply(request: AskRequest): ScriptedReply {
  if (hostileNext) {
    const next = hostileNext;
    hostileNext = null;
    return next;
  }
  if (request.question.includes('explode')) {
    return { kind: 'error', text: 'failed', error: { code: 'WAREHOUSE_TIMEOUT', referenceId: 'ref-42x' } };
  }
  return {
    text: 'Revenue in Q2 2026 was $1,234,567, up 12.5% on Q2 2025.',
    table: {
      title: 'Revenue by region',
      columns: [
        { name: 'region', label: 'Region', format: 'text', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
      ],
      rows: [
        ['North', 734567],
        ['South', 500000],
      ],
      totalRows: 2,
      truncated: false,
    },
    chart: { title: 'Revenue by region', kind: 'bar', spec: {}, svg: '<svg/>', png },
    provenance,
    suggestions: ['Revenue by channel'],
  };
}

beforeAll(async () => {
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
  h = await startSlackHarness(reply);
});
afterAll(async () => h?.stop());

const blocksText = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks ?? []);

describe('Slack over HTTP events', () => {
  it('answers a mention in its thread, updates one message in place and uploads the chart there', async () => {
    const before = h.api.calls.length;
    const res = await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue by region last quarter', '1750000000.000100')),
    );
    expect(res.status).toBe(200);
    await h.bot.idle();
    const calls = h.api.calls.slice(before);
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({ channel: 'C0SALES', thread_ts: '1750000000.000100' });
    const updates = calls.filter((c) => c.method === 'chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const final = updates.at(-1);
    expect(final?.args.text).toBe('Revenue in Q2 2026 was $1,234,567, up 12.5% on Q2 2025.');
    expect(blocksText(final ?? { args: {} })).toContain('734,567');
    expect(blocksText(final ?? { args: {} })).toContain(ActionId.provenance);
    expect(blocksText(final ?? { args: {} })).toContain('erp loaded 2026-06-30 06:00 UTC (6 h ago)');
    const complete = calls.find((c) => c.method === 'files.completeUploadExternal');
    expect(complete?.args).toMatchObject({ channel_id: 'C0SALES', thread_ts: '1750000000.000100' });
    const fileId = ((complete?.args.files as { id: string }[] | undefined) ?? [])[0]?.id ?? '';
    expect(h.api.uploads.get(fileId)?.equals(png)).toBe(true);
    expect(h.assistant.requests.at(-1)).toMatchObject({
      question: 'revenue by region last quarter',
      caller: {
        userId: 'maria',
        roles: ['analyst'],
        channel: { kind: 'slack', teamId: 'T0TEAM', channelId: 'C0SALES', messageTs: '1750000000.000100' },
      },
    });
  });

  it('keeps the answer when only the chart upload fails, and says so in the thread', async () => {
    h.api.failNext('files.getUploadURLExternal', 'internal_error');
    const before = h.api.calls.length;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue by region', '1750000000.000120')),
    );
    await h.bot.idle();
    const calls = h.api.calls.slice(before);
    expect(calls.filter((c) => c.method === 'chat.update').at(-1)?.args.text).toBe(
      'Revenue in Q2 2026 was $1,234,567, up 12.5% on Q2 2025.',
    );
    expect(calls.filter((c) => c.method === 'files.completeUploadExternal')).toHaveLength(0);
    const note = calls.filter((c) => c.method === 'chat.postMessage').at(-1);
    expect(note?.args).toMatchObject({ thread_ts: '1750000000.000120' });
    expect(String(note?.args.text)).toMatch(/^The chart could not be uploaded \(reference [0-9a-f]{8}\)/);
  });

  it('acknowledges at once and answers afterwards, also when the answer takes longer than 3 s', async () => {
    const original = h.assistant.fake.ask;
    h.assistant.fake.ask = async function* (request) {
      await new Promise((resolve) => setTimeout(resolve, 3500));
      yield* original(request);
    };
    try {
      const before = h.api.calls.length;
      const started = Date.now();
      const res = await sendEvent(
        h.eventsUrl,
        eventEnvelope(mentionEvent('U0MARIA', 'revenue slowly', '1750000000.000150')),
      );
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
      await h.bot.idle();
      expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
      expect(
        h.api.calls
          .slice(before)
          .filter((c) => c.method === 'chat.update')
          .at(-1)?.args.text,
      ).toBe('Revenue in Q2 2026 was $1,234,567, up 12.5% on Q2 2025.');
    } finally {
      h.assistant.fake.ask = original;
    }
  });

  it('answers an event delivered three times (Slack retries) exactly once', async () => {
    const before = h.api.calls.length;
    const asked = h.assistant.requests.length;
    const envelope = eventEnvelope(
      mentionEvent('U0MARIA', 'revenue this year', '1750000000.000200'),
      'EvRETRY0001',
    );
    const responses = [
      await sendEvent(h.eventsUrl, envelope),
      await sendEvent(h.eventsUrl, envelope, { retryNum: 1 }),
      await sendEvent(h.eventsUrl, envelope, { retryNum: 2 }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.bot.idle();
    expect(h.assistant.requests.length - asked).toBe(1);
    expect(h.api.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(h.api.calls.slice(before).filter((c) => c.method === 'files.completeUploadExternal')).toHaveLength(
      1,
    );
    expect(await h.bot.deliveries.count('event:EvRETRY0001')).toBe(1);
    expect(h.logs.some((l) => l.includes('event:EvRETRY0001 was already handled (retry 2)'))).toBe(true);
  });

  it("ignores the bot's own messages (identity from auth.test at start)", async () => {
    const asked = h.assistant.requests.length;
    const own = { ...dmEvent('U0BOT', 'Revenue was $10.', '1750000000.000250', 'D0MARIA'), bot_id: 'B0BOT' };
    await sendEvent(h.eventsUrl, eventEnvelope(own));
    await h.bot.idle();
    expect(h.assistant.requests.length).toBe(asked);
    expect(h.api.callsOf('auth.test').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a request with a bad signature and one with a stale timestamp (401), and answers neither', async () => {
    const asked = h.assistant.requests.length;
    const forged = await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000000.000300')),
      {
        secret: 'not-the-signing-secret',
      },
    );
    expect(forged.status).toBe(401);
    const stale = await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000000.000301')),
      {
        timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      },
    );
    expect(stale.status).toBe(401);
    const garbage = await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue', '1750000000.000302')),
      {
        forgedSignature: 'v0=deadbeef',
      },
    );
    expect(garbage.status).toBe(401);
    await h.bot.idle();
    expect(h.assistant.requests.length).toBe(asked);
    // The same body correctly signed is accepted: the refusals were about the signature alone.
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123' });
    const ts = Math.floor(Date.now() / 1000);
    const ok = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(TEST_SIGNING_SECRET, ts, body),
      },
      body,
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('c-123');
    // The load balancer's health check needs no signature; nothing else is served unsigned.
    const health = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
  });

  it('escapes hostile data: no broadcast, mention or link can be injected into the message', async () => {
    const hostile = createHostileReply();
    const before = h.api.calls.length;
    h.assistant.fake.requests.length = 0;
    hostileNext = hostile;
    await sendEvent(
      h.eventsUrl,
      eventEnvelope(mentionEvent('U0MARIA', 'revenue by supplier', '1750000000.000400')),
    );
    await h.bot.idle();
    const final = h.api.calls
      .slice(before)
      .filter((c) => c.method === 'chat.update')
      .at(-1);
    const all = `${final?.args.text} ${blocksText(final ?? { args: {} })}`;
    expect(final?.args.text).toBe(
      'Top supplier: &lt;!channel&gt; &amp; &lt;@U0BOSS&gt; @\u2060here &lt;https://evil.example|click&gt;',
    );
    expect(all).not.toMatch(/<!channel>|<!everyone>|<!here>|<@U0BOSS>|<https:/);
    expect(all).not.toMatch(/@(channel|here|everyone)\b/);
    expect(all).toContain('&lt;!everyone&gt; ˋˋˋ');
  });
});
