/**
 * Posts balanced journal entries in integer cents. Before the ledger's first day it only keeps
 * balances (the books existed before the export window); on that day it writes one opening
 * entry carrying every balance-sheet balance, with profit to date in retained earnings.
 */
import { join } from 'node:path';
import { ACCOUNTS, isBalanceSheet } from './chart-of-accounts.ts';
import { CsvWriter, csvLine } from './csv-writer.ts';
import { isoDay } from './dates.ts';
import { journalEntriesTable, journalLinesTable } from './ledger-tables.ts';

export const BANK = '1010';

/** One line: positive cents debit, negative cents credit. */
export interface PostLine {
  account: string;
  amount: number;
  costCenter?: string | null;
}

export interface Posting {
  day: number;
  source: string;
  memo: string;
  reference: string | null;
  createdBy: string;
  /** 'HH:MM:SS' the entry was posted. */
  time: string;
  lines: PostLine[];
  /** How the bank describes this movement on the statement (entries that touch the bank). */
  bankText?: string;
}

export interface BankMovement {
  day: number;
  text: string;
  reference: string | null;
  amount: number;
  balanceAfter: number;
}

/** A payment out of the bank account: Dr `account` (by cost centre), Cr 1010. */
export function bankPayment(
  day: number,
  account: string,
  cents: number,
  what: Pick<Posting, 'source' | 'memo' | 'reference' | 'time' | 'bankText'> & { costCenter?: string },
): Posting {
  return {
    day,
    createdBy: 'ap-payment-run',
    ...what,
    lines: [
      { account, amount: cents, costCenter: what.costCenter ?? null },
      { account: BANK, amount: -cents },
    ],
  };
}

export class Journal {
  readonly balances = new Map<string, number>(ACCOUNTS.map((a) => [a.code, 0]));
  readonly bank: BankMovement[] = [];
  /** Profit since the first posting (revenue less expenses), cents; not reset by openBooks. */
  profit = 0;
  private readonly entries: CsvWriter;
  private readonly lines: CsvWriter;
  private nextEntry = 1;
  private nextLine = 1;

  constructor(
    dir: string,
    private readonly ledgerFirstDay: number,
  ) {
    this.entries = new CsvWriter(
      join(dir, 'journal_entries.csv'),
      journalEntriesTable.columns.map((c) => c.name),
    );
    this.lines = new CsvWriter(
      join(dir, 'journal_lines.csv'),
      journalLinesTable.columns.map((c) => c.name),
    );
  }

  get rows(): { entries: number; lines: number } {
    return { entries: this.entries.rows, lines: this.lines.rows };
  }

  post(p: Posting): void {
    const lines = p.lines.filter((l) => l.amount !== 0);
    if (lines.length === 0) return;
    let sum = 0;
    for (const l of lines) {
      if (!Number.isInteger(l.amount))
        throw new Error(`journal amount is not whole cents: ${l.amount} (${p.memo})`);
      sum += l.amount;
    }
    if (sum !== 0) throw new Error(`unbalanced journal entry (${sum} cents): ${p.memo}`);
    for (const l of lines) {
      this.balances.set(l.account, (this.balances.get(l.account) ?? 0) + l.amount);
      if (!isBalanceSheet(l.account)) this.profit -= l.amount;
      if (l.account === BANK) {
        this.bank.push({
          day: p.day,
          text: p.bankText ?? p.memo,
          reference: p.reference,
          amount: l.amount,
          balanceAfter: this.balances.get(BANK) ?? 0,
        });
      }
    }
    if (p.day < this.ledgerFirstDay) return;
    const id = this.nextEntry++;
    const stamp = `${isoDay(p.day)} ${p.time}`;
    this.entries.line(
      csvLine([
        id,
        `JE${String(id).padStart(8, '0')}`,
        isoDay(p.day),
        p.source,
        p.reference,
        p.memo,
        'USD',
        p.createdBy,
        stamp,
      ]),
    );
    lines.forEach((l, i) => {
      const debit = Math.max(l.amount, 0);
      const credit = Math.max(-l.amount, 0);
      this.lines.line(
        csvLine([this.nextLine++, id, i + 1, l.account, l.costCenter ?? null, debit, credit, 'USD']),
      );
    });
  }

  /** The opening entry: balance-sheet balances as they stand, profit so far into retained earnings. */
  openBooks(day: number): void {
    const lines: PostLine[] = [];
    let profit = 0;
    for (const [code, balance] of this.balances) {
      if (isBalanceSheet(code)) {
        if (code !== '3100') lines.push({ account: code, amount: balance });
      } else {
        profit += balance;
      }
    }
    lines.push({ account: '3100', amount: (this.balances.get('3100') ?? 0) + profit });
    // Re-post the same balances as a written entry, so the written journal alone adds up.
    for (const code of this.balances.keys()) this.balances.set(code, 0);
    const bank = this.bank.length;
    this.post({
      day,
      source: 'opening',
      memo: 'Opening balances carried forward',
      reference: null,
      createdBy: 'migration',
      time: '00:00:00',
      lines,
    });
    this.bank.length = bank; // the opening balance is not a bank movement
  }

  close(): void {
    this.entries.close();
    this.lines.close();
  }
}
