/**
 * The ledger source's watermarks on the Postgres server, with a second connection as a writer:
 * an entry committed while an earlier id is still open must not move the watermark past the
 * open one; and the chart pages by position and is re-sent whole when it grows. The schema is
 * sql/ledger/ applied file by file (glue/ may not import the ledger's migrator).
 * The demo-equality, recorded-entry and reversal tests are in checks/ledger-db-source.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerDb } from '../../db/ledger-db.ts';
import { openLedgerDb } from '../../db/open-ledger-db.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { LEDGER_MIGRATIONS_DIR } from '../../sql/sql-files.ts';
import type { ExtractSource } from './extract-source.ts';
import { createLedgerDbSource } from './ledger-db-source.ts';

let db: LedgerDb;
let url = '';
let drop: () => Promise<void> = async () => {};
let source: ExtractSource;
let n = 0;

const ENTRY = `INSERT INTO ledger_entries (entry_number, entry_date, kind, memo, source, idempotency_key, created_by, created_at)
  VALUES ($1, '2026-03-02', 'expense', 'polish', 'test', $1, 'tester', '2026-03-02T10:00:00Z') RETURNING id`;
const LINES = `INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency)
  VALUES ($1, 1, '6200', $2, 'USD'), ($1, 2, '1010', -$2::bigint, 'USD')`;

async function postWith(client: { query: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }) {
  n += 1;
  const { rows } = await client.query(ENTRY, [`T${n}`]);
  await client.query(LINES, [(rows[0] as { id: string | number }).id, 100 * n]);
}

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase('ledger_source'));
  db = await openLedgerDb(url);
  for (const file of readdirSync(LEDGER_MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    await db.exec(readFileSync(join(LEDGER_MIGRATIONS_DIR, file), 'utf8'));
  }
  await db.query(`INSERT INTO ledger_accounts (code, name, account_type, normal_balance) VALUES
    ('1010', 'Bank', 'asset', 'debit'), ('6200', 'Store supplies', 'expense', 'debit'), ('2000', 'Payables', 'liability', 'credit')`);
  source = createLedgerDbSource(db, { settleWaitMs: 150 });
}, 60_000);

afterAll(async () => {
  await db?.close();
  await drop();
});

describe('ledger source watermarks (postgres)', () => {
  it('never passes an entry whose writer is still open, and takes it once committed', async () => {
    const open = new pg.Client({ connectionString: url });
    await open.connect();
    try {
      await open.query('BEGIN');
      await postWith(open); // takes the lower ids, stays open
      await db.transaction((tx) => postWith(tx)); // higher ids, committed first
      expect(await source.extractBatch('journal_entries', 0n, 10)).toEqual([]);
      expect(await source.extractBatch('journal_lines', 0n, 10)).toEqual([]);
      await open.query('COMMIT');
    } finally {
      await open.end();
    }
    const entries = await source.extractBatch('journal_entries', 0n, 10);
    expect(entries.map((e) => e.entry_number)).toEqual(['T1', 'T2']);
    expect(entries[0]).toMatchObject({ entry_date: '2026-03-02', currency: 'USD', reference: null });
    expect(typeof entries[0]?.journal_entry_id).toBe('bigint');
    const lines = await source.extractBatch('journal_lines', 0n, 10);
    expect(lines.map((l) => [l.account_code, l.debit_minor, l.credit_minor])).toEqual([
      ['6200', 100n, 0n],
      ['1010', 0n, 100n],
      ['6200', 200n, 0n],
      ['1010', 0n, 200n],
    ]);
    expect(await source.reconcileFigures('journal_lines')).toEqual([
      { day: null, rows: 4, sums: { debit_minor: '300', credit_minor: '300' } },
    ]);
    expect(await source.reconcileFigures('journal_entries')).toEqual([
      { day: '2026-03-02', rows: 2, sums: {} },
    ]);
  });

  it('pages the chart by position and re-sends it whole once it grows', async () => {
    const first = await source.extractBatch('chart_of_accounts', 0n, 2);
    expect(first.map((a) => a.account_code)).toEqual(['1010', '2000']);
    const rest = await source.extractBatch('chart_of_accounts', first[1]?.row_version as bigint, 2);
    expect(rest.map((a) => a.account_code)).toEqual(['6200']);
    const done = rest[0]?.row_version as bigint;
    expect(await source.extractBatch('chart_of_accounts', done, 2)).toEqual([]);

    await db.query(
      `INSERT INTO ledger_account_synonyms (account_code, synonym) VALUES ('6200', 'shoe polish'), ('6200', 'brushes')`,
    );
    const again = await source.extractBatch('chart_of_accounts', done, 5);
    expect(again.map((a) => a.account_code)).toEqual(['1010', '2000', '6200']);
    expect(again[2]).toMatchObject({ synonyms: 'brushes; shoe polish', modified_at: null });
    expect(again.every((a) => (a.row_version as bigint) > done)).toBe(true);
    expect(await source.reconcileFigures('chart_of_accounts')).toEqual([{ day: null, rows: 3, sums: {} }]);
  });

  it('refuses an unknown table and a bad batch size', async () => {
    await expect(source.extractBatch('journal', 0n, 5)).rejects.toThrow(/no extract table "journal"/);
    await expect(source.extractBatch('journal_lines', 0n, 0)).rejects.toThrow(/batch size 0/);
  });
});
