/**
 * Offline checks of the SQL expressions a model author writes (dimension, entity and metric
 * `expr`): one scalar expression over the relation's columns, never a statement. And the column
 * names an expression reads, for the warehouse check.
 */
import type { SqlExpression } from '../model/model-file.ts';

const STATEMENT_WORDS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'drop',
  'create',
  'alter',
  'grant',
  'revoke',
  'truncate',
  'union',
  'copy',
  'merge',
  'call',
  'exec',
  'execute',
  'unload',
  'vacuum',
]);

// Words of scalar SQL that are not column names.
const KEYWORDS = new Set([
  'case',
  'when',
  'then',
  'else',
  'end',
  'and',
  'or',
  'not',
  'null',
  'is',
  'in',
  'as',
  'cast',
  'true',
  'false',
  'between',
  'like',
  'ilike',
  'distinct',
  'interval',
  'from',
  'for',
  'at',
  'time',
  'zone',
  'double',
  'precision',
  'integer',
  'int',
  'bigint',
  'smallint',
  'numeric',
  'decimal',
  'real',
  'float',
  'varchar',
  'char',
  'text',
  'date',
  'timestamp',
  'boolean',
  'year',
  'month',
  'day',
  'week',
  'quarter',
  'hour',
  'minute',
  'second',
  'escape',
  'similar',
  'to',
  'using',
]);

/** Every variant of an expression: the default and each dialect's override. */
export function expressionVariants(expr: SqlExpression): { dialect: string; sql: string }[] {
  if (typeof expr === 'string') return [{ dialect: 'default', sql: expr }];
  return Object.entries(expr)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([dialect, sql]) => ({ dialect, sql }));
}

/** undefined when fine, else what is wrong. */
export function expressionProblem(sql: string): string | undefined {
  const quotes = sql.match(/'/g)?.length ?? 0;
  if (quotes % 2 !== 0) return 'has an unclosed string quote';
  // Checked outside string literals: 'a;b' is a value, not a second statement.
  const code = stripStrings(sql);
  if (code.includes(';')) return 'holds ";": an expression is one scalar expression, not a statement';
  if (code.includes('--') || code.includes('/*')) return 'holds a comment; remove it';
  if (code.includes('"')) return 'holds a double-quoted identifier; use plain lower_snake_case column names';
  let depth = 0;
  for (const ch of code) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) return 'has a ")" without its "("';
  }
  if (depth !== 0) return 'has an unclosed "("';
  const statement = identifiers(code).find((w) => STATEMENT_WORDS.has(w.toLowerCase()));
  if (statement)
    return `uses "${statement}": only scalar expressions over the relation's columns are allowed`;
  return undefined;
}

/** The column names an expression reads: identifiers that are neither keywords nor function calls. */
export function columnReferences(sql: string): string[] {
  const code = stripStrings(sql);
  const columns = new Set<string>();
  for (const match of code.matchAll(/(::\s*)?\b([A-Za-z_][A-Za-z0-9_]*)\b(\s*\()?/g)) {
    const [, cast, word, call] = match;
    if (cast || call || !word || KEYWORDS.has(word.toLowerCase())) continue;
    // A name right after a number (1e5) or a dot-qualified part is not a column of this relation.
    const before = code[(match.index ?? 0) - 1];
    if (before && /[0-9.]/.test(before)) continue;
    columns.add(word.toLowerCase());
  }
  return [...columns];
}

function stripStrings(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''");
}

function identifiers(code: string): string[] {
  return code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
}

/** A derived metric's expression: its metrics' names, numbers, + - * / and parentheses only. */
export function derivedExpressionProblem(expr: string, metrics: readonly string[]): string | undefined {
  const bad = expr.match(/[^a-z0-9_+\-*/().\s]/);
  if (bad) return `holds "${bad[0]}": only metric names, numbers, + - * / and parentheses are allowed`;
  let depth = 0;
  for (const ch of expr) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) return 'has a ")" without its "("';
  }
  if (depth !== 0) return 'has an unclosed "("';
  for (const token of expr.match(/[a-z_][a-z0-9_]*/g) ?? []) {
    if (!metrics.includes(token)) return `uses "${token}", which is not in its \`metrics\` list`;
  }
  if (!/[a-z_]/.test(expr)) return 'uses no metric';
  return undefined;
}
