/**
 * One LedgerDb contract, run for PGlite (a directory) and for a Postgres
 * server (a fresh database per run). The last test fails if an engine did not run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import type { LedgerDb } from './ledger-db.ts';
import { openLedgerDb } from './open-ledger-db.ts';
import { PostgresLedgerDb } from './postgres-ledger-db.ts';
import { createTestDatabase, uniqueName } from './test-postgres.ts';

const ran = new Set<string>();

function ledgerContract(name: string, setup: () => Promise<{ db: LedgerDb; cleanup: () => Promise<void> }>) {
  describe(`LedgerDb contract: ${name}`, () => {
    let db: LedgerDb;
    let cleanup: () => Promise<void>;
    const t = uniqueName('entries');

    beforeAll(async () => {
      ({ db, cleanup } = await setup());
      ran.add(name);
    });
    afterAll(async () => cleanup?.());

    it('runs a multi-statement script', async () => {
      await db.exec(`
        CREATE TABLE ${t} (id bigint PRIMARY KEY, memo text NOT NULL, amount_minor bigint, rate numeric(8,4), booked_on date, at timestamptz);
        INSERT INTO ${t} VALUES (1, 'opening', 100, 1.2500, '2024-03-05', '2024-03-05 14:30:00+00');
      `);
      expect((await db.query(`SELECT count(*) AS n FROM ${t}`)).rows).toEqual([{ n: 1 }]);
    });

    it('queries with parameters and returns the same value types on every engine', async () => {
      const inserted = await db.query(
        `INSERT INTO ${t} (id, memo, amount_minor) VALUES ($1, $2, $3) RETURNING id`,
        [2, "O'Brien", 12050],
      );
      expect(inserted).toEqual({ rows: [{ id: 2 }], rowCount: 1 });
      const { rows, rowCount } = await db.query(`SELECT * FROM ${t} WHERE id = $1`, [1]);
      expect(rowCount).toBe(1);
      expect(rows[0]).toEqual({
        id: 1,
        memo: 'opening',
        amount_minor: 100,
        rate: '1.2500',
        booked_on: '2024-03-05',
        at: new Date('2024-03-05T14:30:00Z'),
      });
    });

    it('commits a transaction that resolves', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${t} (id, memo) VALUES ($1, $2)`, [3, 'kept']);
        return (await tx.query(`SELECT memo FROM ${t} WHERE id = 3`)).rows;
      });
      expect(result).toEqual([{ memo: 'kept' }]);
      expect((await db.query(`SELECT id FROM ${t} WHERE id = 3`)).rowCount).toBe(1);
    });

    it('rolls back a transaction that throws, and rethrows its error', async () => {
      const boom = new Error('boom');
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${t} (id, memo) VALUES ($1, $2)`, [4, 'dropped']);
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect((await db.query(`SELECT id FROM ${t} WHERE id = 4`)).rowCount).toBe(0);
    });

    it('wraps engine errors with their SQLSTATE', async () => {
      await expect(db.query(`INSERT INTO ${t} (id, memo) VALUES (1, 'again')`)).rejects.toMatchObject({
        code: ErrorCode.LedgerQueryFailed,
        details: { sqlState: '23505' },
      });
      await expect(
        db.transaction(async (tx) => tx.query(`INSERT INTO ${t} (id, memo) VALUES (5, NULL)`)),
      ).rejects.toMatchObject({ code: ErrorCode.LedgerQueryFailed, details: { sqlState: '23502' } });
      await expect(db.exec('SELEC 1')).rejects.toMatchObject({ details: { sqlState: '42601' } });
    });

    it('wraps a failure at COMMIT (a deferred constraint)', async () => {
      await db.exec(`CREATE TABLE ${t}_keys (k text UNIQUE DEFERRABLE INITIALLY DEFERRED)`);
      await expect(
        db.transaction(async (tx) => {
          await tx.query(`INSERT INTO ${t}_keys VALUES ('a'), ('a')`);
        }),
      ).rejects.toMatchObject({ code: ErrorCode.LedgerQueryFailed, details: { sqlState: '23505' } });
      expect((await db.query(`SELECT k FROM ${t}_keys`)).rowCount).toBe(0);
    });
  });
}

// PGlite takes seconds to initialise (initdb in WASM), so one directory database serves the
// contract and the reopen test; 'memory:' sharing is covered by shared-handles.test.ts.
const pgliteUrl = `pglite:${join(mkdtempSync(join(tmpdir(), 'shoebox-ledger-')), 'nested', 'ledger')}`;

ledgerContract('pglite', async () => {
  const db = await openLedgerDb(pgliteUrl);
  return { db, cleanup: () => db.close() };
});

describe('PGlite directory', () => {
  it('keeps what the contract wrote after the last close, and opens again', async () => {
    const db = await openLedgerDb(pgliteUrl);
    try {
      expect(db).toMatchObject({ kind: 'pglite', description: pgliteUrl });
      const { rows } = await db.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
      expect(rows).toEqual([{ n: 2 }]); // the entries table and its deferred-keys table
    } finally {
      await db.close();
    }
  });
});

ledgerContract('postgres', async () => {
  const database = await createTestDatabase('ledger');
  const db = new PostgresLedgerDb(database.url);
  return {
    db,
    cleanup: async () => {
      await db.close();
      await database.drop();
    },
  };
});

describe('LedgerDb contract coverage', () => {
  it('ran for PGlite and Postgres', () => {
    expect([...ran].sort()).toEqual(['pglite', 'postgres']);
  });
});
