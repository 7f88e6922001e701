/**
 * The application database: Postgres semantics on PGlite or a server, like the ledger (and by
 * default the same database, shared through one handle per process). Its tables live in schema
 * "app", created by sql/app/NNN_*.sql; open it here so the migrations have run before any use.
 */
import { APP_MIGRATIONS_DIR } from '../sql/sql-files.ts';
import { applySqlMigrations } from './apply-sql-migrations.ts';
import type { LedgerDb } from './ledger-db.ts';
import { openLedgerDb } from './open-ledger-db.ts';

export type AppDb = LedgerDb;

export function migrateAppDb(db: AppDb, dir = APP_MIGRATIONS_DIR): Promise<string[]> {
  return applySqlMigrations(db, { dir, label: 'App' });
}

/** APP_DATABASE_URL (config.appDatabaseUrl) → a migrated AppDb. */
export async function openAppDb(url: string, options: { home?: string } = {}): Promise<AppDb> {
  const db = await openLedgerDb(url, options);
  try {
    await migrateAppDb(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
