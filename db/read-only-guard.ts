/**
 * The text guard for engines reached over the network (Postgres wire, Redshift Data API): one
 * statement, starting with SELECT or WITH, and no data-changing keyword outside literals.
 * On Postgres a READ ONLY transaction backs it up; the Data API has no such thing, so this
 * guard is the only line there and errs on the side of refusing.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { maskSql, type SqlTextOptions } from './sql-text.ts';

const WRITE_KEYWORDS =
  /\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|unload|call|into|vacuum|lock)\b/i;

/** Throws WAREHOUSE_READ_ONLY unless `sql` is a single SELECT (or WITH ... SELECT) statement. */
export function assertReadOnlySelect(sql: string, options: SqlTextOptions = {}): void {
  const code = maskSql(sql, options)
    .trim()
    .replace(/[;\s]+$/, '');
  if (code === '') throw readOnlyRefusal('the query is empty');
  if (code.includes(';')) throw readOnlyRefusal('it holds more than one statement');
  const first = firstKeyword(code);
  if (first !== 'select' && first !== 'with') {
    throw readOnlyRefusal(
      `it starts with ${first === undefined ? 'no keyword' : `"${first.toUpperCase()}"`}`,
    );
  }
  const write = WRITE_KEYWORDS.exec(code);
  if (write) throw readOnlyRefusal(`it contains "${(write[1] as string).toUpperCase()}"`);
}

/** The first word of code (after comments and opening parentheses), lower case. */
export function firstKeyword(sql: string, options: SqlTextOptions = {}): string | undefined {
  return /^[\s(]*([A-Za-z_]+)/.exec(maskSql(sql, options))?.[1]?.toLowerCase();
}

/** The one refusal message every adapter uses, so callers (and the model) see the same advice. */
export function readOnlyRefusal(reason: string): CodedError {
  return new CodedError(
    ErrorCode.WarehouseReadOnly,
    `The warehouse runs read-only queries only: one SELECT (or WITH ... SELECT) statement; this one was refused because ${reason}. Changes go through the pipelines.`,
    { details: { reason } },
  );
}
