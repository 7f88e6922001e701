/**
 * One DuckDB instance per database file per process (see shared-handles.ts); each adapter opens
 * its own connection on it. ':memory:' is one shared in-memory database for the process.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import { SharedHandles } from './shared-handles.ts';

export const DUCKDB_MEMORY = ':memory:';

/** The cache key and file path: ':memory:' or an absolute path (relative to the working directory). */
export function duckdbPath(path: string): string {
  return path === DUCKDB_MEMORY ? path : resolve(path);
}

export const duckdbInstances = new SharedHandles<DuckDBInstance>(
  async (key) => {
    if (key === DUCKDB_MEMORY) return DuckDBInstance.create(key);
    // A bad path is a setting to fix, not a query failure: say which file and what to do.
    try {
      mkdirSync(dirname(key), { recursive: true });
      return await DuckDBInstance.create(key);
    } catch (error) {
      throw new CodedError(
        ErrorCode.PathUnwritable,
        `Cannot open the DuckDB file ${key}: ${messageOf(error)}. Point WAREHOUSE_URL=duckdb:PATH at a writable folder.`,
      );
    }
  },
  async (instance) => instance.closeSync(),
  (key) => key === DUCKDB_MEMORY,
);
