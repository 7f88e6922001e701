/**
 * Small SQL pieces the renderer shares. Identifiers we generate (t0, d0, m0, v_revenue) and the
 * model's relations pass a strict pattern before they enter SQL text; values always go through
 * Kysely's `sql` template as bound parameters ($1 ...).
 */
import { sql } from 'kysely';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { WarehouseDialect } from '../../db/warehouse.ts';
import type { SqlExpression } from '../model/model-file.ts';
import type { Sql } from './dialects/dialect-adapter.ts';
import type { ColumnRef, PlannedCondition } from './query-plan.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function ident(name: string): Sql {
  if (!IDENTIFIER.test(name)) {
    throw new CodedError(
      ErrorCode.SemanticModelInvalid,
      `"${name}" is not a safe SQL identifier (a-z, 0-9, _).`,
    );
  }
  return sql.raw(name);
}

export function ref(column: ColumnRef): Sql {
  return sql`${ident(column.table)}.${ident(column.column)}`;
}

/** Output column names are quoted: they are member names, and may be words like "year". */
export function outputName(name: string): Sql {
  ident(name);
  return sql.id(name);
}

export function relation(name: string): Sql {
  const [schema = '', view = ''] = name.split('.');
  return sql`${ident(schema)}.${ident(view)}`;
}

/**
 * A model author's SQL expression (over the columns of the model's relation), in this dialect's
 * override if it has one. Model files are trusted configuration, but one statement only.
 */
export function modelExpression(expr: SqlExpression, dialect: WarehouseDialect): Sql {
  const text = typeof expr === 'string' ? expr : (expr[dialect] ?? expr.default);
  if (/;|--|\/\*/.test(text)) {
    throw new CodedError(
      ErrorCode.SemanticModelInvalid,
      `The model expression "${text}" may not contain ; or comments.`,
    );
  }
  return sql.raw(text);
}

export function dateValue(value: string | null): Sql {
  return sql`CAST(${value} AS DATE)`;
}

export function toDouble(value: Sql): Sql {
  return sql`CAST(${value} AS DOUBLE PRECISION)`;
}

/**
 * LIKE wildcards in a value made literal with '!': not a backslash, which Redshift string
 * literals treat as an escape of their own (a lone backslash there leaves the literal open).
 */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

export function condition(c: PlannedCondition): Sql {
  const column = ref(c.column);
  const [first, second] = c.values;
  const list = () => sql.join(c.values.map((v) => sql`${v}`));
  switch (c.operator) {
    case 'equals':
      return sql`${column} = ${first}`;
    case 'not_equals':
      return sql`${column} <> ${first}`;
    case 'in':
      return sql`${column} IN (${list()})`;
    case 'not_in':
      return sql`${column} NOT IN (${list()})`;
    case 'contains':
      return sql`LOWER(CAST(${column} AS VARCHAR)) LIKE ${`%${escapeLike(String(first).toLowerCase())}%`} ESCAPE '!'`;
    case 'gt':
      return sql`${column} > ${first}`;
    case 'gte':
      return sql`${column} >= ${first}`;
    case 'lt':
      return sql`${column} < ${first}`;
    case 'lte':
      return sql`${column} <= ${first}`;
    case 'between':
      return sql`${column} >= ${first} AND ${column} <= ${second}`;
    case 'is_null':
      return sql`${column} IS NULL`;
    case 'is_not_null':
      return sql`${column} IS NOT NULL`;
  }
}

export function and(parts: readonly Sql[]): Sql {
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` AND `);
}

/** ` WHERE a AND b`, or nothing when there is no condition. */
export function whereClause(parts: readonly Sql[]): Sql {
  return parts.length === 0 ? sql`` : sql` WHERE ${and(parts)}`;
}
