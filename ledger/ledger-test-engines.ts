/**
 * Test helper: runs a suite on PGlite (a directory, opened once per test file) and on the Postgres
 * server at DATABASE_URL (a fresh database per run), both migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerDb } from '../db/ledger-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import { migrateLedger } from './migrate-ledger.ts';

export type EngineKind = 'pglite' | 'postgres';

export interface EngineHandle {
  kind: EngineKind;
  /** The LEDGER_URL of this engine's database (for child processes and second connections). */
  url: string;
  db: LedgerDb;
}

export async function openTestLedger(kind: EngineKind): Promise<EngineHandle & { cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'shoebox-ledger-'));
    const url = `pglite:${dir}`;
    const db = await openLedgerDb(url);
    await migrateLedger(db);
    return {
      kind,
      url,
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { url, drop } = await createTestDatabase('ledger');
  const db = await openLedgerDb(url);
  await migrateLedger(db);
  return {
    kind,
    url,
    db,
    cleanup: async () => {
      await db.close();
      await drop();
    },
  };
}

/** The test runner's hooks, passed in: runtime folders may not import devDependencies. */
export interface SuiteHooks {
  describe(title: string, body: () => void): void;
  beforeAll(fn: () => Promise<void>, timeout?: number): void;
  afterAll(fn: () => Promise<void>, timeout?: number): void;
}

/** `body` receives a getter, valid inside tests, for each engine's migrated database. */
export function describeLedgerEngines(
  { describe, beforeAll, afterAll }: SuiteHooks,
  title: string,
  body: (engine: () => EngineHandle) => void,
  kinds: readonly EngineKind[] = ['pglite', 'postgres'],
): void {
  for (const kind of kinds) {
    describe(`${title} (${kind})`, () => {
      let handle: (EngineHandle & { cleanup(): Promise<void> }) | undefined;
      beforeAll(async () => {
        handle = await openTestLedger(kind);
      });
      afterAll(async () => handle?.cleanup());
      body(() => {
        if (!handle) throw new Error(`the ${kind} ledger did not open`);
        return handle;
      });
    });
  }
}
