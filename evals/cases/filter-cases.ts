/** Filters by a stored value: regions, stores (in lower case), categories, channels, lines, typos. */

import type { EvalCase } from '../eval-case.ts';
import { P } from '../eval-pins.ts';
import { answer, figs, golden } from './case-builders.ts';
import { M, RETURNS_SOURCE, SALES_SOURCE, totals } from './source-sql.ts';

type Period = (typeof P)[keyof typeof P];
const sales = (period: Period, expr: string, filter: string) =>
  answer(totals(SALES_SOURCE, period, { value: expr }, filter), { figures: figs('value') });

export const filterCases: EvalCase[] = [
  golden(
    'filter-northeast',
    'filter',
    'revenue in the northeast last month',
    sales(P.lastMonth, M.revenue, "r.region_name = 'Northeast'"),
  ),
  golden(
    'filter-store-lower',
    'filter',
    'How much did cordova soho sell last quarter?',
    sales(P.lastQuarter, M.revenue, "s.store_name = 'Cordova SoHo'"),
  ),
  golden(
    'filter-sandals-typo',
    'filter',
    'sandels revenue last month',
    sales(P.lastMonth, M.revenue, "p.category = 'sandals'"),
  ),
  golden(
    'filter-sneakers-online',
    'filter',
    'pairs of sneakers sold through the online shop this year',
    sales(P.ytd, M.units, "p.category = 'sneakers' AND c.channel_name = 'Online shop'"),
  ),
  golden(
    'filter-suede-west',
    'filter',
    'suede revenue in the West last quarter',
    sales(P.lastQuarter, M.revenue, "p.leather = 'suede' AND r.region_name = 'West'"),
  ),
  golden(
    'filter-wholesale-orders',
    'filter',
    'wholesale orders last quarter',
    sales(P.lastQuarter, M.orders, "c.channel_name = 'Wholesale'"),
  ),
  golden(
    'filter-larimer-november',
    'filter',
    'revenue at cordova larimer square in november',
    sales(P.november2025, M.revenue, "s.store_name = 'Cordova Larimer Square'"),
  ),
  golden(
    'filter-segovia-line',
    'filter',
    'what were sales of the Segovia line last year?',
    sales(P.lastYear, M.revenue, "p.line = 'Segovia'"),
  ),
  golden(
    'filter-loyalty',
    'filter',
    'revenue from loyalty customers last quarter',
    sales(P.lastQuarter, M.revenue, "cu.segment = 'loyalty'"),
  ),
  golden(
    'filter-supplier',
    'filter',
    'gross margin on Leon Leather Works products last year',
    sales(P.lastYear, M.margin, "su.supplier_name = 'Leon Leather Works'"),
  ),
  golden(
    'filter-women',
    'filter',
    "revenue from women's shoes last month",
    sales(P.lastMonth, M.revenue, "p.gender = 'women'"),
  ),
  golden(
    'filter-midwest-boots',
    'filter',
    'midwest boots pairs sold year to date',
    sales(P.ytd, M.units, "r.region_name = 'Midwest' AND p.category = 'boots'"),
  ),
  golden(
    'filter-michigan-avenue',
    'filter',
    'Cordova Michigan Avenue revenue last month',
    sales(P.lastMonth, M.revenue, "s.store_name = 'Cordova Michigan Avenue'"),
  ),
  golden(
    'filter-black-friday',
    'filter',
    'black friday weekend revenue last year',
    sales(P.lastYear, M.revenue, "l.discount_amount > 0 AND pr.promotion_name = 'Black Friday Weekend'"),
  ),
  golden(
    'filter-size-38',
    'filter',
    'pairs sold in size 38 last quarter',
    sales(P.lastQuarter, M.units, "l.size = '38'"),
  ),
  golden(
    'filter-too-small',
    'filter',
    'how many pairs came back as too small in 2025?',
    answer(totals(RETURNS_SOURCE, P.lastYear, { value: M.unitsReturned }, "t.reason = 'too small'"), {
      figures: figs('value'),
    }),
  ),
  golden(
    'filter-northeast-typo',
    'filter',
    'Northeest revenue last quarter',
    sales(P.lastQuarter, M.revenue, "r.region_name = 'Northeast'"),
  ),
];
