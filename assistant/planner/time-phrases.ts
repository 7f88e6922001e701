/**
 * The planner's entry to the time grammar: the time phrases of a question (TimePhrases, defined
 * with its fields in ./time/time-phrases-shape.ts). The planner reads only this.
 */
import { parseQuestionTime } from './time/parse-time-phrases.ts';
import type { TimePhraseContext, TimePhrases } from './time/time-phrases-shape.ts';

export type { TimePhraseContext, TimePhrases };

/** The grammar lives in ./time/ (docs/planner-time-phrases.md); this is the planner's entry point. */
export function parseTimePhrases(question: string, context: TimePhraseContext): TimePhrases {
  return parseQuestionTime(question, context);
}
