/**
 * The warehouse over the Postgres wire protocol (`pg`): a Postgres server in tests, Amazon
 * Redshift (port 5439) in production. The dialect is 'redshift' when the URL's scheme is
 * `redshift://` or its port is 5439, else 'postgres'.
 *
 * Queries pass the text guard, then run read-only (pg-read-only-query.ts).
 */
import pg from 'pg';
import { isCodedError } from '../core/coded-error.ts';
import { describeUrl } from './describe-url.ts';
import { elapsedSince } from './elapsed.ts';
import { InformationSchemaWarehouse } from './information-schema.ts';
import { copyLocalCsv } from './pg-copy-local.ts';
import { readOnlyQuery } from './pg-read-only-query.ts';
import { PgTypeNames } from './pg-type-names.ts';
import { WAREHOUSE_PG_TYPES } from './pg-value-kinds.ts';
import { assertReadOnlySelect } from './read-only-guard.ts';
import { redshiftCopySql } from './redshift-copy.ts';
import { normalizeParam } from './sql-params.ts';
import type { SqlTextOptions } from './sql-text.ts';
import { localStagedPaths } from './staged-file.ts';
import type {
  LoadResult,
  QueryOptions,
  QueryResult,
  SqlParam,
  SqlStatement,
  StagedFile,
  Warehouse,
} from './warehouse.ts';
import { warehouseError } from './warehouse-errors.ts';

export interface PostgresWarehouseOptions {
  /** postgres://, postgresql:// or redshift:// (the latter is sent to pg as postgres://). */
  url: string;
  /** IAM role ARN for Redshift COPY from S3. */
  copyIamRole?: string;
  maxConnections?: number;
}

export function postgresDialectOf(url: string): 'postgres' | 'redshift' {
  if (/^redshift:/i.test(url)) return 'redshift';
  return /^[a-z]+:\/\/[^/?#]*:5439(?:[/?#]|$)/i.test(url) ? 'redshift' : 'postgres';
}

export class PostgresWarehouse extends InformationSchemaWarehouse implements Warehouse {
  readonly dialect: 'postgres' | 'redshift';
  readonly description: string;
  private readonly pool: pg.Pool;
  private readonly typeNames = new PgTypeNames('formatted');
  private readonly textOptions: SqlTextOptions;

  constructor(private readonly options: PostgresWarehouseOptions) {
    super();
    this.dialect = postgresDialectOf(options.url);
    this.description = describeUrl(options.url);
    // Redshift reads backslashes in '...' as escapes; the guard must lex the same way.
    this.textOptions = { backslashEscapes: this.dialect === 'redshift' };
    this.pool = new pg.Pool({
      connectionString: options.url.replace(/^redshift:/i, 'postgres:'),
      types: WAREHOUSE_PG_TYPES,
      max: options.maxConnections ?? 4,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async query(
    sql: string,
    params: readonly SqlParam[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult> {
    assertReadOnlySelect(sql, this.textOptions);
    const start = performance.now();
    const read = await this.withClient((client) =>
      readOnlyQuery(client, sql, params.map(pgParam), options, this.typeNames),
    );
    return { ...read, elapsedMs: elapsedSince(start) };
  }

  async execute(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    // Without parameters pg uses the simple protocol, which accepts a multi-statement script.
    await this.withClient((client) => client.query(sql, params.map(pgParam)));
  }

  async loadStagedFile(schema: string, table: string, file: StagedFile): Promise<LoadResult> {
    if (this.dialect === 'redshift') {
      const copy = redshiftCopySql(schema, table, file, this.options.copyIamRole);
      return this.withClient(async (client) => {
        await client.query(copy);
        // Redshift's COPY tag carries no row count; the session's last COPY does.
        const { rows } = await client.query('SELECT pg_last_copy_count() AS n');
        return { rowsLoaded: Number(rows[0]?.n ?? 0) };
      });
    }
    const paths = localStagedPaths(file, 'Postgres');
    return this.withClient(async (client) => ({
      rowsLoaded: await copyLocalCsv(client, schema, table, paths, file),
    }));
  }

  async transaction(statements: readonly SqlStatement[]): Promise<void> {
    await this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        for (const { sql, params = [] } of statements) await client.query(sql, params.map(pgParam));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A pooled client for `work`; driver errors leave as CodedErrors, broken clients are discarded. */
  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      // A server-reported error (or our own refusal) leaves the connection usable; anything else may not.
      client?.release(!(error instanceof pg.DatabaseError || isCodedError(error)));
      throw warehouseError(error);
    }
  }
}

/** pg sends bigint badly and shifts Dates into local time; normalise both. */
function pgParam(value: SqlParam): unknown {
  const normalized = normalizeParam(value);
  return typeof normalized === 'bigint' ? normalized.toString() : normalized;
}
