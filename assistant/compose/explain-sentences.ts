/**
 * The text of an explain_change answer, from its record: how much the metric moved between the two
 * periods, and which members of the best-ranked dimension explain how much of the move.
 */

import { dimensionLabel, metricFormat, metricLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { DimensionBreakdown } from '../../tools/member-contributions.ts';
import type { FigureCollector } from './figure-collector.ts';
import { isSensibleChange } from './format-figure.ts';
import { periodLabel } from './period-words.ts';

export interface ExplainRecord {
  metric: string;
  current: { period: { start: string; end: string } | null; value: number };
  baseline: { period: { start: string; end: string } | null; value: number };
  change: number;
  breakdowns: DimensionBreakdown[];
}

export function isExplainRecord(data: unknown): data is ExplainRecord {
  const d = data as Partial<ExplainRecord> | null;
  return !!d && typeof d.metric === 'string' && typeof d.change === 'number' && Array.isArray(d.breakdowns);
}

const when = (p: { start: string; end: string } | null) => (p ? periodLabel(p.start, p.end) : 'all time');

export function describeExplain(
  record: ExplainRecord,
  source: string,
  model: SemanticLayerModel,
  figures: FigureCollector,
): string {
  const label = metricLabel(model, record.metric);
  const format = metricFormat(model, record.metric);
  const from = when(record.baseline.period);
  const to = when(record.current.period);
  const now = figures.add(record.current.value, format, `${label}, ${to}`, source);
  if (record.change === 0) return `${label} did not change: it was ${now} in ${to}, as in ${from}.`;
  const moved = figures.add(Math.abs(record.change), format, `${label} change`, source);
  const ratio = record.change / Math.abs(record.baseline.value);
  // A zero (or denormal) baseline has no meaningful relative change: say none.
  const pct = isSensibleChange(ratio) ? ` (${figures.change(ratio, `${label} change`, source)})` : '';
  const first = `${label} ${record.change > 0 ? 'rose' : 'fell'} by ${moved}${pct} from ${from} to ${to}, to ${now}.`;
  const best = record.breakdowns[0];
  const leaders =
    best?.members.filter((m) => Math.sign(m.change) === Math.sign(record.change)).slice(0, 2) ?? [];
  if (!best || leaders.length === 0) return first;
  // Members are ranked with the movers in the total's direction first, so the last one is the
  // largest move the other way: name it when it matters, or "most of the move" hides a big offset.
  const last = best.members.at(-1);
  const offset =
    last &&
    Math.sign(last.change) === -Math.sign(record.change) &&
    Math.abs(last.change) >= 0.1 * Math.abs(record.change)
      ? last
      : null;
  const say = (m: (typeof leaders)[number]) =>
    `${m.member} (${m.change > 0 ? 'up' : 'down'} ${figures.add(Math.abs(m.change), format, `${label} change, ${m.member}`, source)})`;
  const because = leaders.map(say).join(' and ');
  const against = offset ? `, partly offset by ${say(offset)}` : '';
  const dim = dimensionLabel(model, best.dimension).toLowerCase();
  // With a named offset the members named tell the story; "the top values explain 100%" beside
  // two risers would read as if those two alone made the whole move.
  const explained =
    best.topExplains === null || offset
      ? ''
      : `; the top ${dim} values explain ${figures.add(best.topExplains, 'percent', `Share of the change explained`, source)} of the change`;
  return `${first} By ${dim}, most of the move came from ${because}${against}${explained}.`;
}
