/**
 * LEDGER_URL → a LedgerDb:
 *   pglite:PATH               a PGlite directory (relative to the working directory);
 *                             `pglite:` alone means HOME/ledger
 *   pglite:memory:            an in-memory PGlite shared by the process
 *   postgres://, postgresql:// a Postgres server (AWS RDS in production)
 */
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { pathAfterScheme, schemeOf } from '../core/url-scheme.ts';
import type { LedgerDb } from './ledger-db.ts';

// Engines are imported when chosen: PGlite's WASM and pg each cost start-up time.
export async function openLedgerDb(url: string, options: { home?: string } = {}): Promise<LedgerDb> {
  const scheme = schemeOf(url);
  switch (scheme) {
    case 'pglite:': {
      const { PgliteLedgerDb } = await import('./pglite-ledger-db.ts');
      const path = pathAfterScheme(url, scheme);
      return PgliteLedgerDb.open(path === '' ? join(options.home ?? '.shoebox', 'ledger') : path);
    }
    case 'postgres:':
    case 'postgresql:': {
      const { PostgresLedgerDb } = await import('./postgres-ledger-db.ts');
      return new PostgresLedgerDb(url);
    }
    default:
      throw new CodedError(
        ErrorCode.UnsupportedUrl,
        `LEDGER_URL has an unsupported scheme "${scheme}"; use pglite:PATH, pglite:memory: or postgres://...`,
        { details: { scheme } },
      );
  }
}
