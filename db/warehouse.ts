/**
 * The warehouse contract. Three adapters implement it: DuckDB (embedded default), the Postgres
 * wire protocol (a Postgres server in tests, Redshift on port 5439 in production) and the
 * Redshift Data API. Callers above db/ see only this interface, never a driver.
 */

export type WarehouseDialect = 'duckdb' | 'postgres' | 'redshift';

/** Positional parameters, referenced as $1, $2 ... in SQL text on every adapter. */
export type SqlParam = string | number | boolean | null | Date | bigint;

export interface QueryOptions {
  /** Give up after this long; the adapter cancels the statement where the engine allows it. */
  timeoutMs?: number;
  /** Return at most this many rows; `truncated` says whether more existed. */
  maxRows?: number;
}

export interface ResultColumn {
  name: string;
  /** The engine's own type name, lower case (e.g. 'integer', 'varchar', 'date', 'decimal(12,2)'). */
  type: string;
}

/** Plain JSON-friendly values: numbers for numeric types, strings for dates (YYYY-MM-DD) and timestamps (ISO 8601). */
export type ResultValue = string | number | boolean | null;

export interface QueryResult {
  columns: ResultColumn[];
  rows: Record<string, ResultValue>[];
  truncated: boolean;
  elapsedMs: number;
}

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view';
}

export interface RelationColumn {
  name: string;
  type: string;
  nullable: boolean;
}

/** A file already staged (local path, or s3:// URL for Redshift COPY) to load into a table. */
export interface StagedFile {
  /** Local filesystem path or s3://bucket/key. */
  location: string;
  format: 'csv';
  /** gzip: the file (or every file the manifest lists) is gzip-compressed. Default none. */
  compression?: 'none' | 'gzip';
  /**
   * The location is a manifest in Redshift's COPY MANIFEST format ({"entries":[{"url","mandatory"}]})
   * listing the data files, not a data file itself. Every adapter accepts it.
   */
  manifest?: boolean;
  /** Number of header lines to skip (IGNOREHEADER). */
  headerLines: number;
  /** Column names in file order; the target table may have more (they get NULL or their default). */
  columns: string[];
}

/** One statement of a transaction: SQL text with $1, $2 ... and its values. */
export interface SqlStatement {
  sql: string;
  params?: readonly SqlParam[];
}

export interface LoadResult {
  rowsLoaded: number;
}

export interface Warehouse {
  readonly dialect: WarehouseDialect;
  /** A redacted description of where this warehouse is, safe for logs. */
  readonly description: string;
  /**
   * Runs one read-only statement (SELECT or WITH ... SELECT). Anything else is refused with
   * WAREHOUSE_READ_ONLY before it reaches the engine.
   */
  query(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult>;
  listRelations(schema?: string): Promise<Relation[]>;
  listColumns(schema: string, relation: string): Promise<RelationColumn[]>;
  /** Runs DDL / DML for the pipelines (never reachable from the assistant's tools). */
  execute(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Appends a staged file's rows to `schema.table` (COPY on Postgres and Redshift, read_csv on DuckDB). */
  loadStagedFile(schema: string, table: string, file: StagedFile): Promise<LoadResult>;
  /**
   * Runs DML statements in one transaction: either all take effect or none does (an error rolls
   * back; a crash before COMMIT leaves the old state). For the pipeline's merge.
   */
  transaction(statements: readonly SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}
