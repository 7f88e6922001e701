/**
 * Inserts one journal entry and its postings (debits positive, credits negative). The database
 * checks at COMMIT that it balances; entry numbers are LE + the entry id, so they never collide
 * with imported numbers.
 */
import type { LedgerSession } from '../db/ledger-db.ts';

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
  requestId: number;
  createdBy: string;
  at: Date;
  postings: NewPosting[];
}

export async function counterpartyId(tx: LedgerSession, name: string | null): Promise<number | null> {
  if (name === null) return null;
  // DO NOTHING, not DO UPDATE: the application role has no UPDATE on counterparties. The SELECT
  // cannot see the CTE's new row (one snapshot), hence the UNION ALL.
  const { rows } = await tx.query<{ id: number }>(
    `WITH added AS (
       INSERT INTO ledger_counterparties (name, name_key) VALUES ($1, lower($1)) ON CONFLICT (name_key) DO NOTHING RETURNING id)
     SELECT id FROM added UNION ALL SELECT id FROM ledger_counterparties WHERE name_key = lower($1) LIMIT 1`,
    [name.trim()],
  );
  return rows[0]?.id as number;
}

export async function postEntry(
  tx: LedgerSession,
  entry: NewEntry,
): Promise<{ id: number; entryNumber: string }> {
  const cpId = await counterpartyId(tx, entry.counterparty);
  const { rows } = await tx.query<{ id: number; entry_number: string }>(
    `WITH next AS (SELECT nextval(pg_get_serial_sequence('ledger_entries', 'id')) AS id)
     INSERT INTO ledger_entries (id, entry_number, entry_date, kind, memo, counterparty_id, source, reversal_of,
                                 idempotency_key, request_id, created_by, created_at)
     OVERRIDING SYSTEM VALUE
     SELECT next.id, 'LE' || lpad(next.id::text, 8, '0'), $1, $2, $3, $4, 'shoebox', $5, $6, $7, $8, $9 FROM next
     RETURNING id, entry_number`,
    [
      entry.entryDate,
      entry.kind,
      entry.memo,
      cpId,
      entry.reversalOf,
      entry.idempotencyKey,
      entry.requestId,
      entry.createdBy,
      entry.at,
    ],
  );
  const posted = rows[0] as { id: number; entry_number: string };
  await tx.query(
    `INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency)
     SELECT $1, n, account, amount, currency
       FROM unnest($2::text[], $3::bigint[], $4::text[]) WITH ORDINALITY AS p(account, amount, currency, n)`,
    [
      posted.id,
      entry.postings.map((p) => p.accountCode),
      entry.postings.map((p) => p.amountMinor),
      entry.postings.map((p) => p.currency),
    ],
  );
  return { id: posted.id, entryNumber: posted.entry_number };
}
