/**
 * The database's own invariants, tested by bypassing the service with raw SQL: unbalanced entries
 * fail at COMMIT, postings and entries are append-only, one reversal per entry, no reversal of a
 * reversal, and (Postgres) the application role may only SELECT and INSERT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { ErrorCode } from '../core/coded-error.ts';
import type { LedgerDb, LedgerSession } from '../db/ledger-db.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines } from './ledger-test-engines.ts';
import { saveChart } from './save-chart.ts';

const hooks = { describe, beforeAll, afterAll };
let counter = 0;

async function seedAccounts(tx: LedgerSession): Promise<void> {
  await tx.query(
    `INSERT INTO ledger_accounts (code, name, account_type, normal_balance) VALUES
     ('1000', 'Bank', 'asset', 'debit'), ('6000', 'Supplies', 'expense', 'debit')
     ON CONFLICT (code) DO NOTHING`,
  );
}

/** Inserts an entry with the given postings (account, amount) and returns its id. */
async function rawEntry(
  tx: LedgerSession,
  lines: [string, number, string?][],
  reversalOf: number | null = null,
): Promise<number> {
  counter += 1;
  const key = `raw-${process.pid}-${counter}-${Math.random()}`;
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO ledger_entries (entry_number, entry_date, kind, memo, source, reversal_of, idempotency_key, created_by, created_at)
     VALUES ($1, '2026-01-05', $2, 'raw', 'test', $3, $1, 'tester', now()) RETURNING id`,
    [key, reversalOf === null ? 'expense' : 'reversal', reversalOf],
  );
  const id = rows[0]?.id as number;
  for (const [index, [account, amount, currency]] of lines.entries()) {
    await tx.query(
      'INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency) VALUES ($1, $2, $3, $4, $5)',
      [id, index + 1, account, amount, currency ?? 'USD'],
    );
  }
  return id;
}

const balanced: [string, number][] = [
  ['6000', 1250],
  ['1000', -1250],
];
const mirrored: [string, number][] = [
  ['6000', -1250],
  ['1000', 1250],
];

describeLedgerEngines(hooks, 'ledger invariants held by the database', (engine) => {
  const count = async (table: string) =>
    Number((await engine().db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('commits a balanced entry', async () => {
    const { db } = engine();
    await db.transaction(seedAccounts);
    const before = await count('ledger_entries');
    await db.transaction((tx) => rawEntry(tx, balanced));
    expect(await count('ledger_entries')).toBe(before + 1);
  });

  it('refuses an unbalanced entry at COMMIT, not before', async () => {
    const { db } = engine();
    const before = await count('ledger_postings');
    let insertedBeforeCommit = false;
    const attempt = db.transaction(async (tx) => {
      await rawEntry(tx, [
        ['6000', 1250],
        ['1000', -1249],
      ]);
      insertedBeforeCommit = true;
    });
    await expect(attempt).rejects.toMatchObject({
      code: ErrorCode.LedgerQueryFailed,
      message: expect.stringMatching(/does not balance in USD: debits minus credits = 1 minor units/),
    });
    expect(insertedBeforeCommit).toBe(true);
    expect(await count('ledger_postings')).toBe(before);
  });

  it('refuses an entry balanced in total but not per currency', async () => {
    const attempt = engine().db.transaction((tx) =>
      rawEntry(tx, [
        ['6000', 100, 'USD'],
        ['1000', -100, 'EUR'],
      ]),
    );
    await expect(attempt).rejects.toThrow(/does not balance in (EUR|USD)/);
  });

  it('refuses an entry with a single posting or none', async () => {
    await expect(engine().db.transaction((tx) => rawEntry(tx, []))).rejects.toThrow(/at least two/);
    await expect(engine().db.transaction((tx) => rawEntry(tx, [['6000', 5]]))).rejects.toThrow(
      /at least two|does not balance/,
    );
  });

  it('refuses a zero posting', async () => {
    await expect(
      engine().db.transaction((tx) =>
        rawEntry(tx, [
          ['6000', 0],
          ['1000', 0],
        ]),
      ),
    ).rejects.toMatchObject({ details: { sqlState: '23514' } });
  });

  it('refuses adding an unbalancing posting to a committed entry', async () => {
    const { db } = engine();
    const id = await db.transaction((tx) => rawEntry(tx, balanced));
    await expect(
      db.query(
        `INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency) VALUES ($1, 3, '6000', 7, 'USD')`,
        [id],
      ),
    ).rejects.toThrow(/does not balance/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of postings and entries', async () => {
    const { db } = engine();
    const id = await db.transaction((tx) => rawEntry(tx, balanced));
    const sums = async () =>
      (
        await db.query(
          'SELECT sum(amount_minor) AS s, count(*) AS n FROM ledger_postings WHERE entry_id = $1',
          [id],
        )
      ).rows;
    const before = await sums();
    for (const sql of [
      'UPDATE ledger_postings SET amount_minor = amount_minor * 2 WHERE entry_id = $1',
      'DELETE FROM ledger_postings WHERE entry_id = $1',
      `UPDATE ledger_entries SET memo = 'edited' WHERE id = $1`,
      'DELETE FROM ledger_entries WHERE id = $1',
    ]) {
      await expect(db.query(sql, [id])).rejects.toThrow(/append-only/);
    }
    await expect(db.exec('TRUNCATE ledger_postings CASCADE')).rejects.toThrow(/append-only/);
    expect(await sums()).toEqual(before);
  });

  it('allows one reversal per entry and no reversal of a reversal', async () => {
    const { db } = engine();
    const original = await db.transaction((tx) => rawEntry(tx, balanced));
    const reversal = await db.transaction((tx) => rawEntry(tx, mirrored, original));
    await expect(db.transaction((tx) => rawEntry(tx, mirrored, original))).rejects.toMatchObject({
      details: { sqlState: '23505', constraint: 'ledger_entries_one_reversal' },
    });
    await expect(db.transaction((tx) => rawEntry(tx, balanced, reversal))).rejects.toThrow(
      /is itself a reversal and cannot be reversed/,
    );
  });

  it('refuses a reversal that does not mirror its original', async () => {
    const { db } = engine();
    const original = await db.transaction((tx) => rawEntry(tx, balanced));
    await expect(
      db.transaction((tx) =>
        rawEntry(
          tx,
          [
            ['6000', -1000],
            ['1000', 1000],
          ],
          original,
        ),
      ),
    ).rejects.toThrow(/does not exactly reverse/);
  });
});

describeLedgerEngines(
  hooks,
  'the application role shoebox_ledger_app',
  (engine) => {
    it('may SELECT and INSERT entries but not UPDATE or DELETE them, even without the triggers', async () => {
      const { db } = engine();
      const id = await db.transaction(async (tx) => {
        await seedAccounts(tx);
        return rawEntry(tx, balanced);
      });
      await db.transaction(async (tx) => {
        await tx.query('SET LOCAL ROLE shoebox_ledger_app');
        expect((await tx.query('SELECT id FROM ledger_entries WHERE id = $1', [id])).rowCount).toBe(1);
        await rawEntry(tx, balanced);
      });
      for (const sql of [
        'UPDATE ledger_postings SET amount_minor = 1 WHERE entry_id = $1',
        'DELETE FROM ledger_postings WHERE entry_id = $1',
        'DELETE FROM ledger_entries WHERE id = $1',
      ]) {
        await expect(
          db.transaction(async (tx) => {
            // Without the triggers, only the missing privilege stands in the way.
            await tx.query('ALTER TABLE ledger_postings DISABLE TRIGGER USER');
            await tx.query('ALTER TABLE ledger_entries DISABLE TRIGGER USER');
            await tx.query('SET LOCAL ROLE shoebox_ledger_app');
            await tx.query(sql, [id]);
          }),
        ).rejects.toThrow(/permission denied/);
      }
    });
  },
  ['postgres'],
);

describeLedgerEngines(
  hooks,
  'the service as the application role',
  (engine) => {
    it('drafts, confirms and reverses with only the grants of shoebox_ledger_app', async () => {
      const { db } = engine();
      await db.transaction(async (tx) => {
        await saveChart(tx, [
          { code: '1000', name: 'Bank', accountType: 'asset', synonyms: ['cash'] },
          { code: '6000', name: 'Supplies', accountType: 'expense', synonyms: [] },
        ]);
      });
      // Every transaction and query runs as the application role, as production would.
      const asApp: LedgerDb = {
        ...db,
        kind: db.kind,
        description: db.description,
        exec: (script) => db.exec(script),
        close: () => db.close(),
        query: (sql, params) =>
          db.transaction(async (tx) => {
            await tx.query('SET LOCAL ROLE shoebox_ledger_app');
            return tx.query(sql, params);
          }),
        transaction: (work) =>
          db.transaction(async (tx) => {
            await tx.query('SET LOCAL ROLE shoebox_ledger_app');
            return work(tx);
          }),
      } as LedgerDb;
      const service = new LedgerService(asApp, { clock: fixedClock(new Date('2026-01-10T12:00:00Z')) });
      const actor = { userId: 'app', roles: ['finance'], channel: { kind: 'web' as const } };
      const outcome = await service.record(actor, 'record expense 5 for supplies from Acme, cash', {
        idempotencyKey: 'app-1',
      });
      if (outcome.status !== 'draft') throw new Error(JSON.stringify(outcome));
      const entry = await service.confirm(actor, outcome.card.draftId, { idempotencyKey: 'app-2' });
      const reversal = await service.reverse(actor, entry.entryNumber, { idempotencyKey: 'app-3' });
      expect(reversal.reversalOf).toBe(entry.entryNumber);
      expect((await service.trialBalance(actor)).totals.USD).toBe(0);
    });
  },
  ['postgres'],
);

describe('schema files', () => {
  it('are the same for both engines (one folder, no engine-specific copies)', async () => {
    const { listLedgerMigrations } = await import('./migrate-ledger.ts');
    const versions = (await listLedgerMigrations()).map((m) => m.version);
    expect(versions).toEqual([
      '001_ledger_tables',
      '002_ledger_invariants',
      '003_ledger_app_role',
      '004_ledger_post_entry',
    ]);
  });
});
