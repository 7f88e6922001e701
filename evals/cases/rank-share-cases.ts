/** Rankings (top and bottom N) and shares of a total: the first item is named by the SQL too. */

import type { EvalCase } from '../eval-case.ts';
import { P } from '../eval-pins.ts';
import { answer, figs, golden, pct } from './case-builders.ts';
import { M, RETURNS_SOURCE, SALES_SOURCE, share, top, topShare } from './source-sql.ts';

type Period = (typeof P)[keyof typeof P];
const best = (
  period: Period,
  dimension: string,
  expr: string,
  options: { filter?: string; ascending?: boolean } = {},
) => answer(top(SALES_SOURCE, period, dimension, expr, options), { top: 'item', figures: figs('value') });

export const rankCases: EvalCase[] = [
  golden(
    'rank-top-stores-ytd',
    'rank',
    'Top 10 stores by revenue this year',
    best(P.ytd, 's.store_name', M.revenue),
  ),
  golden(
    'rank-top-5-stores-last-year',
    'rank',
    'top 5 shops by takings last year',
    best(P.lastYear, 's.store_name', M.revenue),
  ),
  golden(
    'rank-bottom-stores',
    'rank',
    'Which 3 stores had the lowest revenue last quarter?',
    best(P.lastQuarter, 's.store_name', M.revenue, { ascending: true }),
  ),
  golden(
    'rank-category-pairs',
    'rank',
    'Which category sells the most pairs?',
    best(P.last12Months, 'p.category', M.units),
  ),
  golden(
    'rank-best-line-revenue',
    'rank',
    'best selling product line by revenue last year',
    best(P.lastYear, 'p.line', M.revenue),
  ),
  golden(
    'rank-top-products',
    'rank',
    'top 5 products by revenue last month',
    best(P.lastMonth, 'p.product_name', M.revenue),
  ),
  golden(
    'rank-regions-last-quarter',
    'rank',
    'Revenue by region last quarter',
    best(P.lastQuarter, 'r.region_name', M.revenue),
  ),
  golden(
    'rank-salespeople',
    'rank',
    'Top salespeople by revenue last quarter',
    best(P.lastQuarter, 'sp.full_name', M.revenue, { filter: 'o.salesperson_id IS NOT NULL' }),
  ),
  golden(
    // No metric named: ranked by the headline metric (revenue); the placeholder member is left out.
    'rank-best-salesperson-no-metric',
    'rank',
    'best salesperson last month',
    best(P.lastMonth, 'sp.full_name', M.revenue, { filter: 'o.salesperson_id IS NOT NULL' }),
  ),
  golden(
    // "customers" also names a metric (customers served); "by revenue" makes it the ranked dimension.
    'rank-top-customers',
    'rank',
    'top 3 customers by revenue last year',
    best(P.lastYear, 'cu.customer_name', M.revenue, { filter: 'o.customer_id IS NOT NULL' }),
  ),
  golden(
    // "top" before a value and a noun that also names a metric: the customers are ranked.
    'rank-top-wholesale-customers',
    'rank',
    'who were our top wholesale customers last year?',
    best(P.lastYear, 'cu.customer_name', M.revenue, { filter: "cu.segment = 'wholesale'" }),
  ),
  golden(
    'rank-suppliers-margin',
    'rank',
    'which supplier brings in the most gross margin this year?',
    best(P.ytd, 'su.supplier_name', M.margin),
  ),
  golden(
    'rank-leather-revenue',
    'rank',
    'top leathers by revenue in the last 12 months',
    best(P.last12Months, 'p.leather', M.revenue),
  ),
  golden(
    'rank-colour-units',
    'rank',
    'most popular colour by pairs sold last year',
    best(P.lastYear, 'p.colour', M.units),
  ),
  golden(
    'rank-color-us-spelling',
    'rank',
    'What color sold the most pairs year to date?',
    best(P.ytd, 'p.colour', M.units),
  ),
  golden(
    'rank-return-reasons',
    'rank',
    'top return reasons by pairs returned last year',
    answer(top(RETURNS_SOURCE, P.lastYear, 't.reason', M.unitsReturned), {
      top: 'item',
      figures: figs('value'),
    }),
  ),
  golden(
    'rank-worst-margin-category',
    'rank',
    'which category has the lowest gross margin % last year?',
    answer(top(SALES_SOURCE, P.lastYear, 'p.category', M.marginPct, { ascending: true }), {
      top: 'item',
      figures: [pct('value')],
    }),
  ),
];

const shareOf = (period: Period, dimension: string, item: string, expr = 'l.net_amount') =>
  answer(share(SALES_SOURCE, period, dimension, item, expr), {
    figures: [pct('share'), { column: 'value' }],
  });

export const shareCases: EvalCase[] = [
  golden(
    'share-channel-ytd',
    'share',
    'share of revenue by channel this year',
    answer(topShare(SALES_SOURCE, P.ytd, 'c.channel_name', 'l.net_amount'), {
      top: 'item',
      figures: [pct('share')],
    }),
  ),
  golden(
    'share-online',
    'share',
    'What share of revenue came from the online shop last year?',
    shareOf(P.lastYear, 'c.channel_name', 'Online shop'),
  ),
  golden(
    'share-wholesale-pairs',
    'share',
    'what percentage of pairs went through wholesale last quarter?',
    shareOf(P.lastQuarter, 'c.channel_name', 'Wholesale', 'l.quantity'),
  ),
  golden(
    'share-leather',
    'share',
    'Share of revenue by leather this year',
    answer(topShare(SALES_SOURCE, P.ytd, 'p.leather', 'l.net_amount'), {
      top: 'item',
      figures: [pct('share')],
    }),
  ),
  golden(
    'share-boots',
    'share',
    'what % of revenue is boots, last 12 months?',
    shareOf(P.last12Months, 'p.category', 'boots'),
  ),
  golden(
    'share-region',
    'share',
    'each region’s share of sales last year',
    answer(topShare(SALES_SOURCE, P.lastYear, 'r.region_name', 'l.net_amount'), {
      top: 'item',
      figures: [pct('share')],
    }),
  ),
  golden(
    'share-terra',
    'share',
    'How much of our revenue does the Terra line make up this year?',
    shareOf(P.ytd, 'p.line', 'Terra'),
  ),
  golden(
    'share-return-reasons',
    'share',
    'share of returns by reason last year',
    answer(topShare(RETURNS_SOURCE, P.lastYear, 't.reason', 't.quantity'), {
      top: 'item',
      figures: [pct('share')],
    }),
  ),
];
