/** Totals: one metric over one period, in the many ways people ask for it. */

import type { EvalCase } from '../eval-case.ts';
import { P } from '../eval-pins.ts';
import { answer, figs, golden, pct } from './case-builders.ts';
import { M, RETURNS_SOURCE, SALES_SOURCE, totals } from './source-sql.ts';

const sales = (period: (typeof P)[keyof typeof P], expr: string, filter?: string) =>
  answer(totals(SALES_SOURCE, period, { value: expr }, filter), { figures: figs('value') });
const salesPct = (period: (typeof P)[keyof typeof P], expr: string) =>
  answer(totals(SALES_SOURCE, period, { value: expr }), { figures: [pct('value')] });
const returned = (period: (typeof P)[keyof typeof P], expr: string) =>
  answer(totals(RETURNS_SOURCE, period, { value: expr }), { figures: figs('value') });

export const totalCases: EvalCase[] = [
  golden(
    'total-revenue-last-month',
    'total',
    'What was our revenue last month?',
    sales(P.lastMonth, M.revenue),
  ),
  golden('total-rev-abbrev', 'total', 'rev last month', sales(P.lastMonth, M.revenue)),
  golden(
    'total-revenue-yesterday',
    'total',
    'How much revenue did we make yesterday?',
    sales(P.yesterday, M.revenue),
  ),
  golden('total-revenue-typo-ytd', 'total', 'total revnue year to date', sales(P.ytd, M.revenue)),
  golden(
    'total-pairs-last-quarter',
    'total',
    'How many pairs did we sell last quarter?',
    sales(P.lastQuarter, M.units),
  ),
  golden('total-orders-last-week', 'total', 'number of orders last week', sales(P.lastWeek, M.orders)),
  golden(
    'total-aov-90-days',
    'total',
    "What's our average order value over the last 90 days?",
    sales(P.last90Days, M.aov),
  ),
  golden(
    'total-margin-pct-last-year',
    'total',
    'gross margin % last year',
    salesPct(P.lastYear, M.marginPct),
  ),
  golden('total-margin-q3', 'total', 'What was the gross margn in Q3?', sales(P.q3_2025, M.margin)),
  golden('total-cogs-march', 'total', 'cost of goods sold in March', sales(P.march2026, M.cogs)),
  golden(
    'total-discounts-last-year',
    'total',
    'How much did we give away in discounts last year?',
    sales(P.lastYear, M.discounts),
  ),
  golden(
    'total-discount-rate',
    'total',
    'discount rate last quarter',
    salesPct(P.lastQuarter, M.discountRate),
  ),
  golden(
    'total-customers-last-month',
    'total',
    'How many custmers bought from us last month?',
    sales(P.lastMonth, M.customers),
  ),
  golden('total-asp-last-year', 'total', 'ASP last year', sales(P.lastYear, M.asp)),
  golden('total-turnover-2024', 'total', 'What was turnover in 2024?', sales(P.year2024, M.revenue)),
  golden(
    'total-units-returned',
    'total',
    'how many pairs were returned last month?',
    returned(P.lastMonth, M.unitsReturned),
  ),
  golden(
    'total-refunds-last-quarter',
    'total',
    'money refunded last quarter',
    returned(P.lastQuarter, M.refunds),
  ),
  golden('total-takings-7-days', 'total', 'takings in the last 7 days', sales(P.last7Days, M.revenue)),
  golden('total-gross-sales-mtd', 'total', 'gross sales month to date', sales(P.thisMonth, M.gross)),
  golden(
    'total-orders-h1',
    'total',
    'How many orders did we take in the first half of 2025?',
    sales(P.h1_2025, M.orders),
  ),
];
