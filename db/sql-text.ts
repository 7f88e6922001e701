/**
 * A small lexer over SQL text: it finds what is code and what is a literal or a comment, so the
 * read-only guard and the parameter rewriters never mistake `';'` or `'$1'` inside a string
 * for the real thing. It is not a parser; engines still parse the statement themselves.
 */

export interface SqlTextOptions {
  /** Redshift treats `\'` inside '...' as an escaped quote; Postgres (standard strings) does not. */
  backslashEscapes?: boolean;
}

const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/**
 * Returns `sql` with every comment, string literal, quoted identifier and dollar-quoted body
 * replaced by spaces (newlines kept), so positions in the result match positions in `sql`.
 */
export function maskSql(sql: string, options: SqlTextOptions = {}): string {
  const out: string[] = [];
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) out.push(sql[k] === '\n' ? '\n' : ' ');
  };
  while (i < sql.length) {
    const end = skippedRegionEnd(sql, i, options);
    if (end > i) {
      blank(i, end);
      i = end;
    } else {
      out.push(sql[i] as string);
      i++;
    }
  }
  return out.join('');
}

/** Where the comment or literal starting at `i` ends (exclusive), or `i` when none starts there. */
function skippedRegionEnd(sql: string, i: number, options: SqlTextOptions): number {
  const ch = sql[i];
  const next = sql[i + 1];
  if (ch === '-' && next === '-') {
    const newline = sql.indexOf('\n', i);
    return newline === -1 ? sql.length : newline;
  }
  if (ch === '/' && next === '*') return blockCommentEnd(sql, i);
  if (ch === "'") {
    const escapeString = /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
    const escaped = options.backslashEscapes === true || escapeString;
    return quotedEnd(sql, i, "'", escaped);
  }
  if (ch === '"') return quotedEnd(sql, i, '"', false);
  if (ch === '$' && !/[A-Za-z0-9_$]/.test(sql[i - 1] ?? '')) {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64));
    if (tag) {
      const close = sql.indexOf(tag[0], i + tag[0].length);
      return close === -1 ? sql.length : close + tag[0].length;
    }
  }
  return i;
}

/** Postgres block comments nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** A doubled quote is an escaped quote; with `backslash`, so is `\'`. Unterminated runs to the end. */
function quotedEnd(sql: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslash && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return sql.length;
}

/** Splits a script on the semicolons that are code, dropping empty statements. */
export function splitStatements(sql: string, options: SqlTextOptions = {}): string[] {
  const masked = maskSql(sql, options);
  const statements: string[] = [];
  let from = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === ';') {
      const statement = sql.slice(from, i).trim();
      if (masked.slice(from, i).trim() !== '') statements.push(statement);
      from = i + 1;
    }
  }
  return statements;
}

/** Double-quotes an identifier (schema, table or column name) for any of our engines. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Single-quotes a string literal; backslashes are doubled for engines that treat them as escapes. */
export function quoteLiteral(value: string, options: SqlTextOptions = {}): string {
  const escaped = options.backslashEscapes === true ? value.replace(/\\/g, '\\\\') : value;
  return `'${escaped.replace(/'/g, "''")}'`;
}
