/**
 * Parameters across engines: callers always write `$1, $2 ...`; the Data API wants named
 * `:name` parameters with string values, and the stand-in turns those back into `$n` for pg.
 * Rewrites happen only in code, never inside literals or comments (see sql-text.ts).
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { maskSql, quoteLiteral, type SqlTextOptions } from './sql-text.ts';
import type { SqlParam } from './warehouse.ts';

/** Dates travel as ISO strings so no driver shifts them into the local time zone. */
export function normalizeParam(value: SqlParam): string | number | boolean | bigint | null {
  return value instanceof Date ? value.toISOString() : value;
}

/** The text form of a parameter, for APIs that take strings only. */
export function paramText(value: Exclude<SqlParam, null>): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export interface NamedParameter {
  name: string;
  value: string;
}

/**
 * `$n` → `:pn` with a string value; a null parameter is inlined as NULL because the Data API
 * refuses null values. Only referenced parameters are sent (the API rejects unused ones).
 */
export function positionalToNamed(
  sql: string,
  params: readonly SqlParam[],
  options: SqlTextOptions = {},
): { sql: string; parameters: NamedParameter[] } {
  const used = new Map<string, NamedParameter>();
  const rewritten = replaceInCode(sql, /(?<![A-Za-z0-9_$])\$(\d+)/g, options, (match) => {
    const index = Number(match.slice(1));
    if (index < 1 || index > params.length) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The SQL refers to ${match} but ${params.length} parameter(s) were given.`,
      );
    }
    const value = params[index - 1] as SqlParam;
    if (value === null) return 'NULL';
    const name = `p${index}`;
    used.set(name, { name, value: paramText(value) });
    return `:${name}`;
  });
  return { sql: rewritten, parameters: [...used.values()] };
}

/**
 * `$n` → a quoted literal, for APIs that take no parameters at all (the Data API's
 * BatchExecuteStatement). Strings go through quoteLiteral; numbers must be finite.
 */
export function inlineParams(sql: string, params: readonly SqlParam[], options: SqlTextOptions = {}): string {
  return replaceInCode(sql, /(?<![A-Za-z0-9_$])\$(\d+)/g, options, (match) => {
    const index = Number(match.slice(1));
    if (index < 1 || index > params.length) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The SQL refers to ${match} but ${params.length} parameter(s) were given.`,
      );
    }
    const value = params[index - 1] as SqlParam;
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        throw new CodedError(ErrorCode.BadArgument, `${value} is not a finite number.`);
      return String(value);
    }
    return quoteLiteral(paramText(value), options);
  });
}

/** `:name` → `$n` in the order of `names`; `::type` casts are left alone. */
export function namedToPositional(
  sql: string,
  names: readonly string[],
  options: SqlTextOptions = {},
): string {
  return replaceInCode(sql, /(?<![:A-Za-z0-9_]):([A-Za-z_][A-Za-z0-9_]*)/g, options, (match) => {
    const index = names.indexOf(match.slice(1));
    if (index === -1)
      throw new CodedError(ErrorCode.BadArgument, `No value was given for parameter ${match}.`);
    return `$${index + 1}`;
  });
}

/** Applies `pattern` to the code parts of `sql` only, replacing in the original text. */
function replaceInCode(
  sql: string,
  pattern: RegExp,
  options: SqlTextOptions,
  replace: (match: string) => string,
): string {
  const masked = maskSql(sql, options);
  let out = '';
  let last = 0;
  for (const found of masked.matchAll(pattern)) {
    const at = found.index;
    out += sql.slice(last, at) + replace(found[0]);
    last = at + found[0].length;
  }
  return out + sql.slice(last);
}
