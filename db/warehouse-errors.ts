/**
 * Driver errors become CodedErrors here, once for every adapter, so the assistant sees the same
 * codes and advice whichever engine is behind the warehouse.
 */
import { CodedError, ErrorCode, isCodedError, messageOf } from '../core/coded-error.ts';

/** Postgres SQLSTATE classes and Node socket codes that mean "could not reach or log in". */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  '28000',
  '28P01',
  '3D000',
]);

export function warehouseTimeout(timeoutMs: number): CodedError {
  return new CodedError(
    ErrorCode.WarehouseTimeout,
    `The warehouse query took longer than ${timeoutMs} ms and was cancelled; narrow the question (fewer rows, a shorter period) or raise the timeout.`,
    { details: { timeoutMs } },
  );
}

/** Wraps any driver error; CodedErrors pass through untouched. */
export function warehouseError(error: unknown): CodedError {
  if (isCodedError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const details = typeof code === 'string' ? { engineCode: code } : undefined;
  if (typeof code === 'string' && CONNECT_CODES.has(code)) {
    return new CodedError(
      ErrorCode.WarehouseConnectFailed,
      `Could not connect to the warehouse: ${messageOf(error)}. Check WAREHOUSE_URL and that the server is up.`,
      { cause: error, details },
    );
  }
  return new CodedError(
    ErrorCode.WarehouseQueryFailed,
    `The warehouse could not run the query: ${messageOf(error)}`,
    {
      cause: error,
      details,
    },
  );
}
