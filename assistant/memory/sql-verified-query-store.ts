/**
 * Verified queries saved from corrections (app.verified_queries). A query is checked by the
 * caller's validator (the runtime compiles it against the loaded model) before it is saved, so a
 * saved query always compiles when it was saved.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { AppDb } from '../../db/app-db.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { SavedVerifiedQuery, VerifiedQueryStore } from './app-stores.ts';

/** Throws (a CodedError saying what is wrong) when the query does not compile. */
export type QueryValidator = (query: SemanticQuery) => void;

interface Row {
  id: string;
  question: string;
  query: SemanticQuery;
  created_by: string;
  from_feedback_id: string | null;
  created_at: Date;
}

function toSaved(row: Row): SavedVerifiedQuery {
  return {
    id: row.id,
    question: row.question,
    query: row.query,
    createdBy: row.created_by,
    fromFeedbackId: row.from_feedback_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function createSqlVerifiedQueryStore(
  db: AppDb,
  clock: Clock,
  validate: QueryValidator,
): VerifiedQueryStore {
  return {
    async add(input) {
      const question = input.question.replace(/\s+/g, ' ').trim();
      if (question === '' || question.length > 500)
        throw new CodedError(
          ErrorCode.BadArgument,
          'A verified query needs a question of 1 to 500 characters.',
        );
      validate(input.query);
      const row: Row = {
        id: randomUUID(),
        question,
        query: input.query,
        created_by: input.createdBy,
        from_feedback_id: input.fromFeedbackId,
        created_at: clock.now(),
      };
      await db.query(
        `INSERT INTO app.verified_queries (id, question, query, created_by, from_feedback_id, created_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
        [
          row.id,
          row.question,
          JSON.stringify(row.query),
          row.created_by,
          row.from_feedback_id,
          row.created_at.toISOString(),
        ],
      );
      return toSaved(row);
    },

    async list() {
      const { rows } = await db.query<Row>(
        'SELECT id, question, query, created_by, from_feedback_id, created_at FROM app.verified_queries ORDER BY created_at, id',
      );
      return rows.map(toSaved);
    },
  };
}
