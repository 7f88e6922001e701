/**
 * Picks a warehouse SQL file for a dialect: the one place that knows which folder serves which
 * engine. DuckDB and Redshift have their own files; Postgres uses its own when there is one
 * (grants) and otherwise the Redshift file, rewritten by redshiftToPostgres.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { WarehouseDialect } from '../db/warehouse.ts';
import { WAREHOUSE_CURATED_DIR, WAREHOUSE_SQL_DIR, WAREHOUSE_TRANSFORM_DIR } from '../sql/warehouse-files.ts';
import { redshiftToPostgres } from './redshift-to-postgres.ts';

export function readWarehouseSql(dialect: WarehouseDialect, file: string): string {
  const own = join(WAREHOUSE_SQL_DIR, dialect, file);
  if (existsSync(own)) return readFileSync(own, 'utf8');
  const redshift = join(WAREHOUSE_SQL_DIR, 'redshift', file);
  if (dialect === 'postgres' && existsSync(redshift))
    return redshiftToPostgres(readFileSync(redshift, 'utf8'));
  throw new CodedError(
    ErrorCode.PathUnreadable,
    `sql/warehouse/${dialect}/${file} is missing; reinstall shoebox or restore the file from git`,
  );
}

export interface SharedSqlFile {
  /** File name without .sql and its NN_ order prefix: the target table or view. */
  name: string;
  sql: string;
}

function sharedFiles(dir: string): SharedSqlFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/^\d+_/, '').replace(/\.sql$/, ''),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** The transforms, one per dw table, in run order. */
export function transformSqlFiles(): SharedSqlFile[] {
  return sharedFiles(WAREHOUSE_TRANSFORM_DIR);
}

/** The curated views, one per file. */
export function curatedSqlFiles(): SharedSqlFile[] {
  return sharedFiles(WAREHOUSE_CURATED_DIR);
}
