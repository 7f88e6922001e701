/**
 * Seasons ("the summer", "last winter") name no fixed dates: which months they cover depends on
 * the hemisphere and on the business's own calendar. When no period is named otherwise and the
 * season word is not part of a whole value's name ("Summer Sale"), the planner asks.
 */
import type { MatchedQuestion } from './match-question.ts';

const SEASONS = new Set(['summer', 'winter', 'spring', 'autumn', 'fall']);
/** A season is a period after these ("in the summer", "last winter"), not a verb ("sales fall"). */
const BEFORE_SEASON = new Set(['the', 'this', 'last', 'next', 'in', 'during', 'over', 'since', 'previous']);

/** The season word asked as a period, as written; null when there is none. */
export function seasonAsPeriod(matched: MatchedQuestion): string | null {
  const at = matched.tokens.findIndex(
    (t, i) =>
      SEASONS.has(t.norm) &&
      BEFORE_SEASON.has(matched.tokens[i - 1]?.norm ?? '') &&
      !matched.mentions.some((m) => m.kind === 'value' && !m.partial && m.start <= i && i < m.end),
  );
  return at < 0 ? null : (matched.tokens[at]?.raw ?? null);
}
