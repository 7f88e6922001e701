/**
 * Threads and their turns in app.threads / app.turns (PGlite or Postgres), parameterised SQL only.
 * A thread is its owner's alone: loading someone else's thread fails exactly like a missing one,
 * so its existence is not revealed either.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { AppDb } from '../../db/app-db.ts';
import type { Answer } from '../answer.ts';
import type { StoredTurn, ThreadStore, ThreadSummary } from './app-stores.ts';

const TITLE_MAX = 80;

interface TurnRow {
  thread_id: string;
  answer_id: string;
  user_id: string;
  channel: StoredTurn['channel'];
  question: string;
  answer: Answer;
  context: StoredTurn['context'];
  messages: StoredTurn['messages'];
  created_at: Date;
}

const TURN_COLUMNS =
  'thread_id, answer_id, user_id, channel, question, answer, context, messages, created_at';

export function shortTitle(question: string): string {
  const flat = question.replace(/\s+/g, ' ').trim();
  return flat.length <= TITLE_MAX ? flat || 'New conversation' : `${flat.slice(0, TITLE_MAX - 3)}...`;
}

/** The answer as stored: the PNG bytes stay out (the SVG and spec redraw it). */
export function storableAnswer(answer: Answer): Answer {
  return answer.chart ? { ...answer, chart: { ...answer.chart, png: null } } : answer;
}

function toTurn(row: TurnRow): StoredTurn {
  return {
    threadId: row.thread_id,
    answerId: row.answer_id,
    userId: row.user_id,
    channel: row.channel,
    question: row.question,
    answer: row.answer,
    context: row.context,
    messages: row.messages,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function createSqlThreadStore(db: AppDb, clock: Clock): ThreadStore {
  return {
    async createThread(userId, title) {
      const id = randomUUID();
      const now = clock.now().toISOString();
      await db.query(
        'INSERT INTO app.threads (id, user_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
        [id, userId, shortTitle(title), now],
      );
      return id;
    },

    async loadTurns(threadId, userId) {
      const owner = await db.query<{ user_id: string }>('SELECT user_id FROM app.threads WHERE id = $1', [
        threadId,
      ]);
      if (owner.rows[0]?.user_id !== userId)
        throw new CodedError(ErrorCode.ThreadNotFound, 'That conversation was not found; start a new one.', {
          details: { threadId },
        });
      const { rows } = await db.query<TurnRow>(
        `SELECT ${TURN_COLUMNS} FROM app.turns WHERE thread_id = $1 ORDER BY seq`,
        [threadId],
      );
      return rows.map(toTurn);
    },

    async saveTurn(turn) {
      const answer = storableAnswer(turn.answer);
      await db.transaction(async (tx) => {
        const owner = await tx.query<{ user_id: string }>(
          'SELECT user_id FROM app.threads WHERE id = $1 FOR UPDATE',
          [turn.threadId],
        );
        if (owner.rows[0]?.user_id !== turn.userId)
          throw new CodedError(
            ErrorCode.ThreadNotFound,
            'That conversation was not found; start a new one.',
            {
              details: { threadId: turn.threadId },
            },
          );
        await tx.query(
          `INSERT INTO app.turns (${TURN_COLUMNS}, seq, kind)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9,
                   (SELECT COALESCE(MAX(seq), 0) + 1 FROM app.turns WHERE thread_id = $1), $10)`,
          [
            turn.threadId,
            turn.answerId,
            turn.userId,
            JSON.stringify(turn.channel),
            turn.question,
            JSON.stringify(answer),
            JSON.stringify(turn.context),
            JSON.stringify(turn.messages),
            turn.createdAt,
            answer.kind,
          ],
        );
        await tx.query('UPDATE app.threads SET updated_at = GREATEST(updated_at, $2) WHERE id = $1', [
          turn.threadId,
          turn.createdAt,
        ]);
      });
    },

    async listThreads(userId, limit = 50) {
      const { rows } = await db.query<{
        id: string;
        title: string;
        user_id: string;
        turns: number;
        updated_at: Date;
      }>(
        `SELECT t.id, t.title, t.user_id, t.updated_at,
                (SELECT COUNT(*) FROM app.turns u WHERE u.thread_id = t.id)::int AS turns
           FROM app.threads t WHERE t.user_id = $1 ORDER BY t.updated_at DESC, t.id LIMIT $2`,
        [userId, Math.max(1, Math.min(500, Math.floor(limit)))],
      );
      return rows.map(
        (row): ThreadSummary => ({
          threadId: row.id,
          title: row.title,
          userId: row.user_id,
          turns: Number(row.turns),
          updatedAt: new Date(row.updated_at).toISOString(),
        }),
      );
    },

    async getTurn(answerId) {
      const { rows } = await db.query<TurnRow>(`SELECT ${TURN_COLUMNS} FROM app.turns WHERE answer_id = $1`, [
        answerId,
      ]);
      return rows[0] ? toTurn(rows[0]) : undefined;
    },
  };
}
