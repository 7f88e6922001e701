/**
 * Durability: a child process confirms an entry, prints its id and is killed with SIGKILL right
 * after; the parent reopens the database and finds the entry. On PGlite (a directory) and Postgres.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));

/** Runs the child, kills it with SIGKILL as soon as it reports the entry, returns the entry id. */
function confirmInChildAndKill(url: string): Promise<{ id: number; number: string; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let found: { id: number; number: string } | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ENTRY (\d+) (\S+)\n/.exec(out);
      if (match && !found) {
        found = { id: Number(match[1]), number: match[2] as string };
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (found) resolve({ ...found, signal });
      else reject(new Error(`the child exited without confirming: ${err}`));
    });
  });
}

describe('a confirmed entry survives SIGKILL right after COMMIT', () => {
  it('on PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoebox-durable-'));
    try {
      const killed = await confirmInChildAndKill(`pglite:${dir}`);
      expect(killed.signal).toBe('SIGKILL');
      const db = await openLedgerDb(`pglite:${dir}`);
      try {
        const { rows } = await db.query('SELECT entry_number FROM ledger_entries WHERE id = $1', [killed.id]);
        expect(rows).toEqual([{ entry_number: killed.number }]);
        const sum = await db.query(
          'SELECT sum(amount_minor) AS s, count(*) AS n FROM ledger_postings WHERE entry_id = $1',
          [killed.id],
        );
        expect(sum.rows).toEqual([{ s: '0', n: 2 }]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on Postgres', async () => {
    const { url, drop } = await createTestDatabase('ledger_durable');
    try {
      const killed = await confirmInChildAndKill(url);
      expect(killed.signal).toBe('SIGKILL');
      const db = await openLedgerDb(url);
      try {
        const { rows } = await db.query('SELECT entry_number FROM ledger_entries WHERE id = $1', [killed.id]);
        expect(rows).toEqual([{ entry_number: killed.number }]);
      } finally {
        await db.close();
      }
    } finally {
      await drop();
    }
  });
});
