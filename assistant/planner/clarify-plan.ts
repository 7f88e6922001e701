/**
 * Clarifying questions: one question that names what was not understood, and two to four
 * questions the user can pick instead, taken from the catalog (the nearest metrics, turned into
 * questions) and from the verified questions nearest to what was asked.
 */
import { searchCatalog } from '../../semantic-layer/catalog/search-catalog.ts';
import type { MatchedQuestion } from './match-question.ts';
import type { Plan } from './plan.ts';
import { dimensionWords, metricWords, type PlannerLexicon } from './planner-lexicon.ts';
import type { Cues } from './read-cues.ts';

const quote = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');

/** Two to four questions near the given text: verified questions first, then metrics as questions. */
export function suggestionsFor(
  lexicon: PlannerLexicon,
  text: string,
  extra: readonly string[] = [],
): string[] {
  const hits = text.trim() === '' ? [] : searchCatalog(lexicon.setup.catalog, text, { limit: 12 });
  // Only questions the planner answers itself are offered.
  const answered = (q: string) => lexicon.answers?.(q) ?? true;
  const out = new Set<string>(extra.filter(answered));
  for (const hit of hits) {
    if (hit.kind === 'verified_query' && hit.score >= 20 && out.size < 2 + extra.length && answered(hit.name))
      out.add(hit.name);
  }
  for (const hit of hits) {
    if (out.size >= 4) break;
    const question = `What was ${metricWords(lexicon, hit.name)} last month?`;
    if (hit.kind === 'metric' && answered(question)) out.add(question);
  }
  for (const starter of starterQuestions(lexicon)) {
    if (out.size >= 2) break;
    out.add(starter);
  }
  return [...out].slice(0, 4);
}

export function starterQuestions(lexicon: PlannerLexicon): string[] {
  const questions = lexicon.verified.map((v) => v.question).filter((q) => lexicon.answers?.(q) ?? true);
  // Spread over the list, so starters come from different areas of the model.
  const step = Math.max(1, Math.floor(questions.length / 4));
  return [0, 1, 2, 3].map((k) => questions[k * step]).filter((q): q is string => q !== undefined);
}

export function clarify(
  lexicon: PlannerLexicon,
  question: string,
  message: string,
  reason: string,
  extra: readonly string[] = [],
): Plan {
  return { kind: 'clarify', message, suggestions: suggestionsFor(lexicon, question, extra), reason };
}

export function unknownWordsPlan(
  lexicon: PlannerLexicon,
  question: string,
  unknown: readonly string[],
  likelyValueOf: string | null,
  noMetric = false,
): Plan {
  if (likelyValueOf === '') {
    return clarify(
      lexicon,
      question,
      `I could not find ${quote(unknown)} among the dimension values I know. Ask for a list of a dimension's values (e.g. "which ... are there?"), or pick a question below.`,
      `unknown value: ${unknown.join(' ')}`,
    );
  }
  if (likelyValueOf !== null) {
    const dim = dimensionWords(lexicon, likelyValueOf);
    return clarify(
      lexicon,
      question,
      `I could not find ${quote(unknown)} among the ${dim} values I know. Ask "list the ${dim} values" to see them, or pick a question below.`,
      `unknown value: ${unknown.join(' ')} (probably a ${likelyValueOf})`,
      [`List the ${dim} values`],
    );
  }
  if (noMetric) {
    return clarify(
      lexicon,
      question,
      `I found no metric I know in your question, and did not understand ${quote(unknown)}. Did you mean one of these?`,
      `no metric; unmatched words: ${unknown.join(' ')}`,
    );
  }
  return clarify(
    lexicon,
    question,
    `I did not understand ${quote(unknown)} here. Could you say it with the names of a metric, a dimension or a value? These are close:`,
    `unmatched words: ${unknown.join(' ')}`,
  );
}

export function noMetricPlan(lexicon: PlannerLexicon, question: string): Plan {
  return clarify(
    lexicon,
    question,
    'Which figure do you mean? I found no metric in your question that I know. These are close:',
    'no metric',
  );
}

/** Two metrics fit the same words equally: ask which, with the question rewritten for each. */
export function metricTiePlan(
  lexicon: PlannerLexicon,
  question: string,
  words: string,
  metrics: readonly string[],
): Plan {
  const pattern = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  const rewritten = metrics.slice(0, 4).map((m) => question.replace(pattern, metricWords(lexicon, m)));
  return clarify(
    lexicon,
    question,
    `"${words}" can mean ${metrics.map((m) => metricWords(lexicon, m)).join(' or ')}. Which one do you mean?`,
    `metrics fit equally: ${metrics.join(', ')}`,
    rewritten,
  );
}

/**
 * An unknown word right after a dimension word ("store zorblax") or after "in/for/at/from" is
 * probably a value the index does not hold: the dimension when known, '' when not; else null.
 */
export function likelyValueDimension(matched: MatchedQuestion, cues: Cues): string | null {
  for (const u of cues.unknown) {
    const before = matched.mentions.find(
      (m) => m.kind === 'dimension' && (m.end === u.index || m.end + 1 === u.index),
    );
    if (before !== undefined) return before.member;
    if (['in', 'for', 'at', 'from'].includes(matched.tokens[u.index - 1]?.norm ?? '')) return '';
  }
  return null;
}
