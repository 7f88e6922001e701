import { MONTH_NAMES } from '../core/calendar-names.ts';
import type { CellValue, TimeGrain } from './chart-result.ts';

/**
 * Dates as dates: time cells become UTC milliseconds (a plain date string is a calendar day,
 * never shifted by the machine's zone), the grain is inferred when the column does not say,
 * and the axis prints months as "Jan 2025", quarters as "Q1 2025".
 */
export function toTime(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

const DAY = 86_400_000;

export function inferGrain(times: number[]): TimeGrain {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  if (!Number.isFinite(step) || step >= 360 * DAY) {
    const allJan1 = sorted.every((t) => new Date(t).getUTCMonth() === 0 && new Date(t).getUTCDate() === 1);
    return allJan1 || sorted.length > 1 ? 'year' : 'day';
  }
  if (step >= 89 * DAY) return 'quarter';
  if (step >= 28 * DAY) return 'month';
  if (step >= 7 * DAY) return 'week';
  return 'day';
}

/** Vega-Lite axis settings for a temporal x of this grain with `count` distinct periods. */
export function timeAxis(grain: TimeGrain, count: number): Record<string, unknown> {
  switch (grain) {
    case 'year':
      return { format: '%Y', tickCount: { interval: 'year', step: Math.max(1, Math.ceil(count / 10)) } };
    case 'quarter':
      return {
        labelExpr: "'Q' + utcquarter(datum.value) + ' ' + utcyear(datum.value)",
        tickCount: { interval: 'month', step: 3 * Math.max(1, Math.ceil(count / 8)) },
      };
    case 'month':
      // At most 8 labels fit 640 px; Vega's headless width estimate is generous, so no overlap pruning.
      return {
        format: '%b %Y',
        tickCount: { interval: 'month', step: Math.max(1, Math.ceil(count / 8)) },
        labelOverlap: false,
      };
    default:
      return { format: '%-d %b %Y', labelOverlap: true };
  }
}

/** The same label in JavaScript, for bars over time (periods as categories). */
export function periodLabel(ms: number, grain: TimeGrain): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = MONTH_NAMES[d.getUTCMonth()]?.slice(0, 3) ?? '';
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${year}`;
  if (grain === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}

export function timeTooltipFormat(grain: TimeGrain): string {
  if (grain === 'year') return '%Y';
  if (grain === 'month' || grain === 'quarter') return '%b %Y';
  return '%-d %b %Y';
}
