/**
 * Ledger postings for single documents: the chart of accounts file, the owners' capital before
 * the history, a goods receipt against the supplier's invoice, and one accountants' expense.
 */
import { join } from 'node:path';
import { ACCOUNTS } from './chart-of-accounts.ts';
import { CsvWriter } from './csv-writer.ts';
import type { DailyFacts, Receipt } from './daily-facts.ts';
import type { Expense } from './expenses.ts';
import type { Journal } from './journal.ts';
import { chartOfAccountsTable } from './ledger-tables.ts';
import type { Store } from './locations.ts';
import { supplierById } from './suppliers.ts';

export function writeChartOfAccounts(dir: string, stamp: string): number {
  const writer = new CsvWriter(
    join(dir, 'chart_of_accounts.csv'),
    chartOfAccountsTable.columns.map((c) => c.name),
  );
  for (const a of ACCOUNTS) {
    writer.row([a.code, a.name, a.type, a.normal, a.synonyms.join('; '), a.description, stamp]);
  }
  writer.close();
  return writer.rows;
}

/** Owners' capital before the history: the opening stock plus about a month of the first year's takings. */
export function postCapital(
  journal: Journal,
  facts: DailyFacts,
  selling: readonly Store[],
  firstDay: number,
): void {
  let firstYear = 0;
  for (let d = firstDay; d < firstDay + 365; d++) {
    for (const s of selling) {
      const i = facts.index(d, s.id);
      firstYear += (facts.gross[i] ?? 0) - (facts.discount[i] ?? 0);
    }
  }
  const cash = Math.round(firstYear * 0.08);
  journal.post({
    day: firstDay,
    source: 'opening',
    memo: 'Capital',
    reference: null,
    createdBy: 'migration',
    time: '00:00:00',
    lines: [
      { account: '1200', amount: facts.openingStockCents },
      { account: '1010', amount: cash },
      { account: '3000', amount: -(facts.openingStockCents + cash) },
    ],
  });
}

/** Stock in at standard cost, the supplier's invoice in payables, the difference a price variance. */
export function postReceipt(journal: Journal, r: Receipt, storeCode: string): void {
  journal.post({
    day: r.day,
    source: 'purchasing',
    memo: `Goods received ${r.poNumber} from ${supplierById(r.supplierId).name} at ${storeCode}`,
    reference: r.poNumber,
    createdBy: 'erp-sync',
    time: '13:00:00',
    lines: [
      { account: '1200', amount: r.standardCents },
      { account: '5100', amount: r.invoiceCents - r.standardCents },
      { account: '2000', amount: -r.invoiceCents },
    ],
  });
}

/** One row of the accountants' expense report: paid by card (2100) or straight from the bank. */
export function postExpense(journal: Journal, e: Expense): void {
  const bankWords = e.payment === 'Direct debit' ? 'DIRECT DEBIT' : 'TRANSFER TO';
  journal.post({
    day: e.day,
    source: 'accountants',
    memo: `${e.vendor}: ${e.description}`,
    reference: e.reference,
    createdBy: 'accountants-import',
    time: '17:00:00',
    bankText: `${bankWords} ${e.vendor.toUpperCase()}`,
    lines: [
      { account: e.accountCode, amount: e.amountCents, costCenter: e.costCenter },
      { account: e.payment === 'Card' ? '2100' : '1010', amount: -e.amountCents },
    ],
  });
}
