import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastData, type RunningChatApp, readSse, startChatApp } from '../chat/test-chat-answers.ts';
import { TEST_CSRF_TOKEN } from '../test-feature-app.ts';

let app: RunningChatApp;
beforeAll(async () => {
  app = await startChatApp();
});
afterAll(() => app.close());

const post = (user: string, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'x-test-user': user, 'content-type': 'application/json', 'x-csrf-token': TEST_CSRF_TOKEN },
    body: JSON.stringify(body),
  });

async function answerId(user: string): Promise<string> {
  const events = await readSse(
    await post(user, '/api/chat', { threadId: null, question: 'revenue by region' }),
  );
  return lastData<{ answer: { id: string } }>(events).answer.id;
}

describe('POST /api/feedback', () => {
  it('stores a thumbs-down with its comment, the question, the semantic query and the figures', async () => {
    const id = await answerId('manager');
    const response = await post('manager', '/api/feedback', {
      answerId: id,
      rating: 'down',
      comment: '  North looks too high ',
    });
    expect(response.status).toBe(201);
    const [stored] = await app.stores.feedback.list({ rating: 'down' });
    expect(stored).toMatchObject({
      answerId: id,
      userId: 'u-manager',
      rating: 'down',
      comment: 'North looks too high',
      channel: 'web',
      question: 'revenue by region',
      figures: [
        { label: 'Revenue, all regions', formatted: '$2,267,900' },
        { label: 'Revenue, North', formatted: '$1,234,568' },
      ],
    });
    expect(stored?.semanticQueries[0]?.metrics).toEqual(['revenue']);
  });

  it('keeps one rating per user and answer; a thumbs-up needs no comment', async () => {
    const id = await answerId('finance');
    expect(
      (await post('finance', '/api/feedback', { answerId: id, rating: 'down', comment: null })).status,
    ).toBe(201);
    expect((await post('finance', '/api/feedback', { answerId: id, rating: 'up' })).status).toBe(201);
    const mine = app.stores.feedbackRows.filter((f) => f.answerId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rating: 'up', comment: null });
  });

  it("refuses someone else's answer, an unknown one, a bad rating and signed-out callers", async () => {
    const id = await answerId('manager');
    const other = await post('finance', '/api/feedback', { answerId: id, rating: 'down' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('ANSWER_NOT_FOUND');
    expect((await post('manager', '/api/feedback', { answerId: 'nope', rating: 'up' })).status).toBe(404);
    expect((await post('manager', '/api/feedback', { answerId: id, rating: 'meh' })).status).toBe(400);
    expect(
      (await post('manager', '/api/feedback', { answerId: id, rating: 'up', comment: 'x'.repeat(1001) }))
        .status,
    ).toBe(400);
    const anonymous = await fetch(`${app.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': TEST_CSRF_TOKEN },
      body: JSON.stringify({ answerId: id, rating: 'up' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
