/** The ledger's schema: sql/ledger/NNN_*.sql applied in order (see db/apply-sql-migrations.ts). */
import { applySqlMigrations, listSqlMigrations } from '../db/apply-sql-migrations.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { LEDGER_MIGRATIONS_DIR } from '../sql/sql-files.ts';

export const listLedgerMigrations = (dir = LEDGER_MIGRATIONS_DIR) => listSqlMigrations(dir);

/** Returns the versions this call applied (empty when the schema was already current). */
export function migrateLedger(db: LedgerDb, dir = LEDGER_MIGRATIONS_DIR): Promise<string[]> {
  return applySqlMigrations(db, { dir, label: 'Ledger' });
}
