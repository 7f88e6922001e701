/** Trial balance, and expenses by category and month (with its CSV). */
import type { Response } from 'express';
import { formatMinor } from '../../ledger/currencies.ts';
import type { ExpenseMonthRow, TrialBalance } from '../../ledger/ledger-reports.ts';
import { html } from '../html/escape-html.ts';
import { financePage } from './finance-nav.ts';

export function trialBalancePage(response: Response, balance: TrialBalance): string {
  const rows = balance.rows.map(
    (r) => html`<tr><td>${r.accountCode}</td><td>${r.accountName}</td><td>${r.accountType}</td>
<td class="num">${formatMinor(r.debitMinor, r.currency)}</td><td class="num">${formatMinor(r.creditMinor, r.currency)}</td>
<td class="num">${formatMinor(r.balanceMinor, r.currency)}</td></tr>`,
  );
  const totals = Object.entries(balance.totals).map(
    ([currency, total]) =>
      html`<tr class="total"><td colspan="5">Total (${currency}): zero when the ledger balances</td><td class="num">${formatMinor(total, currency)}</td></tr>`,
  );
  const body = html`<h1>Trial balance</h1>
<form method="get" action="/finance/trial-balance" class="filters">
<label>As of <input type="date" name="asOf" value="${balance.asOf ?? ''}"></label>
<button type="submit" class="primary">Show</button></form>
<table class="data"><thead><tr><th>Account</th><th>Name</th><th>Type</th><th class="num">Debit</th><th class="num">Credit</th><th class="num">Balance</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="6">No postings yet.</td></tr>`}${totals}</tbody></table>`;
  return financePage(response, 'Trial balance', '/finance/trial-balance', body);
}

/** Months as columns, categories (expense accounts) as rows, one table per currency. */
export function expensesPage(
  response: Response,
  range: { from?: string; to?: string },
  rows: ExpenseMonthRow[],
): string {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const tables = currencies.map((currency) => {
    const mine = rows.filter((r) => r.currency === currency);
    const months = [...new Set(mine.map((r) => r.month))].sort();
    const accounts = [...new Map(mine.map((r) => [r.accountCode, r.accountName])).entries()].sort();
    const cell = (code: string, month: string) =>
      mine.filter((r) => r.accountCode === code && r.month === month).reduce((s, r) => s + r.amountMinor, 0);
    const body = accounts.map(([code, name]) => {
      const total = months.reduce((s, m) => s + cell(code, m), 0);
      return html`<tr><td>${code} ${name}</td>${months.map((m) => html`<td class="num">${cell(code, m) ? formatMinor(cell(code, m), currency) : ''}</td>`)}<td class="num"><strong>${formatMinor(total, currency)}</strong></td></tr>`;
    });
    return html`<h2>${currency}</h2><div class="scroll"><table class="data"><thead><tr><th>Category</th>${months.map((m) => html`<th class="num">${m}</th>`)}<th class="num">Total</th></tr></thead><tbody>${body}</tbody></table></div>`;
  });
  const query = new URLSearchParams(
    Object.entries(range).filter((pair): pair is [string, string] => pair[1] !== undefined),
  ).toString();
  const page = html`<h1>Expenses by category and month</h1>
<form method="get" action="/finance/expenses" class="filters">
<label>From <input type="date" name="from" value="${range.from ?? ''}"></label>
<label>To <input type="date" name="to" value="${range.to ?? ''}"></label>
<button type="submit" class="primary">Show</button>
<a href="/finance/expenses.csv${query ? `?${query}` : ''}" download>Download CSV</a></form>
${tables.length ? tables : html`<p>No expenses in this period.</p>`}`;
  return financePage(response, 'Expenses', '/finance/expenses', page);
}
