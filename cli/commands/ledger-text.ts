/** How ledger drafts, entries, questions and reports read in a terminal (and as CSV). */
import { csvText } from '../../ledger/csv-text.ts';
import { formatMinor } from '../../ledger/currencies.ts';
import type { LedgerActor } from '../../ledger/ledger-actor.ts';
import type { ClarifyingQuestion } from '../../ledger/ledger-draft.ts';
import type { DraftCard } from '../../ledger/ledger-drafts.ts';
import { expensesCsv } from '../../ledger/ledger-reports.ts';
import type { LedgerService } from '../../ledger/ledger-service.ts';
import type { PostedEntry } from '../../ledger/read-entries.ts';

export function cardText(card: DraftCard): string {
  return [
    `Draft ${card.draftId} (${card.status}${card.entryNumber ? `, posted as ${card.entryNumber}` : ''})`,
    `  ${card.kind.replace('_', ' ')}  ${card.amount}  on ${card.entryDate}`,
    `  debit   ${card.debit.code} ${card.debit.name}`,
    `  credit  ${card.credit.code} ${card.credit.name}`,
    ...(card.counterparty ? [`  counterparty  ${card.counterparty}`] : []),
    ...(card.memo ? [`  memo  ${card.memo}`] : []),
  ].join('\n');
}

export function entryText(entry: PostedEntry): string {
  const lines = entry.lines.map(
    (l) =>
      `  ${l.amountMinor > 0 ? 'debit ' : 'credit'}  ${l.accountCode} ${l.accountName}  ${formatMinor(Math.abs(l.amountMinor), l.currency)}`,
  );
  const extra = [
    entry.counterparty,
    entry.reversalOf && `reverses ${entry.reversalOf}`,
    entry.reversedBy && `reversed by ${entry.reversedBy}`,
  ];
  return [
    `${entry.entryNumber}  ${entry.entryDate}  ${entry.kind}  ${entry.memo}`,
    ...lines,
    ...extra.filter(Boolean).map((t) => `  ${t}`),
  ].join('\n');
}

export function questionText(question: ClarifyingQuestion): string {
  return [question.question, ...question.candidates.map((c) => `  - ${c}`)].join('\n');
}

export async function reportCsv(
  service: LedgerService,
  actor: LedgerActor,
  report: string,
  options: { from?: string; to?: string; account?: string },
): Promise<string> {
  if (report === 'gl') return service.generalLedgerCsv(actor, options);
  if (report === 'expenses') {
    const rows = await service.expensesByMonth(actor, options);
    return expensesCsv(rows);
  }
  const tb = await service.trialBalance(actor, options.to ?? null);
  const rows = tb.rows.map((r) => [
    r.accountCode,
    r.accountName,
    r.currency,
    r.debitMinor,
    r.creditMinor,
    r.balanceMinor,
  ]);
  const totals = Object.entries(tb.totals).map(([currency, total]) => ['TOTAL', '', currency, '', '', total]);
  return csvText(
    ['account_code', 'account_name', 'currency', 'debit_minor', 'credit_minor', 'balance_minor'],
    [...rows, ...totals],
  );
}
