import type { ChartSpec } from './spec-base.ts';

export const CHART_KINDS = ['line', 'bar', 'grouped-bar', 'stacked-bar', 'tile'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The chart picked for a result, or none, always with the reason in words a person reads. */
export interface ChartChoice {
  kind: ChartKind | 'none';
  spec: ChartSpec | null;
  /** Why this chart (or why none). */
  reason: string;
  /** Set when a requested kind could not be honoured: why not. */
  refused?: string;
  /** What was left out of the chart (other metrics, rows without dates...). */
  notes: string[];
}

export function noChart(reason: string, requested?: ChartKind, notes: string[] = []): ChartChoice {
  return {
    kind: 'none',
    spec: null,
    reason,
    ...(requested ? { refused: `No ${requested} chart: ${reason}` } : {}),
    notes,
  };
}

/** Words people use for a kind ("as a line", "stacked", "column chart") to the kind. */
export function parseKind(requested: string | undefined): { kind?: ChartKind; unknown?: string } {
  if (requested === undefined || requested.trim() === '') return {};
  const word = requested.trim().toLowerCase();
  if (/stack/.test(word)) return { kind: 'stacked-bar' };
  if (/group|side/.test(word)) return { kind: 'grouped-bar' };
  if (/line|trend|time ?series/.test(word)) return { kind: 'line' };
  if (/bar|column/.test(word)) return { kind: 'bar' };
  if (/tile|number|kpi|figure/.test(word)) return { kind: 'tile' };
  return { unknown: requested.slice(0, 40) };
}
