/**
 * WAREHOUSE_URL → a Warehouse:
 *   duckdb:PATH              a DuckDB file (relative to the working directory; parent folders
 *                            are created); `duckdb:` alone means HOME/warehouse.duckdb
 *   duckdb::memory:          an in-memory DuckDB shared by the process
 *   postgres://, postgresql:// the Postgres wire protocol (dialect redshift on port 5439)
 *   redshift://              Redshift over the wire protocol (sent to pg as postgres://)
 *   redshift-data://WORKGROUP_OR_CLUSTER/DB[?cluster=1&dbUser=..&secretArn=..&region=..]
 *                            the Redshift Data API
 */
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { pathAfterScheme, schemeOf } from '../core/url-scheme.ts';
import { DUCKDB_MEMORY } from './duckdb-instances.ts';
import { parseRedshiftDataUrl } from './redshift-data-url.ts';
import type { Warehouse } from './warehouse.ts';

export interface OpenWarehouseOptions {
  /** SHOEBOX_HOME: where `duckdb:` with no path keeps its file. */
  home?: string;
  /** REDSHIFT_COPY_IAM_ROLE, for COPY from S3. */
  copyIamRole?: string;
  /** AWS_REGION for the Data API (the URL's region= wins). */
  region?: string;
  /** A Data API endpoint override (the URL's endpoint= wins). */
  endpoint?: string;
}

/** The DuckDB file a duckdb: WAREHOUSE_URL names; null for an in-memory one or another scheme. */
export function duckDbWarehouseFile(url: string, options: { home?: string } = {}): string | null {
  const scheme = schemeOf(url);
  if (scheme !== 'duckdb:') return null;
  const path = pathAfterScheme(url, scheme);
  if (path === DUCKDB_MEMORY) return null;
  return path === '' ? join(options.home ?? '.shoebox', 'warehouse.duckdb') : path;
}

// Adapters are imported when chosen: each drags in a driver (DuckDB, pg, the AWS SDK) that
// costs start-up time, and a process only ever needs one of them.
export async function openWarehouse(url: string, options: OpenWarehouseOptions = {}): Promise<Warehouse> {
  const scheme = schemeOf(url);
  switch (scheme) {
    case 'duckdb:': {
      const { DuckDbWarehouse } = await import('./duckdb-warehouse.ts');
      return DuckDbWarehouse.open(duckDbWarehouseFile(url, options) ?? DUCKDB_MEMORY);
    }
    case 'postgres:':
    case 'postgresql:':
    case 'redshift:': {
      const { PostgresWarehouse } = await import('./postgres-warehouse.ts');
      return new PostgresWarehouse({ url, copyIamRole: options.copyIamRole });
    }
    case 'redshift-data:': {
      const parsed = parseRedshiftDataUrl(url);
      const { RedshiftDataWarehouse } = await import('./redshift-data-warehouse.ts');
      return new RedshiftDataWarehouse({
        target: parsed.target,
        region: parsed.region ?? options.region,
        endpoint: parsed.endpoint ?? options.endpoint,
        copyIamRole: options.copyIamRole,
      });
    }
    default:
      throw new CodedError(
        ErrorCode.UnsupportedUrl,
        `WAREHOUSE_URL has an unsupported scheme "${scheme}"; use duckdb:PATH, postgres://..., or redshift-data://WORKGROUP/DB`,
        { details: { scheme } },
      );
  }
}
