/** What the time grammar finds in a question, as the planner reads it (assistant/planner/time-phrases.ts). */
import type { Clock } from '../../../core/clock.ts';
import type {
  CompareMode,
  QueryGrain,
  TimeRange,
} from '../../../semantic-layer/query/semantic-query-shape.ts';

export interface TimePhraseContext {
  clock: Clock;
  fiscalYearStartMonth: number;
}

export interface TimePhrases {
  /** The period asked about; null when the question names none. Relative ranges where one fits. */
  range: TimeRange | null;
  /** "vs last year", "compared with the year before", "2025 vs 2024" (when the second is the first shifted a year). */
  compare: CompareMode | null;
  /** A second explicit period that is not a shift of the first ("Q3 2025 vs Q1 2025"); else null. */
  baseline: TimeRange | null;
  /** "by month", "monthly", "weekly trend", "per quarter"; null when none. */
  grain: QueryGrain | null;
  /** "the same period last year" / "same for last year" as a follow-up shift, without a period of its own. */
  shiftOnly: CompareMode | null;
  /** The question with every matched phrase replaced by spaces (so other matching skips them). */
  remainder: string;
  /** The phrases matched, as written, for "understood" and for confidence accounting. */
  matched: string[];
  /** The period in words with its dates, e.g. "last quarter (2025-07-01 to 2025-09-30)". */
  label: string | null;
}
