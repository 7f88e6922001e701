/** Finance over the ledger (ledger_raw.*): operating expenses, net income, cash, booked revenue. */

import type { EvalCase } from '../eval-case.ts';
import { P, type Period } from '../eval-pins.ts';
import { answer, figs, golden, pct } from './case-builders.ts';
import { L, LEDGER_SOURCE, POSTINGS, ratio, series, top, totals, versus } from './source-sql.ts';

const ledger = (period: Period, expr: string, filter?: string) =>
  answer(totals(LEDGER_SOURCE, period, { value: expr }, filter), { figures: figs('value') });
/** The cash balance: every cash posting up to and including `day`. */
const cashAt = (day: string | null) =>
  `SELECT SUM(jl.debit_minor - jl.credit_minor) / 100.0 AS value FROM ${POSTINGS}
   WHERE jl.account_code IN ('1010', '1050')${day ? ` AND je.entry_date <= DATE '${day}'` : ''}`;

export const financeCases: EvalCase[] = [
  golden('finance-opex-last-month', 'finance', 'operating expenses last month', ledger(P.lastMonth, L.opex)),
  golden(
    'finance-opex-by-account',
    'finance',
    'opex by account this year',
    answer(top(LEDGER_SOURCE, P.ytd, 'a.account_name', L.net, { filter: L.opexOnly }), {
      top: 'item',
      figures: figs('value'),
    }),
  ),
  golden(
    'finance-marketing',
    'finance',
    'operating expenses for marketing and advertising last quarter',
    ledger(P.lastQuarter, L.opex, "a.account_name = 'Marketing and advertising'"),
  ),
  golden(
    'finance-net-income-last-month',
    'finance',
    'What was our net income last month?',
    ledger(P.lastMonth, L.netIncome),
  ),
  golden('finance-profit-last-year', 'finance', 'net profit last year', ledger(P.lastYear, L.netIncome)),
  golden(
    'finance-net-margin',
    'finance',
    'net margin last year',
    answer(totals(LEDGER_SOURCE, P.lastYear, { value: ratio(L.netIncome, L.ledgerRevenue) }), {
      figures: [pct('value')],
    }),
  ),
  golden(
    'finance-booked-revenue',
    'finance',
    'booked revenue last quarter',
    ledger(P.lastQuarter, L.ledgerRevenue),
  ),
  golden(
    'finance-cash-now',
    'finance',
    'How much cash do we have in the bank?',
    answer(cashAt(null), { figures: figs('value') }),
  ),
  golden(
    'finance-cash-end-last-month',
    'finance',
    'cash balance at the end of last month',
    answer(cashAt(P.lastMonth[1]), { figures: figs('value') }),
  ),
  golden(
    'finance-overheads-monthly',
    'finance',
    'overheads by month over the last 12 months',
    answer(series(LEDGER_SOURCE, P.last12Months, L.opex), { figures: figs('first_value', 'last_value') }),
  ),
  golden(
    'finance-rent',
    'finance',
    'operating expenses on rent last year',
    ledger(P.lastYear, L.opex, "a.account_name = 'Rent'"),
  ),
  golden(
    'finance-opex-mom',
    'finance',
    'opex last month vs the month before',
    answer(versus(LEDGER_SOURCE, P.lastMonth, P.april2026, L.opex), {
      figures: figs('current', 'previous'),
      change: 'change',
    }),
  ),
  golden(
    'finance-net-income-by-store',
    'finance',
    'Net income by store last fiscal year',
    answer(
      top(
        LEDGER_SOURCE,
        P.lastFiscalYear,
        "COALESCE(s.store_name, 'Head office / no location')",
        L.netIncome,
      ),
      {
        top: 'item',
        figures: figs('value'),
      },
    ),
  ),
  golden(
    'finance-ledger-cogs',
    'finance',
    'cogs per ledger last quarter',
    ledger(P.lastQuarter, L.ledgerCogs),
  ),
  golden(
    'finance-region-net-income',
    'finance',
    'which region had the highest net income last year?',
    answer(top(LEDGER_SOURCE, P.lastYear, "COALESCE(r.region_name, '(none)')", L.netIncome), {
      top: 'item',
      figures: figs('value'),
    }),
  ),
];
