/**
 * CONTRACT for the application's state in the app database (PGlite or Postgres, schema "app"):
 * threads and their turns, feedback on answers, verified queries saved from corrections, and the
 * usage figures the admin page shows. Implemented in assistant/memory/ by the memory work; the web
 * app and the Slack app use these interfaces, never the tables.
 */

import type { LedgerChannel } from '../../ledger/ledger-actor.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { Answer } from '../answer.ts';
import type { ThreadContext } from '../planner/plan.ts';
import type { ChatMessage } from '../providers/model-provider.ts';

export interface StoredTurn {
  threadId: string;
  /** The answer's id. */
  answerId: string;
  userId: string;
  channel: LedgerChannel;
  question: string;
  /** The answer without its PNG bytes. */
  answer: Answer;
  /** The planner's memory after this turn. */
  context: ThreadContext;
  /** The model's view of this turn (user, assistant, tool messages), for the next model call. */
  messages: ChatMessage[];
  createdAt: string;
}

export interface ThreadSummary {
  threadId: string;
  title: string;
  userId: string;
  turns: number;
  updatedAt: string;
}

export interface ThreadStore {
  /** Creates the thread owned by userId; the title is the first question, shortened. */
  createThread(userId: string, title: string): Promise<string>;
  /** Throws CodedError THREAD_NOT_FOUND when the thread does not exist or is not userId's. */
  loadTurns(threadId: string, userId: string): Promise<StoredTurn[]>;
  saveTurn(turn: StoredTurn): Promise<void>;
  listThreads(userId: string, limit?: number): Promise<ThreadSummary[]>;
  getTurn(answerId: string): Promise<StoredTurn | undefined>;
}

export type FeedbackRating = 'up' | 'down';

export interface FeedbackRecord {
  id: string;
  answerId: string;
  userId: string;
  rating: FeedbackRating;
  comment: string | null;
  /** 'web' or 'slack' or 'cli'. */
  channel: string;
  createdAt: string;
  /** Copied from the turn so the admin page needs no join: */
  question: string;
  semanticQueries: SemanticQuery[];
  figures: { label: string; formatted: string }[];
  /** Set when an admin saved a corrected query from it. */
  resolvedAt: string | null;
}

export interface FeedbackStore {
  /** One rating per user per answer: a second call replaces the first. */
  record(input: {
    answerId: string;
    userId: string;
    rating: FeedbackRating;
    comment: string | null;
    channel: string;
  }): Promise<FeedbackRecord>;
  list(options: {
    rating?: FeedbackRating;
    unresolvedOnly?: boolean;
    limit?: number;
  }): Promise<FeedbackRecord[]>;
  markResolved(feedbackId: string): Promise<void>;
}

export interface SavedVerifiedQuery {
  id: string;
  question: string;
  query: SemanticQuery;
  createdBy: string;
  fromFeedbackId: string | null;
  createdAt: string;
}

export interface VerifiedQueryStore {
  /** The query is validated by compiling it before it is saved. */
  add(input: {
    question: string;
    query: SemanticQuery;
    createdBy: string;
    fromFeedbackId: string | null;
  }): Promise<SavedVerifiedQuery>;
  list(): Promise<SavedVerifiedQuery[]>;
}

export interface WeeklyUsage {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  activeUsers: number;
  questions: number;
  answered: number;
  clarified: number;
  failed: number;
  thumbsUp: number;
  thumbsDown: number;
}

export interface UsageStats {
  weekly(weeks: number): Promise<WeeklyUsage[]>;
}

export interface AppStores {
  threads: ThreadStore;
  feedback: FeedbackStore;
  verifiedQueries: VerifiedQueryStore;
  usage: UsageStats;
}
