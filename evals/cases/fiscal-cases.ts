/** Fiscal periods: the demo's fiscal year starts on February 1. */

import type { EvalCase } from '../eval-case.ts';
import { P } from '../eval-pins.ts';
import { answer, figs, golden } from './case-builders.ts';
import { L, LEDGER_SOURCE, M, SALES_SOURCE, series, top, totals, versus } from './source-sql.ts';

type Period = (typeof P)[keyof typeof P];
const sales = (period: Period, expr: string) =>
  answer(totals(SALES_SOURCE, period, { value: expr }), { figures: figs('value') });
const ledger = (period: Period, expr: string) =>
  answer(totals(LEDGER_SOURCE, period, { value: expr }), { figures: figs('value') });

export const fiscalCases: EvalCase[] = [
  golden('fiscal-revenue-this-fy', 'fiscal', 'revenue this fiscal year', sales(P.thisFiscalYear, M.revenue)),
  golden(
    'fiscal-revenue-last-fy',
    'fiscal',
    'What was revenue last fiscal year?',
    sales(P.lastFiscalYear, M.revenue),
  ),
  golden('fiscal-margin-fytd', 'fiscal', 'fiscal year to date gross margin', sales(P.fiscalYtd, M.margin)),
  golden(
    'fiscal-by-quarter',
    'fiscal',
    'Revenue by fiscal quarter this fiscal year',
    answer(series(SALES_SOURCE, P.thisFiscalYear, M.revenue, { grain: 'fiscal_quarter' }), {
      figures: figs('first_value', 'last_value'),
    }),
  ),
  golden('fiscal-last-fq', 'fiscal', 'revenue last fiscal quarter', sales(P.lastFiscalQuarter, M.revenue)),
  golden(
    'fiscal-net-income-last-fy',
    'fiscal',
    'net income last fiscal year',
    ledger(P.lastFiscalYear, L.netIncome),
  ),
  golden(
    'fiscal-pairs-fy-vs-fy',
    'fiscal',
    'pairs sold last fiscal year vs the fiscal year before',
    answer(versus(SALES_SOURCE, P.lastFiscalYear, P.fiscalYearBefore, M.units), {
      figures: figs('current', 'previous'),
      change: 'change',
    }),
  ),
  golden('fiscal-fytd-sales', 'fiscal', 'FYTD sales', sales(P.fiscalYtd, M.revenue)),
  golden(
    'fiscal-opex-this-fq',
    'fiscal',
    'operating expenses this fiscal quarter',
    ledger(P.thisFiscalQuarter, L.opex),
  ),
  golden(
    'fiscal-top-store-last-fy',
    'fiscal',
    'top store by revenue last fiscal year',
    answer(top(SALES_SOURCE, P.lastFiscalYear, 's.store_name', M.revenue), {
      top: 'item',
      figures: figs('value'),
    }),
  ),
];
