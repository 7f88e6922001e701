/**
 * One warehouse query on a pg client: BEGIN READ ONLY, a local statement_timeout, a cursor read
 * that stops at maxRows + 1, the column type names, then ROLLBACK. The READ ONLY transaction
 * backs up the text guard: a function that writes (nextval, a volatile UDF) still fails.
 */
import type { PoolClient } from 'pg';
import { readCursor } from './pg-read-cursor.ts';
import type { PgTypeNames } from './pg-type-names.ts';
import { WAREHOUSE_PG_TYPES } from './pg-value-kinds.ts';
import type { QueryOptions, QueryResult, ResultValue } from './warehouse.ts';
import { warehouseTimeout } from './warehouse-errors.ts';

const QUERY_CANCELED = '57014';

export async function readOnlyQuery(
  client: PoolClient,
  sql: string,
  params: readonly unknown[],
  options: QueryOptions,
  typeNames: PgTypeNames,
): Promise<Omit<QueryResult, 'elapsedMs'>> {
  await client.query('BEGIN READ ONLY');
  try {
    if (options.timeoutMs !== undefined) {
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.ceil(options.timeoutMs))}`);
    }
    const read = await readCursor(client, sql, params, {
      maxRows: options.maxRows,
      types: WAREHOUSE_PG_TYPES,
    });
    const types = await typeNames.namesOf(read.fields, async (text) => (await client.query(text)).rows);
    return {
      columns: read.fields.map((field, i) => ({ name: field.name, type: types[i] as string })),
      rows: read.rows as Record<string, ResultValue>[],
      truncated: read.truncated,
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw code === QUERY_CANCELED && options.timeoutMs !== undefined
      ? warehouseTimeout(options.timeoutMs)
      : error;
  } finally {
    await client.query('ROLLBACK');
  }
}
