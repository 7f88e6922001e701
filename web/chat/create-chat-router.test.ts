import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CSRF_TOKEN } from '../test-feature-app.ts';
import { lastData, type RunningChatApp, readSse, startChatApp } from './test-chat-answers.ts';

let app: RunningChatApp;
beforeAll(async () => {
  app = await startChatApp();
});
afterAll(() => app.close());

const as = (user: string | null, extra: Record<string, string> = {}) => ({
  ...(user ? { 'x-test-user': user } : {}),
  ...extra,
});

function ask(user: string, body: unknown, csrf = true) {
  return fetch(`${app.url}/api/chat`, {
    method: 'POST',
    headers: as(user, {
      'content-type': 'application/json',
      ...(csrf ? { 'x-csrf-token': TEST_CSRF_TOKEN } : {}),
    }),
    body: JSON.stringify(body),
  });
}

type AnswerEvent = { answer: { id: string; threadId: string; kind: string }; html: string };

describe('chat page', () => {
  it('sends a signed-out visitor to sign in, and the API answers 401', async () => {
    const page = await fetch(`${app.url}/chat`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?next=%2Fchat');
    expect((await ask('', { threadId: null, question: 'x' })).status).toBe(401);
  });

  it('offers the starter questions on an empty thread, with the CSRF token in the form', async () => {
    const html = await (await fetch(`${app.url}/chat`, { headers: as('manager') })).text();
    expect(html).toContain('data-question="Revenue by region last quarter"');
    expect(html).toContain(`name="_csrf" value="${TEST_CSRF_TOKEN}"`);
    expect(html).toContain('<script src="/static/chat/chat.js" defer></script>');
  });

  it('prefills ?q= for the script to ask, escaped', async () => {
    const html = await (
      await fetch(`${app.url}/chat?q=${encodeURIComponent('<script>x</script>')}`, { headers: as('manager') })
    ).text();
    expect(html).toContain('data-pending="&lt;script&gt;x&lt;/script&gt;"');
    expect(html).not.toContain('<script>x</script>');
  });
});

describe('POST /api/chat', () => {
  it('streams status, the text in pieces, then the answer with chart, table, panel and feedback', async () => {
    const response = await ask('manager', { threadId: null, question: 'revenue by region last quarter' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(response);
    expect(events.map((e) => e.type)).toEqual(['status', 'text', 'text', 'answer']);
    const streamed = events
      .filter((e) => e.type === 'text')
      .map((e) => (e.data as { delta: string }).delta)
      .join('');
    expect(streamed).toBe('Revenue last quarter was $2,267,900, led by North at $1,234,568.');
    const final = events[3]?.data as AnswerEvent;
    expect(final.answer.kind).toBe('answer');
    expect(JSON.stringify(final.answer)).not.toContain('<svg');
    expect(final.html).toContain(`<img src="/chat/answers/${final.answer.id}/chart.svg"`);
    expect(final.html).toContain('<td class="num">$1,234,568</td>');
    expect(final.html).toContain('<td class="num">$45,678</td>');
    expect(final.html).toContain('West &lt;b&gt;');
    expect(final.html).toContain('<summary>How I got this</summary>');
    expect(final.html).toContain('sum(net_amount)');
    expect(final.html).toContain('Last quarter (2026-01-01 to 2026-03-31)');
    expect(final.html).toContain('erp: loaded 2026-06-30 02:00 UTC');
    expect(final.html).toContain('Parameters: <code>[&quot;2026-01-01&quot;]</code>');
    expect(final.html).toContain(`data-answer-id="${final.answer.id}"`);
    expect(final.html).toContain('data-rating="down"');
    // The caller comes from the session, never from the body.
    const request = app.fake.requests.at(-1);
    expect(request?.caller).toEqual({
      userId: 'u-manager',
      roles: ['analyst'],
      channel: { kind: 'web', sessionId: 'session-manager' },
    });
    expect(request?.signal).toBeInstanceOf(AbortSignal);
  });

  it('serves the chart as a locked-down SVG image to its owner only', async () => {
    const events = await readSse(await ask('manager', { threadId: null, question: 'revenue' }));
    const { answer } = lastData<AnswerEvent>(events);
    const svg = await fetch(`${app.url}/chat/answers/${answer.id}/chart.svg`, { headers: as('manager') });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await svg.text()).toMatch(/^<svg/);
    expect(
      (await fetch(`${app.url}/chat/answers/${answer.id}/chart.svg`, { headers: as('finance') })).status,
    ).toBe(404);
  });

  it('continues a thread, lists it and renders its history; another user cannot see it', async () => {
    const first = (await readSse(await ask('finance', { threadId: null, question: 'revenue this year' }))).at(
      -1,
    )?.data as AnswerEvent;
    const threadId = first.answer.threadId;
    const second = (await readSse(await ask('finance', { threadId, question: 'and by month?' }))).at(-1)
      ?.data as AnswerEvent;
    expect(second.answer.threadId).toBe(threadId);
    expect(app.fake.requests.at(-1)?.threadId).toBe(threadId);

    const list = (await (await fetch(`${app.url}/api/threads`, { headers: as('finance') })).json()) as {
      threads: { threadId: string; title: string; turns: number }[];
    };
    expect(list.threads.find((t) => t.threadId === threadId)).toMatchObject({
      title: 'revenue this year',
      turns: 2,
    });

    const history = (await (
      await fetch(`${app.url}/api/threads/${threadId}`, { headers: as('finance') })
    ).json()) as {
      turns: { question: string; html: string }[];
    };
    expect(history.turns.map((t) => t.question)).toEqual(['revenue this year', 'and by month?']);
    expect(history.turns[1]?.html).toContain('<p class="question">and by month?</p>');

    const page = await (await fetch(`${app.url}/chat/${threadId}`, { headers: as('finance') })).text();
    expect(page).toContain('<p class="question">revenue this year</p>');
    expect(page).toContain(`data-thread-id="${threadId}"`);

    expect((await fetch(`${app.url}/api/threads/${threadId}`, { headers: as('manager') })).status).toBe(404);
    expect((await fetch(`${app.url}/chat/${threadId}`, { headers: as('manager') })).status).toBe(404);
    expect((await ask('manager', { threadId, question: 'hijack' })).status).toBe(404);
  });

  it('offers clickable suggestions after a clarifying question', async () => {
    const final = (await readSse(await ask('manager', { threadId: null, question: 'huh?' }))).at(-1)
      ?.data as AnswerEvent;
    expect(final.answer.kind).toBe('clarification');
    expect(final.html).toContain('class="suggestion"');
    expect(final.html).toContain(`href="/chat/${final.answer.threadId}?q=Units%20sold%20last%20month"`);
    expect(final.html).toContain('data-question="Units sold last month"');
  });

  it('shows a ledger draft as a card with Confirm and Cancel', async () => {
    const final = (
      await readSse(await ask('finance', { threadId: null, question: 'record expense 120.50 for polish' }))
    ).at(-1)?.data as AnswerEvent;
    expect(final.html).toContain('data-draft-id="7d0a6a38-8a53-4c8e-9a4d-8f5b8d1b2c3d"');
    expect(final.html).toContain('Draft expense: $120.50');
    expect(final.html).toContain('data-draft-action="confirm"');
    expect(final.html).toContain('data-draft-action="cancel"');
    expect(final.html).toContain('6100 Supplies');
  });

  it('refuses a bad body and a POST without the CSRF token', async () => {
    const bad = await ask('manager', { threadId: null, question: '' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_ARGUMENT');
    expect((await ask('manager', { question: 'x', userId: 'u-admin', threadId: null })).status).toBe(400);
    expect((await ask('manager', { threadId: null, question: 'revenue' }, false)).status).toBe(403);
  });
});

describe('the form fallback without the script', () => {
  it('asks, then shows the thread with the answer', async () => {
    const response = await fetch(`${app.url}/chat`, {
      method: 'POST',
      redirect: 'manual',
      headers: as('admin', { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ _csrf: TEST_CSRF_TOKEN, threadId: '', question: 'revenue by region' }),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/chat\/thread-\d+#answer-/);
    const page = await (await fetch(`${app.url}${location.split('#')[0]}`, { headers: as('admin') })).text();
    expect(page).toContain('<p class="question">revenue by region</p>');
    expect(page).toContain('led by North at $1,234,568.');
    const threadId = location.split('#')[0]?.split('/').at(-1) ?? '';
    const intruder = await fetch(`${app.url}/chat`, {
      method: 'POST',
      redirect: 'manual',
      headers: as('manager', { 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams({ _csrf: TEST_CSRF_TOKEN, threadId, question: 'hijack' }),
    });
    expect(intruder.status).toBe(404);
  });
});

describe('when things go wrong', () => {
  it('renders an error answer with its reference id', async () => {
    const failing = await startChatApp({
      reply: () => ({
        kind: 'error',
        text: 'The figures could not be read just now.',
        error: { code: 'WAREHOUSE_TIMEOUT', referenceId: 'ref-42' },
      }),
    });
    try {
      const response = await fetch(`${failing.url}/api/chat`, {
        method: 'POST',
        headers: as('manager', { 'content-type': 'application/json', 'x-csrf-token': TEST_CSRF_TOKEN }),
        body: JSON.stringify({ threadId: null, question: 'revenue' }),
      });
      const final = lastData<AnswerEvent>(await readSse(response));
      expect(final.answer.kind).toBe('error');
      expect(final.html).toContain('Reference: <code>ref-42</code> (WAREHOUSE_TIMEOUT)');
    } finally {
      await failing.close();
    }
  });

  it('ends the stream with an error event and the request id when the assistant throws', async () => {
    const throwing = await startChatApp({
      reply: () => {
        throw new Error('secret internals');
      },
    });
    try {
      const response = await fetch(`${throwing.url}/api/chat`, {
        method: 'POST',
        headers: as('manager', { 'content-type': 'application/json', 'x-csrf-token': TEST_CSRF_TOKEN }),
        body: JSON.stringify({ threadId: null, question: 'revenue' }),
      });
      const events = await readSse(response);
      expect(events.at(-1)?.type).toBe('error');
      const data = lastData<{ code: string; message: string; requestId: string }>(events);
      expect(data.code).toBe('CHAT_FAILED');
      expect(data.requestId).toMatch(/^req-\d+$/);
      expect(JSON.stringify(events)).not.toContain('secret internals');
    } finally {
      await throwing.close();
    }
  });

  it('serves a chart answered by another instance from the stored turn', async () => {
    const final = lastData<AnswerEvent>(
      await readSse(await ask('manager', { threadId: null, question: 'revenue' })),
    );
    const other = await startChatApp({ runtime: { stores: app.stores } });
    try {
      const svg = await fetch(`${other.url}/chat/answers/${final.answer.id}/chart.svg`, {
        headers: as('manager'),
      });
      expect(svg.status).toBe(200);
      expect(await svg.text()).toMatch(/^<svg/);
    } finally {
      await other.close();
    }
  });
});
