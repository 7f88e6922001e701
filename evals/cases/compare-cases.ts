/** Comparisons: against last year, the previous period, or another named period; the sign matters. */

import type { EvalCase } from '../eval-case.ts';
import { P, type Period } from '../eval-pins.ts';
import { answer, figs, golden } from './case-builders.ts';
import { M, RETURNS_SOURCE, SALES_SOURCE, type Source, versus } from './source-sql.ts';

const vs = (current: Period, previous: Period, expr: string, filter?: string, src: Source = SALES_SOURCE) =>
  answer(versus(src, current, previous, expr, filter), {
    figures: figs('current', 'previous'),
    change: 'change',
  });

export const compareCases: EvalCase[] = [
  golden(
    'compare-revenue-month-yoy',
    'compare',
    'revenue last month vs the same month last year',
    vs(P.lastMonth, P.may2025, M.revenue),
  ),
  golden(
    'compare-quarter-qoq',
    'compare',
    'How did revenue this quarter compare with last quarter?',
    vs(P.thisQuarter, P.lastQuarter, M.revenue),
  ),
  golden(
    'compare-ytd-yoy',
    'compare',
    'revenue year to date compared with last year',
    vs(P.ytd, P.ytdLastYear, M.revenue),
  ),
  golden(
    'compare-pairs-month-mom',
    'compare',
    'pairs sold last month versus the month before',
    vs(P.lastMonth, P.april2026, M.units),
  ),
  golden(
    'compare-orders-q3-yoy',
    'compare',
    'orders in Q3 2025 vs Q3 2024',
    vs(P.q3_2025, P.q3_2024, M.orders),
  ),
  golden('compare-2025-vs-2024', 'compare', 'Revenue 2025 vs 2024', vs(P.lastYear, P.year2024, M.revenue)),
  golden(
    'compare-margin-last-quarter-yoy',
    'compare',
    'gross profit last quarter compared to the same quarter a year ago',
    vs(P.lastQuarter, P.q1_2025, M.margin),
  ),
  golden(
    'compare-online-yoy',
    'compare',
    'Is online revenue last month up on the same month last year?',
    vs(P.lastMonth, P.may2025, M.revenue, "c.channel_name = 'Online shop'"),
  ),
  golden(
    'compare-wholesale-qoq',
    'compare',
    'wholesle revenue last quarter vs the previous quarter',
    vs(P.lastQuarter, P.q4_2025, M.revenue, "c.channel_name = 'Wholesale'"),
  ),
  golden(
    'compare-returns-yoy',
    'compare',
    'returned pairs last quarter vs the same period last year',
    vs(P.lastQuarter, P.q1_2025, M.unitsReturned, undefined, RETURNS_SOURCE),
  ),
  golden(
    'compare-customers-mom',
    'compare',
    'customers last month compared with the previous month',
    vs(P.lastMonth, P.april2026, M.customers),
  ),
  golden(
    'compare-boots-november-yoy',
    'compare',
    'boot revenue in November vs November the year before',
    vs(P.november2025, P.november2024, M.revenue, "p.category = 'boots'"),
  ),
  golden(
    'compare-discounts-yoy',
    'compare',
    'discounts this year so far vs the same period last year',
    vs(P.ytd, P.ytdLastYear, M.discounts),
  ),
  golden(
    'compare-terra-h1',
    'compare',
    'terra revenue first half 2026 vs first half 2025',
    vs(P.ytd, P.h1_2025, M.revenue, "p.line = 'Terra'"),
  ),
];
