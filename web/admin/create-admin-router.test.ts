import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { lastData, type RunningChatApp, readSse, startChatApp } from '../chat/test-chat-answers.ts';
import { createMemoryStores } from '../test-app-stores.ts';
import { TEST_CSRF_TOKEN } from '../test-feature-app.ts';

let app: RunningChatApp;
beforeEach(async () => {
  app = await startChatApp();
});
afterEach(() => app.close());

const headers = (user: string, type = 'application/json') => ({
  'x-test-user': user,
  'content-type': type,
  'x-csrf-token': TEST_CSRF_TOKEN,
});

async function thumbsDown(user: string, question: string): Promise<string> {
  const events = await readSse(
    await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: headers(user),
      body: JSON.stringify({ threadId: null, question }),
    }),
  );
  const { id } = lastData<{ answer: { id: string } }>(events).answer;
  await fetch(`${app.url}/api/feedback`, {
    method: 'POST',
    headers: headers(user),
    body: JSON.stringify({ answerId: id, rating: 'down', comment: 'wrong region' }),
  });
  return (await app.stores.feedback.list({ rating: 'down' })).find((f) => f.answerId === id)?.id ?? '';
}

const correction = (feedbackId: string, query: string) =>
  fetch(`${app.url}/admin/verified-queries`, {
    method: 'POST',
    redirect: 'manual',
    headers: headers('admin', 'application/x-www-form-urlencoded'),
    body: new URLSearchParams({ _csrf: TEST_CSRF_TOKEN, feedbackId, question: 'revenue by region', query }),
  });

describe('admin page', () => {
  it('is for admins only: a manager and finance get 403', async () => {
    expect((await fetch(`${app.url}/admin`, { headers: { 'x-test-user': 'manager' } })).status).toBe(403);
    expect((await fetch(`${app.url}/admin`, { headers: { 'x-test-user': 'finance' } })).status).toBe(403);
    const post = await fetch(`${app.url}/api/admin/verified-queries`, {
      method: 'POST',
      headers: headers('manager'),
      body: JSON.stringify({ feedbackId: null, question: 'q', query: { metrics: ['revenue'] } }),
    });
    expect(post.status).toBe(403);
    expect(app.stores.saved).toHaveLength(0);
  });

  it('shows usage by week and the answers marked wrong with their query, editable', async () => {
    await thumbsDown('manager', 'revenue by region');
    await thumbsDown('finance', 'huh?');
    // A turn the week before: the tiles show the newest week, whatever order the store returns.
    const [earlier] = app.stores.turns;
    if (earlier)
      await app.stores.threads.saveTurn({
        ...earlier,
        answerId: 'old',
        createdAt: '2026-06-22T09:00:00.000Z',
      });
    const html = await (await fetch(`${app.url}/admin`, { headers: { 'x-test-user': 'admin' } })).text();
    const week = (await app.stores.usage.weekly(5)).find((w) => w.week === '2026-06-29');
    expect(week).toMatchObject({ activeUsers: 2, questions: 2, answered: 1, clarified: 1, thumbsDown: 2 });
    expect(html).toContain(`<td>${week?.week}</td><td class="num">2</td><td class="num">2</td>`);
    expect(html).toContain('<td class="num">50%</td>');
    expect(html).toContain('Active users, week of 2026-06-29');
    expect(html.indexOf('<td>2026-06-29</td>')).toBeLessThan(html.indexOf('<td>2026-06-22</td>'));
    expect(html).toContain('<h3>revenue by region</h3>');
    expect(html).toContain('Revenue, North: <strong>$1,234,568</strong>');
    expect(html).toContain('&quot;stores.region_name&quot;');
    expect(html).toContain('<q>wrong region</q>');
  });

  it('saves a correction as a verified query, refreshes the planner and resolves the feedback', async () => {
    const feedbackId = await thumbsDown('manager', 'revenue by region');
    const query = JSON.stringify({ metrics: ['revenue'], dimensions: ['stores.region_name'], time: null });
    const response = await correction(feedbackId, query);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/admin\?saved=/);
    expect(app.stores.saved).toHaveLength(1);
    expect(app.stores.saved[0]).toMatchObject({
      question: 'revenue by region',
      createdBy: 'u-admin',
      fromFeedbackId: feedbackId,
      query: { metrics: ['revenue'], dimensions: ['stores.region_name'], limit: 100 },
    });
    expect(app.runtime.refreshes).toBe(1);
    expect(await app.stores.feedback.list({ rating: 'down', unresolvedOnly: true })).toHaveLength(0);
    const page = await (
      await fetch(`${app.url}${response.headers.get('location')}`, { headers: { 'x-test-user': 'admin' } })
    ).text();
    expect(page).toContain('Saved: the assistant answers that question this way from now on.');
    expect(page).toContain('<strong>revenue by region</strong>');
  });

  it('keeps the feedback open and shows why when the JSON or the shape is wrong', async () => {
    const feedbackId = await thumbsDown('manager', 'revenue by region');
    const broken = await correction(feedbackId, '{"metrics": [');
    expect(broken.status).toBe(400);
    const html = await broken.text();
    expect(html).toContain('The query is not valid JSON');
    expect(html).toContain('{&quot;metrics&quot;: [</textarea>');
    expect((await correction(feedbackId, '{"metrics": [], "sql": "drop"}')).status).toBe(400);
    expect(app.stores.saved).toHaveLength(0);
    expect(app.runtime.refreshes).toBe(0);
    expect(await app.stores.feedback.list({ unresolvedOnly: true })).toHaveLength(1);
  });
});

describe('a query the store refuses to compile', () => {
  it('is shown to the admin and nothing is refreshed', async () => {
    await app.close();
    const stores = createMemoryStores({
      validateQuery: (q) => {
        if (q.metrics.includes('revnue'))
          throw new CodedError(
            ErrorCode.SemanticUnknownMember,
            'Unknown metric "revnue"; did you mean revenue?',
          );
      },
    });
    app = await startChatApp({ runtime: { stores } });
    const response = await fetch(`${app.url}/api/admin/verified-queries`, {
      method: 'POST',
      headers: headers('admin'),
      body: JSON.stringify({ feedbackId: null, question: 'revenue', query: { metrics: ['revnue'] } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'SEMANTIC_UNKNOWN_MEMBER', message: 'Unknown metric "revnue"; did you mean revenue?' },
    });
    expect(app.runtime.refreshes).toBe(0);
  });
});
