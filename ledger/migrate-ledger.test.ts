import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { PostgresLedgerDb } from '../db/postgres-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import { listLedgerMigrations, migrateLedger } from './migrate-ledger.ts';

const ALL = ['001_ledger_tables', '002_ledger_invariants', '003_ledger_app_role', '004_ledger_post_entry'];

describe('migrateLedger', () => {
  it('applies every file once on PGlite, and again is a no-op, even when called concurrently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoebox-migrate-'));
    const db = await openLedgerDb(`pglite:${dir}`);
    try {
      const runs = await Promise.all([migrateLedger(db), migrateLedger(db)]);
      expect(runs.flat().sort()).toEqual(ALL);
      expect(await migrateLedger(db)).toEqual([]);
      const { rows } = await db.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(ALL);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies every file once on Postgres when 5 clients migrate at the same time', async () => {
    const { url, drop } = await createTestDatabase('ledger_migrate');
    const clients = Array.from({ length: 5 }, () => new PostgresLedgerDb(url, { maxConnections: 1 }));
    try {
      const runs = await Promise.all(clients.map((db) => migrateLedger(db)));
      expect(runs.flat().sort()).toEqual(ALL);
      expect(await migrateLedger(clients[0] as PostgresLedgerDb)).toEqual([]);
    } finally {
      await Promise.all(clients.map((db) => db.close()));
      await drop();
    }
  });

  it('rolls back a failing migration (Postgres) and records nothing for it', async () => {
    const { url, drop } = await createTestDatabase('ledger_migrate_bad');
    const sqlDir = mkdtempSync(join(tmpdir(), 'shoebox-sql-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(sqlDir, '001_ok.sql'), 'CREATE TABLE t_ok (id int);');
    writeFileSync(join(sqlDir, '002_bad.sql'), 'CREATE TABLE t_half (id int); SELECT no_such_function();');
    const db = new PostgresLedgerDb(url);
    try {
      await expect(migrateLedger(db, sqlDir)).rejects.toMatchObject({
        code: ErrorCode.LedgerMigrationFailed,
        message: expect.stringContaining('002_bad failed and was rolled back'),
      });
      const { rows } = await db.query('SELECT version FROM schema_migrations');
      expect(rows).toEqual([{ version: '001_ok' }]);
      expect((await db.query(`SELECT to_regclass('t_half') AS t`)).rows).toEqual([{ t: null }]);
    } finally {
      await db.close();
      await drop();
      rmSync(sqlDir, { recursive: true, force: true });
    }
  });

  it('lists only NNN_name.sql files, in order', async () => {
    expect((await listLedgerMigrations()).map((m) => m.version)).toEqual(ALL);
  });
});
