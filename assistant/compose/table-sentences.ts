/**
 * The one to three sentences that say what a query result shows, by its shape: one row (a total,
 * with its comparison), a time series (start, end, peak), or a ranking by a dimension (leader and
 * followers, or shares). Every number is written through the figure collector.
 */
import type { ResultValue } from '../../db/warehouse.ts';
import { dimensionLabel, metricLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { findDimension } from '../../semantic-layer/query/model-members.ts';
import type { ArtifactColumn, TableArtifact } from '../../tools/artifact-store.ts';
import type { PlanIntent } from '../planner/plan.ts';
import type { FigureCollector } from './figure-collector.ts';
import { isSensibleChange } from './format-figure.ts';
import { datesInWords, periodLabel } from './period-words.ts';

export interface TableWords {
  model: SemanticLayerModel;
  figures: FigureCollector;
  intent: PlanIntent | null;
  /** e.g. "the same period last year"; null without a comparison. */
  comparison: string | null;
  /** The members the question asked about, named first; null when none was. */
  focus?: { dimension: string; values: readonly string[] } | null;
}

const num = (value: ResultValue | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** " in 2025-Q3 (1 Jul to 30 Sep 2025)", or "" for all time. */
export function periodClause(table: TableArtifact): string {
  return table.period ? ` in ${periodLabel(table.period.start, table.period.end)}` : '';
}

function timeText(value: ResultValue | undefined, grain: string | undefined): string {
  const iso = String(value ?? '');
  const day = iso.slice(0, 10);
  if (grain === 'month') return periodLabel(day, lastOfMonth(day)).replace(/^(\w{3})\w*/, '$1');
  if (grain === 'year') return day.slice(0, 4);
  if (grain === 'quarter') return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  return datesInWords(day, day);
}

function lastOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, m ?? 1, 0)).toISOString().slice(0, 10);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function totalSentence(t: TableArtifact, metric: ArtifactColumn, words: TableWords, first: boolean): string {
  const row = t.rows[0] ?? {};
  const label = metricLabel(words.model, metric.member);
  const value = num(row[metric.name]);
  if (value === null) return `No ${label.toLowerCase()} was recorded${periodClause(t)} for these filters.`;
  const figure = words.figures.add(value, metric.format, `${label}${periodClause(t)}`, t.id);
  let sentence = `${first ? label : capitalize(label.toLowerCase())} was ${figure}${first ? periodClause(t) : ''}`;
  const previous = num(row[`${metric.name}_previous`]);
  const pct = num(row[`${metric.name}_change_pct`]);
  if (previous !== null && words.comparison) {
    const before = words.figures.add(previous, metric.format, `${label}, ${words.comparison}`, t.id);
    if (isSensibleChange(pct) && pct !== 0) {
      const change = words.figures.add(Math.abs(pct), 'percent', `${label} change`, t.id);
      sentence += `, ${pct > 0 ? 'up' : 'down'} ${change} on ${words.comparison} (${before})`;
    } else sentence += `, against ${before} in ${words.comparison}`;
  }
  return `${sentence}.`;
}

function trendSentence(
  t: TableArtifact,
  time: ArtifactColumn,
  metric: ArtifactColumn,
  words: TableWords,
): string {
  const label = metricLabel(words.model, metric.member);
  const points = t.rows
    .map((row) => ({ at: row[time.name], value: num(row[metric.name]) }))
    .filter((p): p is { at: ResultValue; value: number } => p.value !== null);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `No ${label.toLowerCase()} was recorded${periodClause(t)} for these filters.`;
  const grain = time.grain ?? (t.query as { time?: { grain?: string } }).time?.grain;
  const at = (p: { at: ResultValue }) => timeText(p.at, grain);
  const fig = (p: { at: ResultValue; value: number }) =>
    words.figures.add(p.value, metric.format, `${label}, ${at(p)}`, t.id);
  if (points.length === 1) return `${label} was ${fig(first)} in ${at(first)}.`;
  const peak = points.reduce((best, p) => (p.value > best.value ? p : best), first);
  let sentence = `${label} went from ${fig(first)} in ${at(first)} to ${fig(last)} in ${at(last)}`;
  if (peak !== first && peak !== last) sentence += `, peaking at ${fig(peak)} in ${at(peak)}`;
  return `${sentence}.`;
}

interface Ranking {
  t: TableArtifact;
  metric: ArtifactColumn;
  share: ArtifactColumn | undefined;
  label: string;
  what: string;
  name: (row: Record<string, ResultValue>) => string;
  words: TableWords;
}

/** The values of the one ranked dimension that stand for "none" (its placeholder_values). */
function placeholdersOf(model: SemanticLayerModel, dims: ArtifactColumn[]): Set<string> {
  const only = dims.length === 1 ? dims[0] : undefined;
  const values = only ? (findDimension(model, only.member)?.dimension.placeholder_values ?? []) : [];
  return new Set(values.map(String));
}

function rankSentence(
  t: TableArtifact,
  dims: ArtifactColumn[],
  metric: ArtifactColumn,
  words: TableWords,
): string {
  const label = metricLabel(words.model, metric.member);
  const name = (row: Record<string, ResultValue>) =>
    dims.map((d) => String(row[d.name] ?? '(none)')).join(', ');
  const ordered = ((t.query as { order?: unknown[] }).order ?? []).length > 0;
  const rows = t.rows.filter((row) => num(row[metric.name]) !== null);
  if (!ordered) rows.sort((a, b) => (num(b[metric.name]) ?? 0) - (num(a[metric.name]) ?? 0));
  if (rows.length === 0) return `No ${label.toLowerCase()} was recorded${periodClause(t)} for these filters.`;
  const share = t.columns.find((c) => c.role === 'share' && c.member === metric.member);
  const fig = (row: Record<string, ResultValue>) => {
    const value = words.figures.add(
      num(row[metric.name]) ?? 0,
      metric.format,
      `${label}, ${name(row)}`,
      t.id,
    );
    const part = share ? num(row[share.name]) : null;
    return part === null
      ? value
      : `${value}, ${words.figures.add(part, 'percent', `Share of ${label.toLowerCase()}, ${name(row)}`, t.id)} of the total`;
  };
  const ranking: Ranking = { t, metric, share, label, what: label.toLowerCase(), name, words };
  const focus = words.focus;
  const asked =
    focus && share && dims.length === 1 && dims[0]?.member === focus.dimension
      ? rows.filter((row) => focus.values.includes(String(row[dims[0]?.name ?? ''])))
      : [];
  if (asked.length > 0) return focusedShareSentence(ranking, rows, asked);
  // A member standing for "none" ("(no salesperson)") does not lead: it is named after the
  // ranking, so the breakdown's figures are all still said.
  const placeholders = placeholdersOf(words.model, dims);
  const none = rows.filter((row) => placeholders.has(name(row)));
  const members = rows.filter((row) => !placeholders.has(name(row)));
  if (members.length === 0 && none.length > 0) {
    const dimension = dimensionLabel(words.model, dims[0]?.member ?? '').toLowerCase();
    return `No ${dimension} had any ${ranking.what}${periodClause(t)}; ${none.map((row) => `${name(row)} accounted for ${fig(row)}`).join(' and ')}.`;
  }
  const [lead, ...rest] = members;
  if (!lead) return `No ${label.toLowerCase()} was recorded${periodClause(t)} for these filters.`;
  const lowest = (t.query as { order?: { direction?: string }[] }).order?.[0]?.direction === 'asc';
  const what = ranking.what;
  let sentence = `${name(lead)} ${lowest ? `had the lowest ${what}` : `led ${what}`} with ${fig(lead)}${periodClause(t)}`;
  const followers = rest.slice(0, 2).map((row) => `${name(row)} (${fig(row)})`);
  if (followers.length > 0) sentence += `, followed by ${followers.join(' and ')}`;
  const pct = num(lead[`${metric.name}_change_pct`]);
  if (isSensibleChange(pct) && words.comparison)
    sentence += `; ${name(lead)} was ${pct >= 0 ? 'up' : 'down'} ${words.figures.add(Math.abs(pct), 'percent', `${label} change, ${name(lead)}`, t.id)} on ${words.comparison}`;
  if (members.length > 0 && none.length > 0)
    sentence += `; ${none.map((row) => `${name(row)} accounted for ${fig(row)}`).join(' and ')}`;
  return `${sentence}.`;
}

/** "What share came from online?": online's share first, then who led if that was another. */
function focusedShareSentence(
  r: Ranking,
  rows: Record<string, ResultValue>[],
  asked: Record<string, ResultValue>[],
): string {
  const { t, metric, share, label, what, name, words } = r;
  const partOf = (row: Record<string, ResultValue>) => ({
    part: words.figures.add(
      num(share ? row[share.name] : null) ?? 0,
      'percent',
      `Share of ${what}, ${name(row)}`,
      t.id,
    ),
    value: words.figures.add(num(row[metric.name]) ?? 0, metric.format, `${label}, ${name(row)}`, t.id),
  });
  const parts = asked.map((row) => {
    const { part, value } = partOf(row);
    return `${name(row)} made up ${part} of ${what} (${value})`;
  });
  let sentence = `${parts.join(' and ')}${periodClause(t)}`;
  const lead = rows[0];
  if (lead && !asked.includes(lead)) {
    const { part, value } = partOf(lead);
    sentence += `; ${name(lead)} led with ${part} (${value})`;
  }
  return `${sentence}.`;
}

/**
 * No rows: "No revenue was recorded in October 2026 for any promotion." The filters are mentioned
 * only when the question set some (a ranking's own leaving out of placeholders does not count).
 */
function nothingRecorded(
  t: TableArtifact,
  dims: ArtifactColumn[],
  metric: ArtifactColumn,
  words: TableWords,
): string {
  const what = metricLabel(words.model, metric.member).toLowerCase();
  const placeholders = placeholdersOf(words.model, dims);
  const filters = ((t.query as { filters?: { operator: string; values: unknown[] }[] }).filters ?? []).filter(
    (f) => !(f.operator === 'not_in' && f.values.every((v) => placeholders.has(String(v)))),
  );
  const asked = filters.length > 0 ? ' matching these filters' : '';
  if (dims.length !== 1) return `No ${what} was recorded${periodClause(t)}${asked || ' for these filters'}.`;
  const dimension = dimensionLabel(words.model, dims[0]?.member ?? '').toLowerCase();
  return `No ${what} was recorded${periodClause(t)} for any ${dimension}${asked}.`;
}

export function describeTable(t: TableArtifact, words: TableWords): string {
  const metrics = t.columns.filter((c) => c.role === 'metric');
  const dims = t.columns.filter((c) => c.role === 'dimension');
  const time = t.columns.find((c) => c.role === 'time');
  const metric = metrics[0];
  if (!metric) return 'The query returned no figures.';
  if (t.rows.length === 0) return nothingRecorded(t, dims, metric, words);
  if (time && dims.length > 0) {
    const by = dims.map((d) => dimensionLabel(words.model, d.member).toLowerCase()).join(' and ');
    return `The table and chart show ${metricLabel(words.model, metric.member).toLowerCase()} by ${time.grain ?? 'period'} and ${by}${periodClause(t)}.`;
  }
  if (time) return trendSentence(t, time, metric, words);
  // A stored value in lower case ("online") still starts the sentence with a capital; a mixed-case
  // name ("iPhone") is left as written.
  if (dims.length > 0) return rankSentence(t, dims, metric, words).replace(/^[a-z]+\b/, capitalize);
  return metrics
    .slice(0, 2)
    .map((m, i) => totalSentence(t, m, words, i === 0))
    .join(' ');
}
