/** Reads posted entries back with their postings, as the service returns them (plain JSON). */
import type { LedgerSession } from '../db/ledger-db.ts';

export interface PostedLine {
  accountCode: string;
  accountName: string;
  amountMinor: number;
  currency: string;
}

export interface PostedEntry {
  entryId: number;
  entryNumber: string;
  entryDate: string;
  kind: string;
  memo: string;
  counterparty: string | null;
  reversalOf: string | null;
  reversedBy: string | null;
  createdBy: string;
  lines: PostedLine[];
}

interface EntryRow {
  id: number;
  entry_number: string;
  entry_date: string;
  kind: string;
  memo: string;
  counterparty: string | null;
  reversal_of: string | null;
  reversed_by: string | null;
  created_by: string;
  lines: { account_code: string; account_name: string; amount_minor: number; currency: string }[];
}

/** `where` is a fixed SQL condition on e (never user text); its values come in `params`. */
export async function readEntries(
  db: LedgerSession,
  where: string,
  params: readonly unknown[],
  limit = 1000,
): Promise<PostedEntry[]> {
  const { rows } = await db.query<EntryRow>(
    `SELECT e.id, e.entry_number, e.entry_date, e.kind, e.memo, c.name AS counterparty,
            o.entry_number AS reversal_of, r.entry_number AS reversed_by, e.created_by,
            (SELECT json_agg(json_build_object('account_code', p.account_code, 'account_name', a.name,
                     'amount_minor', p.amount_minor, 'currency', p.currency) ORDER BY p.line_number)
               FROM ledger_postings p JOIN ledger_accounts a ON a.code = p.account_code
              WHERE p.entry_id = e.id) AS lines
       FROM ledger_entries e
       LEFT JOIN ledger_counterparties c ON c.id = e.counterparty_id
       LEFT JOIN ledger_entries o ON o.id = e.reversal_of
       LEFT JOIN ledger_entries r ON r.reversal_of = e.id
      WHERE ${where}
      ORDER BY e.entry_date DESC, e.id DESC
      LIMIT $${params.length + 1}`,
    [...params, Math.max(1, Math.min(10_000, Math.floor(limit)))],
  );
  return rows.map((r) => ({
    entryId: r.id,
    entryNumber: r.entry_number,
    entryDate: r.entry_date,
    kind: r.kind,
    memo: r.memo,
    counterparty: r.counterparty,
    reversalOf: r.reversal_of,
    reversedBy: r.reversed_by,
    createdBy: r.created_by,
    lines: (r.lines ?? []).map((l) => ({
      accountCode: l.account_code,
      accountName: l.account_name,
      amountMinor: Number(l.amount_minor),
      currency: l.currency,
    })),
  }));
}

export async function readEntry(db: LedgerSession, id: number): Promise<PostedEntry> {
  const [entry] = await readEntries(db, 'e.id = $1', [id], 1);
  if (!entry) throw new Error(`entry ${id} vanished`);
  return entry;
}
