/**
 * Feedback on answers in app.feedback: one rating per user per answer (an upsert on the unique
 * pair), with the turn's question, semantic queries and figures copied into the record so the
 * admin page needs nothing else. Only answers that exist can be rated.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { AppDb } from '../../db/app-db.ts';
import type { Answer } from '../answer.ts';
import type { FeedbackRecord, FeedbackStore } from './app-stores.ts';

interface FeedbackRow {
  id: string;
  answer_id: string;
  user_id: string;
  rating: FeedbackRecord['rating'];
  comment: string | null;
  channel: string;
  created_at: Date;
  resolved_at: Date | null;
  question: string;
  answer: Answer;
}

const SELECT = `SELECT f.id, f.answer_id, f.user_id, f.rating, f.comment, f.channel, f.created_at,
       f.resolved_at, t.question, t.answer
  FROM app.feedback f JOIN app.turns t ON t.answer_id = f.answer_id`;

function toRecord(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    answerId: row.answer_id,
    userId: row.user_id,
    rating: row.rating,
    comment: row.comment,
    channel: row.channel,
    createdAt: new Date(row.created_at).toISOString(),
    question: row.question,
    semanticQueries: row.answer.provenance?.semanticQueries ?? [],
    figures: row.answer.figures.map((f) => ({ label: f.label, formatted: f.formatted })),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
  };
}

export function createSqlFeedbackStore(db: AppDb, clock: Clock): FeedbackStore {
  return {
    async record(input) {
      const exists = await db.query('SELECT 1 FROM app.turns WHERE answer_id = $1', [input.answerId]);
      if (exists.rowCount === 0)
        throw new CodedError(
          ErrorCode.FeedbackAnswerNotFound,
          'That answer was not found, so it cannot be rated.',
          {
            details: { answerId: input.answerId },
          },
        );
      const comment = input.comment?.trim().slice(0, 2000) || null;
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO app.feedback (id, answer_id, user_id, rating, comment, channel, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (answer_id, user_id) DO UPDATE
           SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, channel = EXCLUDED.channel,
               created_at = EXCLUDED.created_at, resolved_at = NULL
         RETURNING id`,
        [
          randomUUID(),
          input.answerId,
          input.userId,
          input.rating,
          comment,
          input.channel,
          clock.now().toISOString(),
        ],
      );
      const saved = await db.query<FeedbackRow>(`${SELECT} WHERE f.id = $1`, [rows[0]?.id]);
      return toRecord(saved.rows[0] as FeedbackRow);
    },

    async list(options) {
      const { rows } = await db.query<FeedbackRow>(
        `${SELECT}
          WHERE ($1::text IS NULL OR f.rating = $1) AND (NOT $2::boolean OR f.resolved_at IS NULL)
          ORDER BY f.created_at DESC, f.id LIMIT $3`,
        [
          options.rating ?? null,
          options.unresolvedOnly === true,
          Math.max(1, Math.min(1000, Math.floor(options.limit ?? 100))),
        ],
      );
      return rows.map(toRecord);
    },

    async markResolved(feedbackId) {
      const result = await db.query(
        'UPDATE app.feedback SET resolved_at = COALESCE(resolved_at, $2) WHERE id = $1',
        [feedbackId, clock.now().toISOString()],
      );
      if (result.rowCount === 0)
        throw new CodedError(ErrorCode.FeedbackAnswerNotFound, 'That feedback was not found.', {
          details: { feedbackId },
        });
    },
  };
}
