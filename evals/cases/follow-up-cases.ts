/** Follow-ups in one thread: the second (and third) turn changes the thread's last question. */

import type { EvalCase } from '../eval-case.ts';
import { P } from '../eval-pins.ts';
import { answer, figs, thread } from './case-builders.ts';
import { L, LEDGER_SOURCE, M, SALES_SOURCE, series, top, totals, versus } from './source-sql.ts';

type Period = (typeof P)[keyof typeof P];
const sales = (period: Period, expr: string, filter?: string) =>
  answer(totals(SALES_SOURCE, period, { value: expr }, filter), { figures: figs('value') });
const best = (period: Period, dimension: string, expr: string, filter?: string) =>
  answer(top(SALES_SOURCE, period, dimension, expr, { filter }), { top: 'item', figures: figs('value') });

export const followUpCases: EvalCase[] = [
  thread('follow-by-store', 'follow_up', [
    ['revenue last month', sales(P.lastMonth, M.revenue)],
    ['and by store?', best(P.lastMonth, 's.store_name', M.revenue)],
  ]),
  thread('follow-what-about-sandals', 'follow_up', [
    ['boot revenue last quarter', sales(P.lastQuarter, M.revenue, "p.category = 'boots'")],
    ['what about sandals?', sales(P.lastQuarter, M.revenue, "p.category = 'sandals'")],
  ]),
  thread('follow-and-the-west', 'follow_up', [
    ['pairs sold in the northeast last month', sales(P.lastMonth, M.units, "r.region_name = 'Northeast'")],
    ['and the west?', sales(P.lastMonth, M.units, "r.region_name = 'West'")],
  ]),
  thread('follow-same-last-year', 'follow_up', [
    ['revenue last quarter', sales(P.lastQuarter, M.revenue)],
    ['same for last year', sales(P.q1_2025, M.revenue)],
  ]),
  thread('follow-top-stores-last-year', 'follow_up', [
    ['top 5 stores by revenue this year', best(P.ytd, 's.store_name', M.revenue)],
    ['what about last year?', best(P.lastYear, 's.store_name', M.revenue)],
  ]),
  thread('follow-orders-by-region', 'follow_up', [
    ['orders last month', sales(P.lastMonth, M.orders)],
    ['and by region?', best(P.lastMonth, 'r.region_name', M.orders)],
  ]),
  thread('follow-margin-by-line', 'follow_up', [
    ['gross margin last year', sales(P.lastYear, M.margin)],
    ['by product line', best(P.lastYear, 'p.line', M.margin)],
  ]),
  thread('follow-store-swap', 'follow_up', [
    [
      'revenue in cordova soho last quarter',
      sales(P.lastQuarter, M.revenue, "s.store_name = 'Cordova SoHo'"),
    ],
    ['and cordova buckhead?', sales(P.lastQuarter, M.revenue, "s.store_name = 'Cordova Buckhead'")],
  ]),
  thread('follow-chart-then-filter', 'follow_up', [
    [
      'monthly revenue over the last 12 months',
      answer(series(SALES_SOURCE, P.last12Months, M.revenue), { figures: figs('last_value', 'peak_value') }),
    ],
    [
      'as a bar chart',
      answer(series(SALES_SOURCE, P.last12Months, M.revenue), { figures: figs('last_value'), chart: 'bar' }),
    ],
    [
      'only the online shop',
      answer(series(SALES_SOURCE, P.last12Months, M.revenue, { filter: "c.channel_name = 'Online shop'" }), {
        figures: figs('first_value', 'last_value'),
      }),
    ],
  ]),
  thread('follow-period-swap', 'follow_up', [
    ['sneaker revenue last month', sales(P.lastMonth, M.revenue, "p.category = 'sneakers'")],
    ['and in March?', sales(P.march2026, M.revenue, "p.category = 'sneakers'")],
  ]),
  thread('follow-compare-last-year', 'follow_up', [
    ['revenue year to date', sales(P.ytd, M.revenue)],
    [
      'compared with last year?',
      answer(versus(SALES_SOURCE, P.ytd, P.ytdLastYear, M.revenue), {
        figures: figs('current', 'previous'),
        change: 'change',
      }),
    ],
  ]),
  thread('follow-opex-by-account', 'follow_up', [
    [
      'operating expenses last month',
      answer(totals(LEDGER_SOURCE, P.lastMonth, { value: L.opex }), { figures: figs('value') }),
    ],
    [
      'and by account?',
      answer(top(LEDGER_SOURCE, P.lastMonth, 'a.account_name', L.net, { filter: L.opexOnly }), {
        top: 'item',
        figures: figs('value'),
      }),
    ],
  ]),
];
