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

/** The PGlite directory (or "memory:") a pglite: LEDGER_URL names; null for any other scheme. */
export function pgliteLedgerPath(url: string, options: { home?: string } = {}): string | null {
  const scheme = schemeOf(url);
  if (scheme !== 'pglite:') return null;
  const path = pathAfterScheme(url, scheme);
  return path === '' ? join(options.home ?? '.shoebox', 'ledger') : path;
}

// Engines are imported when chosen: PGlite's WASM and pg each cost start-up time.
export async function openLedgerDb(url: string, options: { home?: string } = {}): Promise<LedgerDb> {
  const scheme = schemeOf(url);
  switch (scheme) {
    case 'pglite:': {
      const { PgliteLedgerDb } = await import('./pglite-ledger-db.ts');
      return PgliteLedgerDb.open(pgliteLedgerPath(url, options) as string);
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
