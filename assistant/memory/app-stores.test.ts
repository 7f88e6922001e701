/**
 * The app stores on both engines: PGlite on a temporary directory and the Postgres server at
 * DATABASE_URL (a database of its own, dropped afterwards). The same cases run on each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { type AppDb, openAppDb } from '../../db/app-db.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { Answer } from '../answer.ts';
import { EMPTY_THREAD_CONTEXT } from '../planner/plan.ts';
import { fakeAnswer } from '../test-fake-assistant.ts';
import type { AppStores, StoredTurn } from './app-stores.ts';
import { createAppStores } from './open-app-stores.ts';

let now = new Date('2026-06-24T10:00:00Z'); // a Wednesday
const clock: Clock = { now: () => new Date(now.getTime()) };
const QUERY = { metrics: ['revenue'], dimensions: ['region'], limit: 10 } as unknown as SemanticQuery;

function turn(
  threadId: string,
  userId: string,
  question: string,
  kind: Answer['kind'] = 'answer',
): StoredTurn {
  const answer = fakeAnswer(
    { threadId, question, caller: { userId, roles: ['analyst'], channel: { kind: 'cli' } } },
    {
      text: 'Revenue was $1.2M.',
      kind,
      figures: [
        { label: 'Revenue', value: 1_200_000, formatted: '$1.2M', format: 'currency', source: 'result_1' },
      ],
      chart: { title: 't', kind: 'bar', spec: {}, svg: '<svg/>', png: Buffer.from([1, 2, 3]) },
      provenance: {
        metrics: [],
        filters: [],
        period: null,
        comparison: null,
        semanticQueries: [QUERY],
        sql: [],
        freshness: [],
        provider: 'offline',
        tools: ['query_metrics'],
      },
    },
  );
  return {
    threadId,
    answerId: answer.id,
    userId,
    channel: { kind: 'cli', host: 'test' },
    question,
    answer: { ...answer, id: answer.id },
    context: { ...EMPTY_THREAD_CONTEXT, lastQuery: QUERY, lastIntent: 'breakdown' },
    messages: [{ role: 'user', content: question }],
    createdAt: clock.now().toISOString(),
  };
}

function storeCases(name: string, open: () => Promise<{ db: AppDb; done: () => Promise<void> }>) {
  describe(`app stores on ${name}`, () => {
    let db: AppDb;
    let done: () => Promise<void>;
    let stores: AppStores;
    beforeAll(async () => {
      now = new Date('2026-06-24T10:00:00Z');
      ({ db, done } = await open());
      stores = createAppStores(db, {
        clock,
        validateQuery: (query) => {
          if (!(query.metrics as string[]).includes('revenue'))
            throw new CodedError(ErrorCode.SemanticUnknownMember, 'unknown metric');
        },
      });
    }, 60_000);
    afterAll(async () => done?.());

    it('keeps a thread to its owner, turns in order, and the answer without its PNG', async () => {
      const id = await stores.threads.createThread('ana', `  revenue   by region ${'x'.repeat(200)}`);
      const first = turn(id, 'ana', 'revenue by region');
      await stores.threads.saveTurn(first);
      now = new Date(now.getTime() + 60_000);
      await stores.threads.saveTurn(turn(id, 'ana', 'and by store?'));
      const turns = await stores.threads.loadTurns(id, 'ana');
      expect(turns.map((t) => t.question)).toEqual(['revenue by region', 'and by store?']);
      expect(turns[0]?.answer.chart).toMatchObject({ svg: '<svg/>', png: null });
      expect(turns[0]?.context.lastQuery).toEqual(QUERY);
      expect(turns[0]?.messages).toEqual([{ role: 'user', content: 'revenue by region' }]);
      expect(turns[0]?.channel).toEqual({ kind: 'cli', host: 'test' });
      await expect(stores.threads.loadTurns(id, 'bruno')).rejects.toMatchObject({ code: 'THREAD_NOT_FOUND' });
      await expect(stores.threads.loadTurns('no-such-thread', 'ana')).rejects.toMatchObject({
        code: 'THREAD_NOT_FOUND',
      });
      await expect(stores.threads.saveTurn(turn(id, 'bruno', 'sneaky'))).rejects.toMatchObject({
        code: 'THREAD_NOT_FOUND',
      });
      const listed = await stores.threads.listThreads('ana');
      expect(listed[0]).toMatchObject({ threadId: id, turns: 2, userId: 'ana' });
      expect(listed[0]?.title.length).toBeLessThanOrEqual(80);
      expect(listed[0]?.title.startsWith('revenue by region x')).toBe(true);
      expect(await stores.threads.listThreads('bruno')).toEqual([]);
      expect((await stores.threads.getTurn(first.answerId))?.question).toBe('revenue by region');
      expect(await stores.threads.getTurn('nope')).toBeUndefined();
    });

    it('keeps one rating per user per answer and lists, filters and resolves feedback', async () => {
      const id = await stores.threads.createThread('carla', 'margin');
      const t = turn(id, 'carla', 'margin last month');
      await stores.threads.saveTurn(t);
      await stores.feedback.record({
        answerId: t.answerId,
        userId: 'carla',
        rating: 'up',
        comment: null,
        channel: 'cli',
      });
      const second = await stores.feedback.record({
        answerId: t.answerId,
        userId: 'carla',
        rating: 'down',
        comment: ' wrong region ',
        channel: 'web',
      });
      expect(second).toMatchObject({
        rating: 'down',
        comment: 'wrong region',
        question: 'margin last month',
        semanticQueries: [QUERY],
        figures: [{ label: 'Revenue', formatted: '$1.2M' }],
        resolvedAt: null,
      });
      const downs = (await stores.feedback.list({ rating: 'down' })).filter((f) => f.answerId === t.answerId);
      expect(downs).toHaveLength(1);
      await stores.feedback.markResolved(second.id);
      expect((await stores.feedback.list({ unresolvedOnly: true })).some((f) => f.id === second.id)).toBe(
        false,
      );
      await expect(
        stores.feedback.record({
          answerId: 'missing',
          userId: 'carla',
          rating: 'up',
          comment: null,
          channel: 'cli',
        }),
      ).rejects.toMatchObject({ code: 'FEEDBACK_ANSWER_NOT_FOUND' });
      // SQL text in a comment is only ever a value.
      const odd = await stores.feedback.record({
        answerId: t.answerId,
        userId: "o'neil'); DROP TABLE app.turns; --",
        rating: 'up',
        comment: "'; DROP TABLE app.feedback; --",
        channel: 'web',
      });
      expect(odd.comment).toBe("'; DROP TABLE app.feedback; --");
      expect((await stores.threads.loadTurns(id, 'carla')).length).toBe(1);
    });

    it('saves verified queries only when they validate', async () => {
      const saved = await stores.verifiedQueries.add({
        question: ' Revenue  by region ',
        query: QUERY,
        createdBy: 'admin',
        fromFeedbackId: null,
      });
      expect(saved).toMatchObject({ question: 'Revenue by region', query: QUERY, createdBy: 'admin' });
      await expect(
        stores.verifiedQueries.add({
          question: 'bad',
          query: { ...QUERY, metrics: ['nope'] } as SemanticQuery,
          createdBy: 'admin',
          fromFeedbackId: null,
        }),
      ).rejects.toMatchObject({ code: 'SEMANTIC_UNKNOWN_MEMBER' });
      expect((await stores.verifiedQueries.list()).map((v) => v.id)).toContain(saved.id);
      expect((await stores.verifiedQueries.list()).some((v) => v.question === 'bad')).toBe(false);
    });

    it('counts weekly usage by ISO week, including empty weeks', async () => {
      now = new Date('2026-07-08T09:00:00Z'); // two weeks later, a Wednesday
      const id = await stores.threads.createThread('dora', 'q');
      await stores.threads.saveTurn(turn(id, 'dora', 'a'));
      await stores.threads.saveTurn(turn(id, 'dora', 'b', 'clarification'));
      await stores.threads.saveTurn(turn(id, 'dora', 'c', 'error'));
      const weeks = await stores.usage.weekly(3);
      expect(weeks.map((w) => w.week)).toEqual(['2026-06-22', '2026-06-29', '2026-07-06']);
      expect(weeks[1]).toMatchObject({ questions: 0, activeUsers: 0, thumbsUp: 0 });
      expect(weeks[2]).toMatchObject({ activeUsers: 1, questions: 3, answered: 1, clarified: 1, failed: 1 });
      expect(weeks[0]?.activeUsers).toBeGreaterThanOrEqual(2);
      expect(weeks[0]?.thumbsDown).toBeGreaterThanOrEqual(1);
    });
  });
}

storeCases('PGlite (a directory)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-stores-'));
  const db = await openAppDb(`pglite:${join(dir, 'app')}`);
  return {
    db,
    done: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

storeCases('Postgres (DATABASE_URL)', async () => {
  const created = await createTestDatabase('app_stores');
  const db = await openAppDb(created.url);
  return {
    db,
    done: async () => {
      await db.close();
      await created.drop();
    },
  };
});
