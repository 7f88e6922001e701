/**
 * "online vs in store": two values joined by a comparing word are meant as members of one
 * dimension. When they were found in two different dimensions of the same semantic model (a
 * channel code and a channel name), filtering on both would ask for rows that are both at once
 * and answer with a wrong zero; the planner asks which dimension is meant instead.
 */
import type { MatchedQuestion, Mention } from './match-question.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';

/** Words that join two members compared or taken together ("and" only with a compare cue). */
const JOINING = new Set(['vs', 'versus', 'or', 'against', 'compared', 'with', 'to', 'the']);

export interface MixedPair {
  first: Mention;
  second: Mention;
}

/** The first pair of joined values that landed in two dimensions of one semantic model, if any. */
export function mixedCoordinatedValues(
  lexicon: PlannerLexicon,
  matched: MatchedQuestion,
  comparing: boolean,
): MixedPair | null {
  const values = matched.mentions.filter((m) => m.kind === 'value' && !m.partial);
  for (let k = 1; k < values.length; k++) {
    const first = values[k - 1] as Mention;
    const second = values[k] as Mention;
    const between = matched.tokens.slice(first.end, second.start).map((t) => t.norm);
    const joined =
      between.length > 0 &&
      between.every((w) => JOINING.has(w) || (comparing && w === 'and')) &&
      between.some((w) => w !== 'the' && w !== 'with' && w !== 'to');
    if (!joined || first.member === second.member) continue;
    const model = (d: string) => lexicon.dimensions.get(d)?.semanticModel;
    if (model(first.member) !== undefined && model(first.member) === model(second.member))
      return { first, second };
  }
  return null;
}
