/**
 * Posts one journal entry in ONE statement (data-modifying CTEs): its audit row, its counterparty,
 * the entry, its postings (debits positive, credits negative) and, for a confirm, the draft's new
 * status. One round trip instead of five keeps the confirmed-write latency low. The database
 * checks at COMMIT that the entry balances. Entry numbers are LE + the entry id, so they never
 * collide with imported numbers.
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

const POST_ENTRY = `
WITH request AS (
  INSERT INTO ledger_requests (action, user_id, roles, channel_kind, channel, request_text, idempotency_key, requested_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id),
-- DO NOTHING, not DO UPDATE: the application role has no UPDATE on counterparties. The SELECT
-- cannot see the CTE's new row (one snapshot), hence the UNION ALL.
added AS (
  INSERT INTO ledger_counterparties (name, name_key) SELECT $9, lower($9) WHERE $9::text IS NOT NULL
  ON CONFLICT (name_key) DO NOTHING RETURNING id),
party AS (
  SELECT id FROM added UNION ALL SELECT id FROM ledger_counterparties WHERE name_key = lower($9) LIMIT 1),
next AS (SELECT nextval(pg_get_serial_sequence('ledger_entries', 'id')) AS id),
entry AS (
  INSERT INTO ledger_entries (id, entry_number, entry_date, kind, memo, counterparty_id, source, reversal_of,
                              idempotency_key, request_id, created_by, created_at)
  OVERRIDING SYSTEM VALUE
  SELECT next.id, 'LE' || lpad(next.id::text, 8, '0'), $10, $11, $12, (SELECT id FROM party), 'shoebox', $13,
         $7, (SELECT id FROM request), $2, $8
    FROM next
  RETURNING id, entry_number),
lines AS (
  INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency)
  SELECT entry.id, p.n, p.account, p.amount, p.currency
    FROM entry, unnest($14::text[], $15::bigint[], $16::text[]) WITH ORDINALITY AS p(account, amount, currency, n)
  RETURNING 1),
draft AS (
  UPDATE ledger_drafts SET status = 'confirmed', entry_id = (SELECT id FROM entry), resolved_by = $2, resolved_at = $8
   WHERE id = $17::uuid RETURNING 1)
SELECT id, entry_number, (SELECT count(*) FROM lines) AS lines, (SELECT count(*) FROM draft) AS drafts FROM entry`;

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
