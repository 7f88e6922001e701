/**
 * Ledger driver errors → LEDGER_QUERY_FAILED, keeping Postgres's SQLSTATE (e.g. 23505 for a
 * duplicate idempotency key) and constraint in `details`, so the ledger code can act on them.
 */
import { CodedError, ErrorCode, isCodedError, messageOf } from '../core/coded-error.ts';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  detail?: unknown;
}

export function ledgerError(error: unknown): CodedError {
  if (isCodedError(error)) return error;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as PgErrorFields;
  const details: Record<string, unknown> = {};
  if (typeof fields.code === 'string') details.sqlState = fields.code;
  for (const key of ['constraint', 'table', 'detail'] as const) {
    if (typeof fields[key] === 'string') details[key] = fields[key];
  }
  return new CodedError(
    ErrorCode.LedgerQueryFailed,
    `The ledger database refused the statement: ${messageOf(error)}`,
    {
      cause: error,
      details,
    },
  );
}
