/**
 * The embedded ledger: PGlite (Postgres compiled to WASM) in a directory, or in memory.
 * One PGlite per directory per process (it is single-user: two instances on one directory
 * would corrupt it), shared by adapters through shared-handles.ts.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { messages, PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import type { LedgerDb, LedgerQueryResult, LedgerSession } from './ledger-db.ts';
import { ledgerError } from './ledger-errors.ts';
import { LEDGER_PARSERS } from './ledger-values.ts';
import { mapErrors } from './map-errors.ts';
import { SharedHandles } from './shared-handles.ts';

export const PGLITE_MEMORY = 'memory:';

const pglites = new SharedHandles<PGlite>(
  async (key) => {
    if (key !== PGLITE_MEMORY) mkdirSync(key, { recursive: true });
    return PGlite.create(key === PGLITE_MEMORY ? undefined : key, { parsers: LEDGER_PARSERS });
  },
  (db) => db.close(),
  (key) => key === PGLITE_MEMORY,
);

export class PgliteLedgerDb implements LedgerDb {
  readonly kind = 'pglite';
  readonly description: string;
  private closed = false;

  private constructor(
    private readonly db: PGlite,
    private readonly key: string,
  ) {
    this.description = `pglite:${key}`;
  }

  /** `path` is a directory (relative to the working directory) or 'memory:'. */
  static async open(path: string): Promise<PgliteLedgerDb> {
    const key = path === PGLITE_MEMORY ? path : resolve(path);
    return new PgliteLedgerDb(await mapErrors(() => pglites.acquire(key), ledgerError), key);
  }

  query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
    return runOn<Row>(this.db, sql, params);
  }

  async exec(script: string): Promise<void> {
    await mapErrors(() => this.db.exec(script), ledgerError);
  }

  transaction<T>(work: (session: LedgerSession) => Promise<T>): Promise<T> {
    // PGlite commits when the callback resolves and rolls back when it throws. Session queries
    // are wrapped already; a failing BEGIN or COMMIT comes raw from PGlite; the work's own errors pass.
    return this.db
      .transaction((tx) => work({ query: (sql, params = []) => runOn(tx, sql, params) }))
      .catch((error: unknown) => {
        throw error instanceof messages.DatabaseError ? ledgerError(error) : error;
      });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await pglites.release(this.key);
  }
}

function runOn<Row>(
  db: PGlite | Transaction,
  sql: string,
  params: readonly unknown[],
): Promise<LedgerQueryResult<Row>> {
  return mapErrors(async () => {
    const result: Results<Row> = await db.query<Row>(sql, [...params]);
    // affectedRows counts INSERT/UPDATE/DELETE; a SELECT's count is its rows, as in pg.
    return { rows: result.rows, rowCount: result.affectedRows ? result.affectedRows : result.rows.length };
  }, ledgerError);
}
