/**
 * The finance side of the history, day by day from the ERP's first day (balances only) and
 * written from January 1 two years before asOf. Each day posts, in created_at order: card
 * payouts, a standard-cost change, customer receipts, rent, supplier and card payments, payroll,
 * goods received, the accountants' expenses, then the day's sales, cost of sales and returns.
 */
import { CashSchedules } from './cash-schedules.ts';
import type { DailyFacts, Receipt } from './daily-facts.ts';
import { isoDay, partsOf } from './dates.ts';
import { type Expense, expensesForMonth } from './expenses.ts';
import { type BankMovement, Journal } from './journal.ts';
import { postCapital, postExpense, postReceipt, writeChartOfAccounts } from './ledger-documents.ts';
import { cogsPosting, returnsPosting, salesPostings, settlementPostings } from './ledger-postings.ts';
import type { Store } from './locations.ts';
import { OperatingCosts } from './operating-costs.ts';
import { postPayroll, postRent } from './payroll-and-rent.ts';
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

export function writeLedger(input: LedgerInput): LedgerResult {
  const { facts, stores, timeline, rng, dir, progress } = input;
  const accounts = writeChartOfAccounts(dir, `${isoDay(timeline.firstDay - 730)} 08:00:00`);
  const journal = new Journal(dir, timeline.ledgerFirstDay);
  const costs = new OperatingCosts(facts, stores, timeline);
  const cash = new CashSchedules(journal, input.wholesaleNames, rng.fork('cash'));
  const selling = stores.filter((s) => s.type !== 'warehouse');
  const channels = new Map(
    ['store', 'online', 'wholesale'].map((c) => [c, selling.filter((s) => s.type === c)]),
  );
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  const expenses = new Map<string, Expense[]>();
  let monthExpenses: Expense[] = [];
  let receipt = 0;
  try {
    postCapital(journal, facts, selling, timeline.firstDay);
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
        journal.post({
          day,
          source: 'inventory',
          memo: `Standard cost update: ${supplierById(PRICE_RISE_SUPPLIER_ID).name} prices up ${PRICE_RISE_PCT}%`,
          reference: `STDCOST-${isoDay(day)}`,
          createdBy: 'erp-sync',
          time: '06:30:00',
          lines: [
            { account: '1200', amount: reval },
            { account: '5100', amount: -reval },
          ],
        });
      }
      cash.collect(day);
      postRent(journal, costs, day, parts);
      cash.pay(day, parts);
      postPayroll(journal, costs, day, parts);
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
