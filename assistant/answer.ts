/**
 * The structured answer every surface renders (web chat, Slack, `shoebox ask`, evals). One shape
 * for all kinds of reply, so a surface never has to guess: a figure-bearing answer, a clarifying
 * question, a ledger draft to confirm, a polite refusal, or an error with a reference id.
 *
 * Every number in `text` is one of `figures` (formatted as shown), and every figure comes from a
 * tool result: the evals and the composer's tests check both.
 */
import type { DraftCard } from '../ledger/ledger-drafts.ts';
import type { SemanticQuery } from '../semantic-layer/query/semantic-query-shape.ts';

export type AnswerKind = 'answer' | 'clarification' | 'draft' | 'refusal' | 'error' | 'help';

/** A number the text states, with where it came from. */
export interface AnswerFigure {
  /** What it measures, e.g. "Revenue, North, 2025-Q3". */
  label: string;
  value: number;
  /** Exactly as it appears in `text`, e.g. "$1,234,567", "12.5%", "4,210". */
  formatted: string;
  /** currency, number, percent, days, ... (the metric's format). */
  format: string;
  /** The table artifact (tool result) it was read from. */
  source: string;
}

export interface AnswerColumn {
  name: string;
  label: string;
  format: string;
  role: 'time' | 'dimension' | 'metric' | 'compare' | 'share';
}

/** A compact table: at most a screenful of rows; `totalRows` says how many the result had. */
export interface AnswerTable {
  title: string;
  columns: AnswerColumn[];
  /** Raw values (numbers, ISO dates, strings); surfaces format them with the column's format. */
  rows: (string | number | boolean | null)[][];
  totalRows: number;
  truncated: boolean;
}

export interface AnswerChart {
  title: string;
  /** line, bar, grouped_bar, stacked_bar, tile, ... */
  kind: string;
  /** The Vega-Lite spec. */
  spec: unknown;
  svg: string;
  /** PNG bytes (for Slack uploads and the CLI's file). Not persisted with the thread. */
  png: Buffer | null;
}

export interface AnswerMetricSource {
  name: string;
  label: string;
  description: string;
  /** How it is computed, in words or as its expression. */
  definition: string;
}

export interface AnswerFreshness {
  source: string;
  lastLoadedAt: string | null;
  /** Hours between the last load and the answer's clock; null when never loaded or loaded after the clock (a pinned SHOEBOX_NOW). */
  lagHours: number | null;
}

/** "How I got this". */
export interface Provenance {
  metrics: AnswerMetricSource[];
  /** Filters in words, e.g. "Region is North". */
  filters: string[];
  /** The period in words with its dates, null when all time. */
  period: { label: string; start: string; end: string } | null;
  /** e.g. "compared with the same period last year". */
  comparison: string | null;
  semanticQueries: SemanticQuery[];
  sql: { text: string; params: unknown[] }[];
  freshness: AnswerFreshness[];
  /** "offline" or "openai:<model>". */
  provider: string;
  /** Tool names in the order they ran. */
  tools: string[];
}

export interface AnswerUsage {
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
  toolCalls: number;
}

export interface Answer {
  /** Unique; feedback refers to it. */
  id: string;
  threadId: string;
  question: string;
  kind: AnswerKind;
  /** Plain text, a few short sentences; surfaces escape it for their markup. */
  text: string;
  figures: AnswerFigure[];
  table: AnswerTable | null;
  chart: AnswerChart | null;
  provenance: Provenance | null;
  /** Two to four questions to offer after a clarification, on an empty thread, or as follow-ups. */
  suggestions: string[];
  /** A ledger draft waiting for Confirm or Cancel (kind "draft"). */
  draft: DraftCard | null;
  /** Set for kind "error": a short code and the id to quote to support (also in the logs). */
  error: { code: string; referenceId: string } | null;
  usage: AnswerUsage;
  elapsedMs: number;
  /** ISO timestamp from the assistant's clock. */
  createdAt: string;
}
