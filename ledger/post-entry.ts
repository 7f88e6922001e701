/**
 * Posts one journal entry in ONE round trip, through the function ledger_post_entry (data-modifying
 * CTEs): its audit row, its counterparty, the entry, its postings (debits positive, credits
 * negative) and, for a confirm, the draft's new status. The database checks at COMMIT that the
 * entry balances. Entry numbers are LE + the entry id, so they never collide with imported numbers.
 */
import type { LedgerSession } from '../db/ledger-db.ts';
import type { LedgerAction } from './audit-request.ts';
import type { LedgerActor } from './ledger-actor.ts';

export interface NewPosting {
  accountCode: string;
  amountMinor: number;
  currency: string;
}

export interface NewEntry {
  kind: 'expense' | 'income' | 'supplier_payment' | 'transfer' | 'reversal';
  entryDate: string;
  memo: string;
  counterparty: string | null;
  reversalOf: number | null;
  idempotencyKey: string;
  actor: LedgerActor;
  action: LedgerAction;
  /** The request text for the audit row (e.g. a reversal's reason). */
  requestText: string | null;
  at: Date;
  postings: NewPosting[];
  /** Set for a confirm: this draft becomes confirmed with the new entry. */
  draftId: string | null;
}

/** sql/ledger/004_ledger_post_entry.sql: one statement, planned once per session. */
const POST_ENTRY = `SELECT posted_id AS id, posted_number AS entry_number
  FROM ledger_post_entry($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

export async function postEntry(
  tx: LedgerSession,
  entry: NewEntry,
): Promise<{ id: number; entryNumber: string }> {
  const { rows } = await tx.query<{ id: number; entry_number: string }>(POST_ENTRY, [
    entry.action,
    entry.actor.userId,
    entry.actor.roles,
    entry.actor.channel.kind,
    JSON.stringify(entry.actor.channel),
    entry.requestText === null ? null : entry.requestText.slice(0, 2000),
    entry.idempotencyKey,
    entry.at,
    entry.counterparty === null ? null : entry.counterparty.trim(),
    entry.entryDate,
    entry.kind,
    entry.memo,
    entry.reversalOf,
    entry.postings.map((p) => p.accountCode),
    entry.postings.map((p) => p.amountMinor),
    entry.postings.map((p) => p.currency),
    entry.draftId,
  ]);
  const posted = rows[0] as { id: number; entry_number: string };
  return { id: posted.id, entryNumber: posted.entry_number };
}
