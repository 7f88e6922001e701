/**
 * Exactly-once writes. Each write inserts its idempotency key first, with INSERT ... ON CONFLICT
 * DO NOTHING: on Postgres a second transaction inserting the same key waits on the first one's
 * uncommitted row, then (after COMMIT) finds it and returns the stored result; after a ROLLBACK it
 * proceeds as the first. No SERIALIZABLE retry loop is needed, and failed writes leave no key, so
 * a retry after an error runs again. Same key with a different request is refused.
 */
import { createHash } from 'node:crypto';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';

/** sha256 of the request as canonical JSON (object keys sorted). */
export function requestHash(request: unknown): string {
  const canonical = JSON.stringify(request, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

export function checkIdempotencyKey(key: string): void {
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new CodedError(
      ErrorCode.LedgerInvalidInput,
      'The idempotency key must be 1 to 200 printable ASCII characters without spaces, e.g. a UUID.',
    );
  }
}

export async function idempotentWrite<T>(
  tx: LedgerSession,
  write: { key: string; operation: string; request: unknown; at: Date },
  work: () => Promise<T>,
): Promise<T> {
  checkIdempotencyKey(write.key);
  const hash = requestHash({ operation: write.operation, request: write.request });
  const claimed = await tx.query(
    `INSERT INTO ledger_idempotency (key, operation, request_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO NOTHING RETURNING key`,
    [write.key, write.operation, hash, write.at],
  );
  if (claimed.rowCount === 0) {
    const { rows } = await tx.query<{ operation: string; request_hash: string; result: T }>(
      'SELECT operation, request_hash, result FROM ledger_idempotency WHERE key = $1',
      [write.key],
    );
    const first = rows[0];
    if (!first || first.request_hash !== hash) {
      throw new CodedError(
        ErrorCode.LedgerIdempotencyConflict,
        `Idempotency key "${write.key}" was already used for a different request (${first?.operation ?? 'unknown'}); use a new key for a new request.`,
        { details: { key: write.key } },
      );
    }
    return first.result;
  }
  const result = await work();
  await tx.query('UPDATE ledger_idempotency SET result = $2 WHERE key = $1', [
    write.key,
    JSON.stringify(result),
  ]);
  return result;
}
