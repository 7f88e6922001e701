/**
 * Joins the periods found in a question by the words between them: "between A and B" / "from A
 * to B" (one span), "since A" (A's start to today), "A vs B" (a comparison), and takes the
 * prepositions in front of a period ("in", "during", "over the") with it.
 */
import type { TimeRange } from '../../../semantic-layer/query/semantic-query-shape.ts';
import { calendarMonth } from './named-periods.ts';
import type { Period } from './period-rule.ts';
import type { PhraseText } from './phrase-text.ts';

export interface FoundPeriod {
  start: number;
  end: number;
  period: Period;
}

/** A period as the question states it, with the span of text it took. */
export interface PeriodGroup {
  start: number;
  end: number;
  period: Period;
  /** Set on the second period of "A vs B". */
  versus: boolean;
}

const SPAN_OPENER = /\b(?:between|from)\s+(?:the\s+)?$/;
const SINCE = /\b(?:since|starting(?:\s+from)?)\s+(?:the\s+)?$/;
const PREPOSITION = /(?:\b(?:in|during|for|over|within|throughout|across|of|on|at|from)\s+)?(?:\bthe\s+)?$/;
const SPAN_JOIN = /^\s*(?:and|to|until|till|through|thru|-|–|—)\s*(?:the\s+)?$/;
const VERSUS_JOIN =
  /^\s*,?\s*(?:vs\.?|versus|v\.?|compared\s+(?:with|to)|against|relative\s+to|than)\s*(?:the\s+)?$/;
/** After "compare" (or "difference between"), "A and B", "A with B" and "A to B" are a comparison. */
const COMPARING = /\b(?:compar(?:e|es|ed|ing|ison)|differences?\s+between)\b/;
const COMPARING_JOIN = /^\s*,?\s*(?:and|with|to)\s*(?:the\s+)?$/;

type Resolve = (range: TimeRange) => { start: string; end: string } | null;

/** "from March to June 2025": a month without a year takes the year of the period after it. */
function inferYear(first: Period, second: { start: string; end: string }, resolve: Resolve): Period {
  const own = resolve(first.range);
  if (first.bareMonth === undefined || own === null || own.start <= second.start) return first;
  const year = Number(second.start.slice(0, 4));
  let span = calendarMonth(year, first.bareMonth);
  if (span.start > second.start) span = calendarMonth(year - 1, first.bareMonth);
  return { ...first, range: span, words: first.words.replace(/\d{4}$/, span.start.slice(0, 4)) };
}

export function connectPeriods(
  text: PhraseText,
  found: readonly FoundPeriod[],
  today: string,
  resolve: Resolve,
): PeriodGroup[] {
  const groups: PeriodGroup[] = [];
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const comparing = COMPARING.test(text.lower.slice(0, sorted[0]?.start ?? 0));
  const joinsVersus = (gap: string) => VERSUS_JOIN.test(gap) || (comparing && COMPARING_JOIN.test(gap));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as FoundPeriod;
    const before = text.lower.slice(0, a.start);
    const next = sorted[i + 1];
    const gap = next === undefined ? '' : text.lower.slice(a.end, next.start);
    const opener = SPAN_OPENER.exec(before);
    const spans = opener?.[0].startsWith('from') || !joinsVersus(gap);
    if (next !== undefined && spans && SPAN_JOIN.test(gap)) {
      const second = resolve(next.period.range);
      const inferred = second === null ? a.period : inferYear(a.period, second, resolve);
      const first = second === null ? null : resolve(inferred.range);
      // "between 2025 and 2024" is symmetric; "from 2025 to 2024" is not a span.
      const between = opener?.[0].startsWith('between') === true;
      if (first !== null && second !== null && (first.start <= second.end || between)) {
        const start = opener === null ? a.start - (PREPOSITION.exec(before)?.[0].length ?? 0) : opener.index;
        const words = `${opener === null ? '' : 'from '}${inferred.words} to ${next.period.words}`;
        groups.push({
          start,
          end: next.end,
          period: {
            range: {
              start: [first.start, second.start].sort()[0] as string,
              end: [first.end, second.end].sort()[1] as string,
            },
            words,
          },
          versus: false,
        });
        i++;
        continue;
      }
    }
    const since = SINCE.exec(before);
    const resolved = resolve(a.period.range);
    if (since !== null && resolved !== null && resolved.start <= today) {
      const period = { range: { start: resolved.start, end: today }, words: `since ${a.period.words}` };
      groups.push({ start: since.index, end: a.end, period, versus: false });
      continue;
    }
    const previous = sorted[i - 1];
    const versus = previous !== undefined && joinsVersus(text.lower.slice(previous.end, a.start));
    // A compared period takes the "vs" before it; another its preposition ("in", "during the").
    const start =
      versus && previous !== undefined ? previous.end : a.start - (PREPOSITION.exec(before)?.[0].length ?? 0);
    groups.push({ start, end: a.end, period: a.period, versus });
  }
  return groups;
}
