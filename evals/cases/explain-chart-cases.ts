/** "Why did ... change" (the top contributor and the sign) and answers that ask for a chart. */

import type { EvalCase } from '../eval-case.ts';
import { P, type Period } from '../eval-pins.ts';
import { answer, figs, golden } from './case-builders.ts';
import {
  contributor,
  L,
  LEDGER_SOURCE,
  M,
  RETURNS_SOURCE,
  SALES_SOURCE,
  type Source,
  series,
  top,
} from './source-sql.ts';

const why = (
  current: Period,
  previous: Period,
  dimension: string,
  expr: string,
  filter?: string,
  src: Source = SALES_SOURCE,
) =>
  answer(contributor(src, current, previous, dimension, expr, filter), {
    change: 'change',
    mentions: 'item',
  });

export const explainCases: EvalCase[] = [
  golden(
    'explain-revenue-by-region',
    'explain',
    'why did revenue change last month compared with April, by region?',
    why(P.lastMonth, P.april2026, 'r.region_name', M.revenue),
  ),
  golden(
    'explain-mountain-boots',
    'explain',
    'Why did boot sales in the Mountain region drop in November vs October? by store',
    why(
      P.november2025,
      P.october2025,
      's.store_name',
      M.revenue,
      "r.region_name = 'Mountain' AND p.category = 'boots'",
    ),
  ),
  golden(
    'explain-margin-by-line',
    'explain',
    'what drove the change in gross margin last quarter vs a year earlier, by product line?',
    why(P.lastQuarter, P.q1_2025, 'p.line', M.margin),
  ),
  golden(
    'explain-online-by-category',
    'explain',
    'explain the change in online revenue last month vs the same month last year by category',
    why(P.lastMonth, P.may2025, 'p.category', M.revenue, "c.channel_name = 'Online shop'"),
  ),
  golden(
    'explain-returns-by-reason',
    'explain',
    "what's behind the change in returned pairs in 2025 vs 2024 by reason?",
    why(P.lastYear, P.year2024, 't.reason', M.unitsReturned, undefined, RETURNS_SOURCE),
  ),
  golden(
    'explain-ytd-by-channel',
    'explain',
    'why did revenue change this year vs last year, by channel?',
    why(P.ytd, P.ytdLastYear, 'c.channel_name', M.revenue),
  ),
];

const chart = (sql: string, kind: boolean | string, more: { top?: string; figures?: string[] } = {}) =>
  answer(sql, {
    chart: kind,
    figures: figs(...(more.figures ?? [])),
    ...(more.top ? { top: more.top } : {}),
  });

export const chartCases: EvalCase[] = [
  golden(
    'chart-revenue-line',
    'chart',
    'revenue by month this year as a line',
    chart(series(SALES_SOURCE, P.ytd, M.revenue), 'line', { figures: ['last_value'] }),
  ),
  golden(
    'chart-region-bar',
    'chart',
    'show me revenue by region last quarter as a bar chart',
    chart(top(SALES_SOURCE, P.lastQuarter, 'r.region_name', M.revenue), 'bar', {
      top: 'item',
      figures: ['value'],
    }),
  ),
  golden(
    'chart-category-pairs',
    'chart',
    'chart pairs sold by category last month',
    chart(top(SALES_SOURCE, P.lastMonth, 'p.category', M.units), true, { top: 'item', figures: ['value'] }),
  ),
  golden(
    'chart-weekly-orders',
    'chart',
    'plot weekly orders over the last 12 weeks',
    chart(series(SALES_SOURCE, P.last12Weeks, M.orders, { grain: 'week' }), true, {
      figures: ['first_value', 'last_value'],
    }),
  ),
  golden(
    'chart-margin-graph',
    'chart',
    'graph of gross margin by month last year',
    chart(series(SALES_SOURCE, P.lastYear, M.margin), true, { figures: ['peak_value'] }),
  ),
  golden(
    'chart-channel-stacked',
    'chart',
    'stacked bar of revenue by channel by month this year',
    answer(top(SALES_SOURCE, P.ytd, 'c.channel_name', M.revenue), { chart: 'stacked-bar', mentions: 'item' }),
  ),
  golden(
    'chart-cash-line',
    'chart',
    'line chart of cash at the end of each month over the last 12 months',
    chart(
      `SELECT SUM(CASE WHEN jl.account_code IN ('1010', '1050') AND je.entry_date <= DATE '${P.last12Months[1]}' THEN jl.debit_minor - jl.credit_minor END) / 100.0 AS last_value FROM ${LEDGER_SOURCE.from}`,
      'line',
      { figures: ['last_value'] },
    ),
  ),
  golden(
    'chart-opex-visualise',
    'chart',
    'visualise operating expenses by month over the last 6 months',
    chart(series(LEDGER_SOURCE, P.last6Months, L.opex), true, { figures: ['last_value'] }),
  ),
];
