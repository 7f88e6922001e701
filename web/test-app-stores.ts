/**
 * Test support: the app stores (threads, feedback, verified queries, usage) in memory, behaving as
 * the contract in assistant/memory/app-stores.ts says, so the web routers' tests need no database.
 */

import type {
  AppStores,
  FeedbackRecord,
  SavedVerifiedQuery,
  StoredTurn,
  ThreadSummary,
  WeeklyUsage,
} from '../assistant/memory/app-stores.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { SemanticQuery } from '../semantic-layer/query/semantic-query-shape.ts';

export interface MemoryStores extends AppStores {
  turns: StoredTurn[];
  feedbackRows: FeedbackRecord[];
  saved: SavedVerifiedQuery[];
}

export interface MemoryStoreOptions {
  /** Throws when the query does not compile (the real store compiles it). */
  validateQuery?: (query: SemanticQuery) => void;
  now?: () => Date;
}

function mondayOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function createMemoryStores(options: MemoryStoreOptions = {}): MemoryStores {
  const now = options.now ?? (() => new Date());
  const threads = new Map<string, { userId: string; title: string; updatedAt: string }>();
  const turns: StoredTurn[] = [];
  const feedbackRows: FeedbackRecord[] = [];
  const saved: SavedVerifiedQuery[] = [];
  let seq = 0;
  const id = (prefix: string) => `${prefix}-${++seq}`;
  return {
    turns,
    feedbackRows,
    saved,
    threads: {
      async createThread(userId, title) {
        const threadId = id('thread');
        threads.set(threadId, { userId, title: title.slice(0, 80), updatedAt: now().toISOString() });
        return threadId;
      },
      async loadTurns(threadId, userId) {
        const thread = threads.get(threadId);
        if (!thread || thread.userId !== userId)
          // The store contract's code (the memory work adds it to ErrorCode).
          throw new CodedError('THREAD_NOT_FOUND' as ErrorCode, `No thread ${threadId} of yours.`);
        return turns.filter((t) => t.threadId === threadId);
      },
      async saveTurn(turn) {
        if (!threads.has(turn.threadId))
          threads.set(turn.threadId, {
            userId: turn.userId,
            title: turn.question,
            updatedAt: turn.createdAt,
          });
        const thread = threads.get(turn.threadId);
        if (thread) thread.updatedAt = turn.createdAt;
        turns.push(turn);
      },
      async listThreads(userId, limit = 50): Promise<ThreadSummary[]> {
        return [...threads.entries()]
          .filter(([, t]) => t.userId === userId)
          .map(([threadId, t]) => ({
            threadId,
            title: t.title,
            userId,
            turns: turns.filter((turn) => turn.threadId === threadId).length,
            updatedAt: t.updatedAt,
          }))
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .slice(0, limit);
      },
      async getTurn(answerId) {
        return turns.find((t) => t.answerId === answerId);
      },
    },
    feedback: {
      async record(input) {
        const turn = turns.find((t) => t.answerId === input.answerId);
        if (!turn) throw new CodedError(ErrorCode.AnswerNotFound, `No answer ${input.answerId}.`);
        const existing = feedbackRows.findIndex(
          (f) => f.answerId === input.answerId && f.userId === input.userId,
        );
        const record: FeedbackRecord = {
          id: existing >= 0 ? (feedbackRows[existing]?.id ?? id('feedback')) : id('feedback'),
          ...input,
          createdAt: now().toISOString(),
          question: turn.question,
          semanticQueries: turn.answer.provenance?.semanticQueries ?? [],
          figures: turn.answer.figures.map((f) => ({ label: f.label, formatted: f.formatted })),
          resolvedAt: null,
        };
        if (existing >= 0) feedbackRows[existing] = record;
        else feedbackRows.push(record);
        return record;
      },
      async list({ rating, unresolvedOnly, limit = 100 }) {
        return feedbackRows
          .filter((f) => (!rating || f.rating === rating) && (!unresolvedOnly || f.resolvedAt === null))
          .slice(0, limit);
      },
      async markResolved(feedbackId) {
        const row = feedbackRows.find((f) => f.id === feedbackId);
        if (row) row.resolvedAt = now().toISOString();
      },
    },
    verifiedQueries: {
      async add(input) {
        options.validateQuery?.(input.query);
        const row: SavedVerifiedQuery = { id: id('vq'), ...input, createdAt: now().toISOString() };
        saved.push(row);
        return row;
      },
      async list() {
        return [...saved];
      },
    },
    usage: {
      async weekly(weeks): Promise<WeeklyUsage[]> {
        const byWeek = new Map<string, WeeklyUsage & { users: Set<string> }>();
        const week = (iso: string) => {
          const key = mondayOf(iso);
          let row = byWeek.get(key);
          if (!row) {
            row = {
              week: key,
              activeUsers: 0,
              questions: 0,
              answered: 0,
              clarified: 0,
              failed: 0,
              thumbsUp: 0,
              thumbsDown: 0,
              users: new Set(),
            };
            byWeek.set(key, row);
          }
          return row;
        };
        for (const turn of turns) {
          const row = week(turn.createdAt);
          row.users.add(turn.userId);
          row.questions += 1;
          if (turn.answer.kind === 'clarification') row.clarified += 1;
          else if (turn.answer.kind === 'error' || turn.answer.kind === 'refusal') row.failed += 1;
          else row.answered += 1;
        }
        for (const f of feedbackRows) {
          const row = week(f.createdAt);
          if (f.rating === 'up') row.thumbsUp += 1;
          else row.thumbsDown += 1;
        }
        return (
          [...byWeek.values()]
            .map(({ users, ...row }) => ({ ...row, activeUsers: users.size }))
            .sort((a, b) => b.week.localeCompare(a.week))
            .slice(0, weeks)
            // Oldest first, as the SQL store returns them: the page must not rely on the order.
            .reverse()
        );
      },
    },
  };
}
