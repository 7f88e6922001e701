/** Entries filtered by date range, account, counterparty and text, newest first. */
import type { LedgerSession } from '../db/ledger-db.ts';
import { type PostedEntry, readEntries } from './read-entries.ts';

export interface EntryFilter {
  from?: string;
  to?: string;
  account?: string;
  counterparty?: string;
  text?: string;
  kind?: string;
  limit?: number;
}

/** Escapes LIKE wildcards so user text matches literally. */
function likeLiteral(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listEntries(db: LedgerSession, filter: EntryFilter): Promise<PostedEntry[]> {
  const where = `($1::date IS NULL OR e.entry_date >= $1::date)
    AND ($2::date IS NULL OR e.entry_date <= $2::date)
    AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM ledger_postings q WHERE q.entry_id = e.id AND q.account_code = $3))
    AND ($4::text IS NULL OR c.name ILIKE $4)
    AND ($5::text IS NULL OR e.memo ILIKE $5 OR e.entry_number ILIKE $5)
    AND ($6::text IS NULL OR e.kind = $6)`;
  return readEntries(
    db,
    where,
    [
      filter.from ?? null,
      filter.to ?? null,
      filter.account ?? null,
      filter.counterparty ? likeLiteral(filter.counterparty) : null,
      filter.text ? likeLiteral(filter.text) : null,
      filter.kind ?? null,
    ],
    filter.limit ?? 50,
  );
}
