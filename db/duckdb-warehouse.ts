/**
 * The embedded warehouse: a DuckDB file (or ':memory:') through @duckdb/node-api. Queries pass
 * DuckDB's own parser as a guard (duckdb-select-guard.ts); timeouts interrupt the connection;
 * maxRows stops reading the stream early (duckdb-rows.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckdbInstances, duckdbPath } from './duckdb-instances.ts';
import { readDuckdbRows } from './duckdb-rows.ts';
import { prepareSelect } from './duckdb-select-guard.ts';
import { elapsedSince } from './elapsed.ts';
import { InformationSchemaWarehouse } from './information-schema.ts';
import { mapErrors } from './map-errors.ts';
import { normalizeParam } from './sql-params.ts';
import { quoteIdent, quoteLiteral } from './sql-text.ts';
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
import { warehouseError, warehouseTimeout } from './warehouse-errors.ts';

export class DuckDbWarehouse extends InformationSchemaWarehouse implements Warehouse {
  readonly dialect = 'duckdb';
  readonly description: string;
  /** DuckDB runs one statement at a time per connection; calls queue here. */
  private queue: Promise<unknown> = Promise.resolve();

  private closed = false;

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly key: string,
  ) {
    super();
    this.description = `duckdb:${key}`;
  }

  static async open(path: string): Promise<DuckDbWarehouse> {
    const key = duckdbPath(path);
    return mapErrors(async () => {
      const instance = await duckdbInstances.acquire(key);
      try {
        return new DuckDbWarehouse(await instance.connect(), key);
      } catch (error) {
        await duckdbInstances.release(key);
        throw error;
      }
    }, warehouseError);
  }

  query(sql: string, params: readonly SqlParam[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.serial(async () => {
      const start = performance.now();
      const prepared = await prepareSelect(this.connection, sql);
      try {
        if (params.length > 0) prepared.bind(params.map(normalizeParam));
        const read = await this.interruptAfter(options.timeoutMs, () =>
          readDuckdbRows(prepared, options.maxRows),
        );
        return { ...read, elapsedMs: elapsedSince(start) };
      } finally {
        prepared.destroySync();
      }
    });
  }

  /**
   * A SELECT whose every column is text (the caller casts), read column by column: several times
   * faster than query() for bulk reads such as an extract batch. Not part of the Warehouse contract.
   */
  selectText(sql: string, params: readonly SqlParam[] = []): Promise<Record<string, string | null>[]> {
    return this.serial(async () => {
      const prepared = await prepareSelect(this.connection, sql);
      try {
        if (params.length > 0) prepared.bind(params.map(normalizeParam));
        const result = await prepared.run();
        const names = result.deduplicatedColumnNames();
        const columns = (await result.getColumns()) as unknown[][];
        const count = columns[0]?.length ?? 0;
        const rows: Record<string, string | null>[] = new Array(count);
        for (let r = 0; r < count; r++) {
          const row: Record<string, string | null> = {};
          for (let c = 0; c < names.length; c++) {
            const value = (columns[c] as unknown[])[r];
            row[names[c] as string] = value === null || value === undefined ? null : String(value);
          }
          rows[r] = row;
        }
        return rows;
      } finally {
        prepared.destroySync();
      }
    });
  }

  execute(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    return this.serial(async () => {
      await this.connection.run(sql, params.length > 0 ? params.map(normalizeParam) : undefined);
    });
  }

  /** All columns are read as text and cast by the INSERT, so one odd value fails loudly, not silently. */
  async loadStagedFile(schema: string, table: string, file: StagedFile): Promise<LoadResult> {
    const paths = localStagedPaths(file, 'DuckDB');
    if (paths.length === 0) return { rowsLoaded: 0 };
    const columns = file.columns.map(quoteIdent).join(', ');
    const values = file.columns.map((column) => `NULLIF(${quoteIdent(column)}, '')`).join(', ');
    const types = file.columns.map((column) => `${quoteLiteral(column)}: 'VARCHAR'`).join(', ');
    const compression = file.compression === 'gzip' ? 'gzip' : 'none';
    const list = `[${paths.map((p) => quoteLiteral(p)).join(', ')}]`;
    const csv = `read_csv(${list}, header = false, skip = ${file.headerLines}, delim = ',', quote = '"', escape = '"', auto_detect = false, compression = '${compression}', columns = {${types}})`;
    return this.serial(async () => {
      const result = await this.connection.run(
        `INSERT INTO ${quoteIdent(schema)}.${quoteIdent(table)} (${columns}) SELECT ${values} FROM ${csv}`,
      );
      return { rowsLoaded: result.rowsChanged };
    });
  }

  /** BEGIN ... COMMIT on the adapter's one connection; any failure rolls back before the next call. */
  transaction(statements: readonly SqlStatement[]): Promise<void> {
    return this.serial(async () => {
      await this.connection.run('BEGIN TRANSACTION');
      try {
        for (const { sql, params = [] } of statements) {
          await this.connection.run(sql, params.length > 0 ? params.map(normalizeParam) : undefined);
        }
        await this.connection.run('COMMIT');
      } catch (error) {
        await this.connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    this.connection.disconnectSync();
    await duckdbInstances.release(this.key);
  }

  private async interruptAfter<T>(timeoutMs: number | undefined, work: () => Promise<T>): Promise<T> {
    if (timeoutMs === undefined) return work();
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
      this.connection.interrupt();
    }, timeoutMs);
    try {
      return await work();
    } catch (error) {
      throw fired ? warehouseTimeout(timeoutMs) : error;
    } finally {
      clearTimeout(timer);
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work).catch((error: unknown) => Promise.reject(warehouseError(error)));
    this.queue = run.catch(() => undefined);
    return run;
  }
}
