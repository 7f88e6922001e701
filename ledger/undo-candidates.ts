/**
 * "undo the last expense", "reverse the last entry": the most recent entries of that kind that can
 * still be reversed, offered as a question. The service never reverses without an entry number.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';
import { formatMinor } from './currencies.ts';
import type { ClarifyingQuestion } from './ledger-draft.ts';
import { listEntries } from './list-entries.ts';

const UNDO =
  /^\s*(?:please\s+)?(?:undo|reverse|revert)\s+(?:the\s+|my\s+)?(?:last|latest|previous)\s+(?<what>expense|income|supplier payment|payment|transfer|entry)\b/i;
const KINDS: Record<string, string | undefined> = {
  expense: 'expense',
  income: 'income',
  'supplier payment': 'supplier_payment',
  payment: 'supplier_payment',
  transfer: 'transfer',
  entry: undefined,
};

export async function undoCandidates(db: LedgerSession, text: string): Promise<ClarifyingQuestion> {
  const what = UNDO.exec(text)?.groups?.what?.toLowerCase();
  if (!what) {
    throw new CodedError(
      ErrorCode.LedgerInvalidInput,
      'Say what to undo, e.g. "undo the last expense", or reverse an entry by its number.',
    );
  }
  const recent = (await listEntries(db, { kind: KINDS[what], limit: 20 }))
    .filter((e) => e.kind !== 'reversal' && !e.reversedBy)
    .slice(0, 5);
  const candidates = recent.map((e) => {
    const debit = e.lines.filter((l) => l.amountMinor > 0).reduce((sum, l) => sum + l.amountMinor, 0);
    const currency = e.lines[0]?.currency ?? '';
    return `${e.entryNumber} ${e.entryDate} ${formatMinor(debit, currency)} ${e.memo}${e.counterparty ? ` (${e.counterparty})` : ''}`;
  });
  return {
    status: 'question',
    field: 'entry',
    question: candidates.length
      ? `Which ${what} should be reversed? Reply with its entry number.`
      : `There is no ${what} that can still be reversed.`,
    candidates,
  };
}
