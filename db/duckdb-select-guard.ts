/**
 * The DuckDB read-only guard is DuckDB's own parser: the text must hold exactly one statement
 * and its prepared form must be of type SELECT. Nothing runs before both hold.
 */
import { type DuckDBConnection, type DuckDBPreparedStatement, StatementType } from '@duckdb/node-api';
import { firstKeyword, readOnlyRefusal } from './read-only-guard.ts';
import { maskSql } from './sql-text.ts';

/** Statements DuckDB parses as SELECT (it also has FROM-first, PIVOT, SUMMARIZE ...). */
const DUCKDB_QUERY_STARTS = new Set([
  'select',
  'with',
  'from',
  'values',
  'table',
  'pivot',
  'unpivot',
  'summarize',
  'describe',
  'show',
]);

export async function prepareSelect(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBPreparedStatement> {
  if (maskSql(sql).trim() === '') throw readOnlyRefusal('the query is empty');
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1) throw readOnlyRefusal('it holds more than one statement');
  let prepared: DuckDBPreparedStatement;
  try {
    prepared = await statements.prepare(0);
  } catch (error) {
    // A write against a missing table fails to bind; still answer "read-only", not "no such table".
    const first = firstKeyword(sql) ?? '';
    if (!DUCKDB_QUERY_STARTS.has(first)) throw readOnlyRefusal(`it starts with "${first.toUpperCase()}"`);
    throw error;
  }
  if (prepared.statementType !== StatementType.SELECT) {
    prepared.destroySync();
    const kind = StatementType[prepared.statementType] ?? 'another statement';
    throw readOnlyRefusal(`DuckDB reads it as ${kind}, not SELECT`);
  }
  return prepared;
}
