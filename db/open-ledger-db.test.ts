import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { openLedgerDb } from './open-ledger-db.ts';
import { DATABASE_URL } from './test-postgres.ts';

// pglite: URLs are opened by ledger-db-contract.test.ts, where every PGlite test lives.
describe('openLedgerDb', () => {
  it('opens a Postgres server', async () => {
    const db = await openLedgerDb(DATABASE_URL);
    expect(db.kind).toBe('postgres');
    expect((await db.query('SELECT $1::int AS n', [3])).rows).toEqual([{ n: 3 }]);
    await db.close();
    const redacted = await openLedgerDb('postgresql://app:s3cret@rds.example.com/ledger');
    expect(redacted.description).toBe('postgresql://app:***@rds.example.com/ledger');
    await redacted.close();
  });

  it('names the supported schemes for anything else', async () => {
    await expect(openLedgerDb('sqlite:ledger.db')).rejects.toMatchObject({
      code: ErrorCode.UnsupportedUrl,
      message:
        'LEDGER_URL has an unsupported scheme "sqlite:"; use pglite:PATH, pglite:memory: or postgres://...',
    });
  });
});
