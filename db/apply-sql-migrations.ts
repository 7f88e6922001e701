/**
 * Applies a folder's NNN_*.sql in file-name order, each in its own transaction, and records the
 * applied versions in schema_migrations (the ledger's and the app's files have distinct names). Safe to run twice and concurrently: on Postgres every
 * file's transaction first takes a transaction-scoped advisory lock and re-checks what is applied;
 * PGlite is one process, so its runs are chained in-process instead.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import type { LedgerDb, LedgerSession } from './ledger-db.ts';

/** Any fixed 64-bit number; "shoebox" in ASCII, to avoid other tools' locks. */
const MIGRATION_LOCK = 0x73686f65626f78;

export interface MigrationSet {
  dir: string;
  /** For error messages: "Ledger", "App". */
  label: string;
}

interface Migration {
  version: string;
  script: string;
}

/** A transaction that can also run a multi-statement script. */
type ScriptSession = LedgerSession & { script(sql: string): Promise<void> };

const pgliteChains = new Map<string, Promise<unknown>>();

export async function listSqlMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => ({
      version: name.replace(/\.sql$/, ''),
      script: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

/** Returns the versions this call applied (empty when the schema was already current). */
export async function applySqlMigrations(db: LedgerDb, set: MigrationSet): Promise<string[]> {
  const migrations = await listSqlMigrations(set.dir);
  if (db.kind === 'postgres') return applyAll(db, migrations, set.label);
  const previous = pgliteChains.get(db.description) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => applyAll(db, migrations, set.label));
  pgliteChains.set(db.description, run);
  return run;
}

/** One read instead of a transaction per file: the usual start, with every file applied already. */
async function allApplied(db: LedgerDb, migrations: Migration[]): Promise<boolean> {
  const table = await db.query<{ found: string | null }>(
    "SELECT to_regclass('schema_migrations')::text AS found",
  );
  if (!table.rows[0]?.found) return false;
  const { rows } = await db.query<{ version: string }>(
    'SELECT version FROM schema_migrations WHERE version = ANY($1::text[])',
    [migrations.map((m) => m.version)],
  );
  return rows.length === migrations.length;
}

async function applyAll(db: LedgerDb, migrations: Migration[], label: string): Promise<string[]> {
  if (await allApplied(db, migrations)) return [];
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await inScriptTransaction(db, async (tx) => {
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.script(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const found = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (found.rowCount > 0) return false;
      try {
        await tx.script(migration.script);
      } catch (error) {
        throw new CodedError(
          ErrorCode.LedgerMigrationFailed,
          `${label} migration ${migration.version} failed and was rolled back: ${messageOf(error)}. Fix the database or the file, then run again.`,
          { cause: error, details: { version: migration.version } },
        );
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

async function inScriptTransaction<T>(db: LedgerDb, work: (tx: ScriptSession) => Promise<T>): Promise<T> {
  if (db.kind === 'postgres') {
    // With no parameters pg uses the simple protocol, which runs a multi-statement script.
    return db.transaction((tx) =>
      work({ query: tx.query, script: async (sql) => void (await tx.query(sql)) }),
    );
  }
  // PGlite's transaction API runs one statement per query, so the script needs exec; its single
  // connection makes BEGIN ... COMMIT through exec one transaction.
  await db.exec('BEGIN');
  try {
    const result = await work({
      query: (sql, params) => db.query(sql, params),
      script: (sql) => db.exec(sql),
    });
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    await db.exec('ROLLBACK');
    throw error;
  }
}
