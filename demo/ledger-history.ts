/**
 * The finance side of the history, day by day from the ERP's first day (balances only) and
 * written from January 1 two years before asOf: card payouts, the cash schedules (customer
 * receipts, supplier runs, rent, payroll, card bill, distributions), goods received against
 * payables, the accountants' expenses, and the day's sales, cost of sales and returns, in the
 * order of their created_at times. Every entry balances.
 */
import { join } from 'node:path';
import { CashSchedules } from './cash-schedules.ts';
import { ACCOUNTS } from './chart-of-accounts.ts';
import { CsvWriter } from './csv-writer.ts';
import type { DailyFacts, Receipt } from './daily-facts.ts';
import { isoDay, partsOf } from './dates.ts';
import { type Expense, expensesForMonth } from './expenses.ts';
import { type BankMovement, Journal } from './journal.ts';
import { cogsPosting, returnsPosting, salesPostings, settlementPostings } from './ledger-postings.ts';
import { chartOfAccountsTable } from './ledger-tables.ts';
import type { Store } from './locations.ts';
import { OperatingCosts } from './operating-costs.ts';
import type { ProgressReporter } from './progress.ts';
import type { Random } from './random.ts';
import { PRICE_RISE_PCT, PRICE_RISE_SUPPLIER_ID, supplierById } from './suppliers.ts';
import type { Timeline } from './timeline.ts';

export interface LedgerResult {
  rows: Map<string, number>;
  /** Movements on the bank account (1010) from the ledger's first day. */
  bank: BankMovement[];
  /** Expenses by month 'YYYY-MM', as posted. */
  expenses: Map<string, Expense[]>;
}

export interface LedgerInput {
  facts: DailyFacts;
  stores: readonly Store[];
  wholesaleNames: ReadonlyMap<number, string>;
  timeline: Timeline;
  scale: number;
  rng: Random;
  dir: string;
  progress: ProgressReporter;
}

function writeChartOfAccounts(dir: string, stamp: string): number {
  const writer = new CsvWriter(
    join(dir, 'chart_of_accounts.csv'),
    chartOfAccountsTable.columns.map((c) => c.name),
  );
  for (const a of ACCOUNTS)
    writer.row([a.code, a.name, a.type, a.normal, a.synonyms.join('; '), a.description, stamp]);
  writer.close();
  return writer.rows;
}

/** Owners' capital before the history: the opening stock plus about a month of the first year's takings. */
function capitalise(journal: Journal, facts: DailyFacts, selling: readonly Store[], firstDay: number): void {
  let firstYear = 0;
  for (let d = firstDay; d < firstDay + 365; d++) {
    for (const s of selling)
      firstYear += (facts.gross[facts.index(d, s.id)] ?? 0) - (facts.discount[facts.index(d, s.id)] ?? 0);
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

function postReceipt(journal: Journal, r: Receipt, storeCode: string): void {
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

function postExpense(journal: Journal, e: Expense): void {
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

export function writeLedger(input: LedgerInput): LedgerResult {
  const { facts, stores, timeline, rng, dir, progress } = input;
  const accounts = writeChartOfAccounts(dir, `${isoDay(timeline.firstDay - 730)} 08:00:00`);
  const journal = new Journal(dir, timeline.ledgerFirstDay);
  const cash = new CashSchedules(
    journal,
    new OperatingCosts(facts, stores, timeline),
    input.wholesaleNames,
    rng.fork('cash'),
  );
  const selling = stores.filter((s) => s.type !== 'warehouse');
  const channels = new Map(
    ['store', 'online', 'wholesale'].map((c) => [c, selling.filter((s) => s.type === c)]),
  );
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  const expenses = new Map<string, Expense[]>();
  let monthExpenses: Expense[] = [];
  let receipt = 0;
  try {
    capitalise(journal, facts, selling, timeline.firstDay);
    progress.start('ledger', timeline.days);
    for (let day = timeline.firstDay; day <= timeline.asOf; day++) {
      const parts = partsOf(day);
      if (day === timeline.ledgerFirstDay) journal.openBooks(day);
      if (parts.dayOfMonth === 1 || day === timeline.firstDay) {
        const tag = `${parts.year}-${String(parts.month).padStart(2, '0')}`;
        monthExpenses = expensesForMonth(
          rng.fork(`expenses ${tag}`),
          parts.year,
          parts.month,
          input.scale,
          stores,
          timeline,
        );
        expenses.set(tag, monthExpenses);
      }
      for (const p of settlementPostings(facts, day, channels)) journal.post(p);
      const reval = facts.revaluations.get(day);
      if (reval !== undefined) {
        const memo = `Standard cost update: ${supplierById(PRICE_RISE_SUPPLIER_ID).name} prices up ${PRICE_RISE_PCT}%`;
        journal.post({
          day,
          source: 'inventory',
          memo,
          reference: `STDCOST-${isoDay(day)}`,
          createdBy: 'erp-sync',
          time: '06:30:00',
          lines: [
            { account: '1200', amount: reval },
            { account: '5100', amount: -reval },
          ],
        });
      }
      cash.post(day, parts);
      for (
        ;
        receipt < facts.receipts.length && (facts.receipts[receipt]?.day ?? Number.POSITIVE_INFINITY) <= day;
        receipt++
      ) {
        const r = facts.receipts[receipt] as Receipt;
        postReceipt(journal, r, storeCode.get(r.storeId) ?? String(r.storeId));
        cash.received(r);
      }
      for (const e of monthExpenses) if (e.day === day) postExpense(journal, e);
      for (const p of salesPostings(facts, day, channels)) journal.post(p);
      journal.post(cogsPosting(facts, day, selling));
      journal.post(returnsPosting(facts, day, channels));
      cash.invoiced(day, facts.wholesale.get(day) ?? new Map());
      cash.closeDay(parts);
      progress.report(day - timeline.firstDay + 1);
    }
  } finally {
    journal.close();
  }
  const { entries, lines } = journal.rows;
  return {
    rows: new Map([
      ['chart_of_accounts', accounts],
      ['journal_entries', entries],
      ['journal_lines', lines],
    ]),
    bank: journal.bank.filter((m) => m.day >= timeline.ledgerFirstDay),
    expenses,
  };
}
