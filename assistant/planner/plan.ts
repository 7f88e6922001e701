/**
 * The offline planner's contract: a question (and the thread so far) in, a Plan out. A plan is
 * either tool calls the loop runs exactly as a model's calls would be run, or a reply that needs
 * no tool (clarify, refuse, help). The planner is deterministic and knows nothing of any business:
 * all it knows comes from the catalog it is given.
 */
import type { ChartKind } from '../../charts/chart-choice.ts';
import type { Clock } from '../../core/clock.ts';
import type { CatalogIndex } from '../../semantic-layer/catalog/catalog-index.ts';
import type { DimensionValueIndex } from '../../semantic-layer/catalog/dimension-value-index.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';

export type PlanIntent =
  | 'total'
  | 'trend'
  | 'compare'
  | 'rank'
  | 'share'
  | 'breakdown'
  | 'explain'
  | 'list_values'
  | 'record_transaction'
  | 'list_transactions'
  | 'freshness'
  | 'search';

/** One tool call, with arguments the tool's zod input accepts. */
export interface PlannedCall {
  tool: string;
  arguments: Record<string, unknown>;
}

/** What the thread remembers between turns, for follow-ups ("and by store?", "same for last year"). */
export interface ThreadContext {
  lastQuery: SemanticQuery | null;
  lastIntent: PlanIntent | null;
  /** The chart kind shown last, kept for "as a bar instead" follow-ups. */
  lastChartKind: ChartKind | null;
}

export const EMPTY_THREAD_CONTEXT: ThreadContext = { lastQuery: null, lastIntent: null, lastChartKind: null };

/** A question and its semantic query that an admin or the model's author verified. */
export interface VerifiedQueryExample {
  question: string;
  query: SemanticQuery;
}

export interface PlannerInput {
  question: string;
  thread: ThreadContext;
}

export interface PlannerSetup {
  model: SemanticLayerModel;
  catalog: CatalogIndex;
  dimensionValues: DimensionValueIndex | undefined;
  clock: Clock;
  fiscalYearStartMonth: number;
  /** Verified queries saved from feedback, besides the model file's own. */
  extraVerifiedQueries?: readonly VerifiedQueryExample[];
}

export type Plan =
  | {
      kind: 'tools';
      intent: PlanIntent;
      calls: PlannedCall[];
      /** The main semantic query, remembered by the thread for follow-ups; null for non-query intents. */
      query: SemanticQuery | null;
      /** Draw a chart of the first query_metrics result: a kind the user asked for, 'auto' to choose, or none. */
      chart: ChartKind | 'auto' | null;
      /** What was understood, in words, e.g. "Revenue by region, last quarter, vs the year before". */
      understood: string;
      /**
       * The members the question asked about when the query spans all of them ("what share came
       * from online" asks for every channel's share): the answer names these first.
       */
      focus?: { dimension: string; values: string[] };
    }
  | {
      kind: 'clarify';
      /** One question back to the user. */
      message: string;
      /** Two to four questions the user can pick instead. */
      suggestions: string[];
      /** Why the planner was not confident (for logs and evals), e.g. "unmatched words: foo". */
      reason: string;
    }
  | {
      kind: 'refuse';
      message: string;
      reason: 'empty' | 'too_long' | 'write_request' | 'other_user' | 'injection' | 'unsupported_language';
      suggestions: string[];
    }
  | { kind: 'help'; message: string; suggestions: string[] };

export interface Planner {
  plan(input: PlannerInput): Plan;
  /** Suggested questions for an empty thread (from the verified queries). */
  starterQuestions(): string[];
}
