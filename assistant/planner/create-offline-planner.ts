/**
 * The offline planner: a question (and the thread) in, a Plan out, deterministically and from the
 * catalog alone. The steps, each in its own file:
 *  1. guard/screen-question.ts: refusals and help win;
 *  2. time-phrases.ts: the period, comparison and grain, removed from the words;
 *  3. special-requests.ts: draft a ledger entry, list entries, data freshness, catalog search;
 *  4. match-question.ts + read-cues.ts: catalog members and intent cues in the remaining words;
 *  5. a nearest verified query (Jaccard over content words >= 0.8) wins, its period re-resolved;
 *  6. resolve-slots.ts: metrics, group-bys, filters; ties resolved by what compiles, else asked;
 *  7. apply-follow-up.ts or compose-plan.ts: the query and tool calls;
 *  8. clarify-plan.ts: anything not accounted for gives one clarifying question, never a guess.
 */
import { explainLast, hasFollowUpChange } from './apply-follow-up.ts';
import {
  clarify,
  likelyValueDimension,
  metricTiePlan,
  noMetricPlan,
  starterQuestions,
  unknownWordsPlan,
} from './clarify-plan.ts';
import { composePlan } from './compose-plan.ts';
import { mixedCoordinatedValues } from './coordinated-values.ts';
import { screenQuestion } from './guard/screen-question.ts';
import { asksHowItWent, headlineMetric } from './headline-metric.ts';
import { matchQuestion } from './match-question.ts';
import { nearestVerified } from './nearest-verified.ts';
import {
  EMPTY_THREAD_CONTEXT,
  type Plan,
  type Planner,
  type PlannerInput,
  type PlannerSetup,
} from './plan.ts';
import { followUpPlan } from './plan-follow-up.ts';
import { buildPlannerLexicon, dimensionWords, metricWords, type PlannerLexicon } from './planner-lexicon.ts';
import { looksPlural, MEMBER_RANK_WORDS } from './question-words.ts';
import { readCues } from './read-cues.ts';
import { resolveSlots } from './resolve-slots.ts';
import { seasonAsPeriod } from './season-period.ts';
import { specialRequest } from './special-requests.ts';
import { parseTimePhrases } from './time-phrases.ts';

export function createOfflinePlanner(setup: PlannerSetup): Planner {
  const lexicon = buildPlannerLexicon(setup);
  // Suggestions are checked by planning them; the check itself offers no suggestions (no recursion).
  const quiet: PlannerLexicon = { ...lexicon, answers: () => true };
  const answered = new Map<string, boolean>();
  lexicon.answers = (question) => {
    let ok = answered.get(question);
    if (ok === undefined) {
      ok = planQuestion(quiet, { question, thread: EMPTY_THREAD_CONTEXT }).kind === 'tools';
      if (answered.size >= 5000) answered.clear();
      answered.set(question, ok);
    }
    return ok;
  };
  const starters = starterQuestions(lexicon);
  lexicon.starters = starters;
  return {
    plan: (input) => planQuestion(lexicon, input),
    starterQuestions: () => [...starters],
  };
}

function planQuestion(lexicon: PlannerLexicon, { question, thread }: PlannerInput): Plan {
  // Refusals come before any understanding: they offer the verified starter questions.
  const screened = screenQuestion(question, lexicon.starters);
  if (screened !== null) return screened;
  const { clock, fiscalYearStartMonth } = lexicon.setup;
  const time = parseTimePhrases(question, { clock, fiscalYearStartMonth });
  const special = specialRequest(question, time, { clock, fiscalYearStartMonth });
  if (special !== null) return special;
  const matched = matchQuestion(lexicon, time.remainder);
  const season = time.range === null ? seasonAsPeriod(matched) : null;
  if (season !== null) {
    return clarify(
      lexicon,
      question,
      `"${season}" can mean different months. Which dates do you mean (for example "June to August 2025")?`,
      `season as a period: ${season}`,
    );
  }
  const cues = readCues(matched.tokens, matched.covered);
  const slots = resolveSlots(lexicon, matched, thread.lastQuery?.metrics);
  // A metric only guessed from a word of its name ("values" of a "*_value" metric) does not stop a listing.
  const namedMetric = matched.mentions.some((m) => m.kind === 'metric');
  const listing =
    !namedMetric &&
    slots.filters.length === 0 &&
    slots.dimensions.length > 0 &&
    (cues.list ||
      (thread.lastQuery === null && cues.rank === null && /^(which|what)\b/i.test(question.trim())));
  const isFollowUp =
    !listing &&
    thread.lastQuery !== null &&
    (slots.metrics.length === 0 || cues.followUp) &&
    hasFollowUpChange(slots, cues, time);
  if (!isFollowUp) {
    const verified = nearestVerified(lexicon, matched, slots, time, cues);
    if (verified !== null) return verified;
  }
  if (cues.unknown.length > 0) {
    const likely = slots.metrics.length > 0 ? likelyValueDimension(matched, cues) : null;
    const noMetric = slots.metrics.length === 0 && !isFollowUp;
    return unknownWordsPlan(
      lexicon,
      question,
      cues.unknown.map((u) => u.raw),
      likely,
      noMetric,
    );
  }
  if (slots.ambiguousValue !== null) {
    const { words, dimension, values } = slots.ambiguousValue;
    const shown = values.slice(0, 4);
    return clarify(
      lexicon,
      question,
      `"${words}" is part of ${values.length} ${dimensionWords(lexicon, dimension)} values. Which one do you mean?`,
      `partial value: ${words} (${values.length} values of ${dimension})`,
      shown.map((v) => question.replace(new RegExp(escapeRegExp(words), 'i'), v)),
    );
  }
  if (slots.metricTie !== null)
    return metricTiePlan(lexicon, question, slots.metricTie.words, slots.metricTie.metrics);
  const mixed = mixedCoordinatedValues(lexicon, matched, cues.compare);
  if (mixed !== null) {
    const { first, second } = mixed;
    const words = (d: string) => dimensionWords(lexicon, d).toLowerCase();
    const metric = metricWords(
      lexicon,
      slots.metrics[0] ?? headlineMetric(lexicon.setup.model, lexicon.verified) ?? '',
    );
    return clarify(
      lexicon,
      question,
      `"${first.words}" is a ${words(first.member)} and "${second.words}" a ${words(second.member)}: which do you want to compare by?`,
      `values of two dimensions joined: ${first.member}, ${second.member}`,
      [first.member, second.member].map((d) => `${metric} by ${words(d)} this year`),
    );
  }
  if (isFollowUp) return followUpPlan(lexicon, question, thread, slots, cues, time);
  if (cues.explain && slots.metrics.length === 0 && thread.lastQuery !== null) {
    const last = explainLast(thread, slots, time);
    const explained = composeOrClarify(lexicon, question, last.slots, cues, last.time, false);
    // The thread goes on from the question that was explained, not from the explanation.
    return explained.kind === 'tools' ? { ...explained, query: thread.lastQuery } : explained;
  }
  // Plural when a dimension grouped by was named in the plural (not words read as the metric),
  // or the ranked qualifier of "top wholesale customers".
  const plural = matched.mentions.some(
    (m) =>
      m.kind === 'dimension' &&
      looksPlural(m.words) &&
      (m.qualifier
        ? MEMBER_RANK_WORDS.has(m.rankWord ?? '')
        : [m.member, ...m.alternatives].some((d) => slots.dimensions.includes(d))),
  );
  // "Best salesperson last month", "top 5 stores": a ranking of members with no metric named is a
  // ranking by the headline metric, as "how did X do" is.
  const ranksMembers = cues.rank !== null && slots.dimensions.length > 0;
  if (
    !listing &&
    slots.metrics.length === 0 &&
    ((slots.filters.length > 0 && asksHowItWent(question)) || ranksMembers)
  ) {
    const headline = headlineMetric(lexicon.setup.model, lexicon.verified);
    if (headline !== null)
      return composeOrClarify(lexicon, question, { ...slots, metrics: [headline] }, cues, time, plural);
  }
  if (listing || slots.metrics.length === 0) {
    if (listing) {
      const dimension = slots.dimensions[0] as string;
      return {
        kind: 'tools',
        intent: 'list_values',
        calls: [{ tool: 'list_dimension_values', arguments: { dimension, search: null, limit: null } }],
        query: null,
        chart: null,
        understood: `The ${dimensionWords(lexicon, dimension)} values.`,
      };
    }
    return noMetricPlan(lexicon, question);
  }
  return composeOrClarify(lexicon, question, slots, cues, time, plural);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function composeOrClarify(
  lexicon: PlannerLexicon,
  question: string,
  ...args: Parameters<typeof composePlan> extends [unknown, ...infer Rest] ? Rest : never
): Plan {
  const composed = composePlan(lexicon, ...args);
  if (composed.plan !== null) return composed.plan;
  const { failure } = composed;
  return clarify(lexicon, question, `I cannot answer that as asked: ${failure}. These would work:`, failure);
}
