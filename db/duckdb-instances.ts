/**
 * One DuckDB instance per database file per process (see shared-handles.ts); each adapter opens
 * its own connection on it. ':memory:' is one shared in-memory database for the process.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SharedHandles } from './shared-handles.ts';

export const DUCKDB_MEMORY = ':memory:';

/** The cache key and file path: ':memory:' or an absolute path (relative to the working directory). */
export function duckdbPath(path: string): string {
  return path === DUCKDB_MEMORY ? path : resolve(path);
}

export const duckdbInstances = new SharedHandles<DuckDBInstance>(
  async (key) => {
    if (key !== DUCKDB_MEMORY) mkdirSync(dirname(key), { recursive: true });
    return DuckDBInstance.create(key);
  },
  async (instance) => instance.closeSync(),
  (key) => key === DUCKDB_MEMORY,
);
