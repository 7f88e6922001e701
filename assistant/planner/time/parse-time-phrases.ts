/**
 * The time grammar's entry point: modifiers first (comparisons, shifts, grains), then named and
 * relative periods, then the words joining them. Every matched phrase is blanked from the
 * remainder so the planner's own matching never sees it. See docs/planner-time-phrases.md.
 */
import { isoDate } from '../../../core/clock.ts';
import {
  compareRange,
  type RangeContext,
  resolveTimeRange,
} from '../../../semantic-layer/query/resolve-time-range.ts';
import type {
  CompareMode,
  QueryGrain,
  TimeRange,
} from '../../../semantic-layer/query/semantic-query-shape.ts';
import { CALENDAR_PERIOD_RULES } from './calendar-period-rules.ts';
import { connectPeriods, type FoundPeriod, type PeriodGroup } from './connect-periods.ts';
import { describeComparison, describePeriod } from './describe-period.ts';
import { MODIFIER_RULES, type Modifier } from './modifier-rules.ts';
import type { PeriodRule } from './period-rule.ts';
import { PhraseText } from './phrase-text.ts';
import { ANCHORED_PERIOD_RULES } from './quarter-period-rules.ts';
import { RELATIVE_PERIOD_RULES } from './relative-period-rules.ts';
import type { TimePhrases } from './time-phrases-shape.ts';

const PERIOD_RULES: readonly PeriodRule[] = [
  ...ANCHORED_PERIOD_RULES,
  ...RELATIVE_PERIOD_RULES,
  ...CALENDAR_PERIOD_RULES,
];

interface FoundModifier {
  at: number;
  phrase: string;
  modifier: Modifier;
}

function findModifiers(text: PhraseText): FoundModifier[] {
  const found: FoundModifier[] = [];
  for (const { pattern, modifier } of MODIFIER_RULES) {
    for (const m of text.work.matchAll(pattern)) {
      const value = modifier(m.groups ?? {});
      if (value === null || m[0].length === 0) continue;
      text.take(m.index, m.index + m[0].length);
      found.push({ at: m.index, phrase: text.written(m.index, m.index + m[0].length), modifier: value });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

function findPeriods(text: PhraseText, today: string, fiscalYearStartMonth: number): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  for (const { pattern, build } of PERIOD_RULES) {
    for (const m of text.work.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (m[0].length === 0 || text.isTaken(m.index, end)) continue;
      const env = {
        today,
        fiscalYearStartMonth,
        before: text.lower.slice(0, m.index),
        after: text.lower.slice(end),
        written: text.original.slice(m.index, end),
      };
      const period = build(m.groups ?? {}, env);
      if (period === null) continue;
      text.take(m.index, end);
      found.push({ start: m.index, end, period });
    }
  }
  return found;
}

type Resolved = { start: string; end: string } | null;

function sameSpan(a: Resolved, b: Resolved): boolean {
  return a !== null && b !== null && a.start === b.start && a.end === b.end;
}

export function parseQuestionTime(question: string, context: RangeContext): TimePhrases {
  const text = new PhraseText(question);
  const today = isoDate(context.clock.now());
  const resolve = (range: TimeRange): Resolved => resolveTimeRange(range, context);
  const modifiers = findModifiers(text);
  const groups = connectPeriods(text, findPeriods(text, today, context.fiscalYearStartMonth), today, resolve);

  let range: TimeRange | null = null;
  let words = '';
  let compare: CompareMode | null = null;
  let baseline: PeriodGroup | null = null;
  const matched: { at: number; phrase: string }[] = [];
  for (const group of groups) {
    text.take(group.start, group.end);
    matched.push({ at: group.start, phrase: text.written(group.start, group.end) });
    if (range === null) {
      range = group.period.range;
      words = group.period.words;
    } else if (group.versus && compare === null && baseline === null) {
      const first = resolve(range);
      const second = resolve(group.period.range);
      const shifted = (mode: CompareMode, a: Resolved, b: Resolved) =>
        a !== null && sameSpan(compareRange(a, mode), b);
      const modes: CompareMode[] = ['same_period_last_year', 'previous_period'];
      const backwards = modes.find((mode) => shifted(mode, first, second));
      // "compare 2024 and 2025": the later period is the one asked about.
      const forwards = modes.find((mode) => shifted(mode, second, first));
      // "Q3 vs Q3 last year" when the latest Q3 is last year's: one period, against the year before.
      if (sameSpan(first, second)) compare = 'same_period_last_year';
      else if (backwards !== undefined) compare = backwards;
      else if (forwards !== undefined) {
        compare = forwards;
        range = group.period.range;
        words = group.period.words;
      } else baseline = group;
    } else {
      // Two periods not joined by "vs" ("March and April 2025"): the span covering both.
      const a = resolve(range);
      const b = resolve(group.period.range);
      if (a !== null && b !== null) {
        const starts = [a.start, b.start].sort();
        const ends = [a.end, b.end].sort();
        range = { start: starts[0] as string, end: ends[1] as string };
        words = `${words} and ${group.period.words}`;
      }
    }
  }

  let grain: QueryGrain | null = null;
  let shiftOnly: CompareMode | null = null;
  for (const { at, phrase, modifier } of modifiers) {
    matched.push({ at, phrase });
    if (modifier.kind === 'grain') grain ??= modifier.grain;
    else if (modifier.kind === 'compare' || range !== null)
      compare ??= baseline === null ? modifier.mode : null;
    else shiftOnly ??= modifier.mode;
  }

  return {
    range,
    compare,
    baseline: baseline?.period.range ?? null,
    grain,
    shiftOnly,
    remainder: text.remainder(),
    matched: matched.sort((a, b) => a.at - b.at).map((m) => m.phrase),
    label:
      range === null
        ? null
        : describePeriod(words, range, context) +
          describeComparison(range, compare, baseline?.period ?? null, context),
  };
}
