/**
 * Inserts many entries in one statement and their postings in a second (unnest of arrays, all
 * parameterised). Entries whose import key is already there are skipped, with their lines.
 */
import type { LedgerSession } from '../db/ledger-db.ts';

export interface CsvEntry {
  entryNumber: string;
  entryDate: string;
  source: string;
  reference: string | null;
  memo: string;
  createdBy: string;
  createdAt: string;
  lines: { accountCode: string; amountMinor: number; currency: string; costCenter: string | null }[];
}

export const importKey = (entryNumber: string) => `import:${entryNumber}`;

/** Returns how many entries were new. */
export async function insertEntryBatch(
  tx: LedgerSession,
  batch: CsvEntry[],
  requestId: number,
): Promise<number> {
  const { rows } = await tx.query<{ id: number; entry_number: string }>(
    `INSERT INTO ledger_entries (entry_number, entry_date, kind, memo, reference, source, idempotency_key, request_id, created_by, created_at)
     SELECT n, d, 'import', m, r, s, k, $8, c, a
       FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $9::timestamptz[])
            AS t(n, d, m, r, s, k, c, a)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id, entry_number`,
    [
      batch.map((e) => e.entryNumber),
      batch.map((e) => e.entryDate),
      batch.map((e) => e.memo),
      batch.map((e) => e.reference),
      batch.map((e) => e.source.slice(0, 40)),
      batch.map((e) => importKey(e.entryNumber)),
      batch.map((e) => e.createdBy),
      requestId,
      batch.map((e) => e.createdAt),
    ],
  );
  if (rows.length === 0) return 0;
  const ids = new Map(rows.map((r) => [r.entry_number, r.id]));
  const lines = batch.flatMap((e) => {
    const id = ids.get(e.entryNumber);
    return id === undefined ? [] : e.lines.map((l, index) => ({ id, n: index + 1, ...l }));
  });
  await tx.query(
    `INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency, cost_center)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[])`,
    [
      lines.map((l) => l.id),
      lines.map((l) => l.n),
      lines.map((l) => l.accountCode),
      lines.map((l) => l.amountMinor),
      lines.map((l) => l.currency),
      lines.map((l) => l.costCenter),
    ],
  );
  return rows.length;
}
