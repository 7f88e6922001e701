/**
 * A follow-up's plan: the thread's last query changed by apply-follow-up.ts, checked to compile,
 * drawn as the chart asked for (or the one shown last for the same intent).
 */
import { applyFollowUp } from './apply-follow-up.ts';
import { clarify } from './clarify-plan.ts';
import { chartFor } from './compose-plan.ts';
import { describeQuery } from './describe-query.ts';
import type { Plan, PlannerInput } from './plan.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import type { Cues } from './read-cues.ts';
import type { Slots } from './resolve-slots.ts';
import type { TimePhrases } from './time-phrases.ts';

export function followUpPlan(
  lexicon: PlannerLexicon,
  question: string,
  thread: PlannerInput['thread'],
  slots: Slots,
  cues: Cues,
  time: TimePhrases,
): Plan {
  const { query, intent } = applyFollowUp(lexicon, thread, slots, cues, time);
  if (!lexicon.compiles(query)) {
    return clarify(
      lexicon,
      question,
      'I could not apply that to the previous question. Could you ask it in full?',
      'follow-up does not compile',
    );
  }
  const chart =
    cues.chart ??
    (thread.lastChartKind !== null && intent === thread.lastIntent
      ? thread.lastChartKind
      : chartFor(intent, query, null));
  const timeLabel = time.range !== null && time.range === query.time?.range ? time.label : null;
  return {
    kind: 'tools',
    intent,
    calls: [{ tool: 'query_metrics', arguments: query as unknown as Record<string, unknown> }],
    query,
    chart,
    understood: describeQuery(lexicon, query, intent, timeLabel),
  };
}
