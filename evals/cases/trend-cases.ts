/** Trends: a metric by day, week, month or quarter; the answer's table holds every period's value. */

import type { EvalCase } from '../eval-case.ts';
import { P, type Period } from '../eval-pins.ts';
import { answer, figs, golden, pct } from './case-builders.ts';
import { M, RETURNS_SOURCE, SALES_SOURCE, type Source, series } from './source-sql.ts';

type Grain = 'day' | 'week' | 'month' | 'quarter';
const trend = (
  period: Period,
  expr: string,
  grain: Grain = 'month',
  filter?: string,
  src: Source = SALES_SOURCE,
) =>
  answer(series(src, period, expr, { grain, filter }), {
    figures: figs('first_value', 'last_value', 'peak_value'),
    chart: true,
  });

export const trendCases: EvalCase[] = [
  golden(
    'trend-revenue-12-months',
    'trend',
    'Monthly revenue trend over the last 12 months',
    trend(P.last12Months, M.revenue),
  ),
  golden('trend-revenue-by-month-ytd', 'trend', 'revenue by month this year', trend(P.ytd, M.revenue)),
  golden(
    'trend-pairs-weekly',
    'trend',
    'weekly pairs sold over the last 12 weeks',
    trend(P.last12Weeks, M.units, 'week'),
  ),
  golden('trend-orders-2025', 'trend', 'orders per month in 2025', trend(P.lastYear, M.orders)),
  golden(
    'trend-margin-pct-6-months',
    'trend',
    'How has gross margin % moved month by month over the last 6 months?',
    {
      ...answer(series(SALES_SOURCE, P.last6Months, M.marginPct)),
      figures: [pct('first_value'), pct('last_value'), pct('peak_value')],
      chart: true,
    },
  ),
  golden(
    'trend-revenue-quarterly',
    'trend',
    'quarterly revenue last year',
    trend(P.lastYear, M.revenue, 'quarter'),
  ),
  golden(
    'trend-online-monthly',
    'trend',
    'online shop revenue by month over the last 12 months',
    trend(P.last12Months, M.revenue, 'month', "c.channel_name = 'Online shop'"),
  ),
  golden(
    'trend-returns-monthly',
    'trend',
    'monthly pairs returned over the last 12 months',
    trend(P.last12Months, M.unitsReturned, 'month', undefined, RETURNS_SOURCE),
  ),
  golden(
    'trend-customers-monthly',
    'trend',
    'customers served per month this year',
    trend(P.ytd, M.customers),
  ),
  golden('trend-daily-last-week', 'trend', 'daily revenue last week', trend(P.lastWeek, M.revenue, 'day')),
  golden(
    'trend-sandals-ytd',
    'trend',
    'sandal revenue by month this year',
    trend(P.ytd, M.revenue, 'month', "p.category = 'sandals'"),
  ),
  golden(
    'trend-aov-monthly',
    'trend',
    'average order value by month over the last 6 months',
    trend(P.last6Months, M.aov),
  ),
];
