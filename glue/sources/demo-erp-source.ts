/**
 * The demo ERP as an extract source: the generator's CSVs (erp/<table>.csv) stand in for the SQL
 * Server tables. They are copied into a DuckDB file of the source's own (rebuilt for a table
 * only when its CSV changes, by size and time) so that each batch is one indexed SELECT, served
 * exactly as the T-SQL procedures serve it: row_version > since, ascending, at most batchSize.
 * Columns keep the ERP's types (so reconciliation figures are computed natively, once per copy)
 * and are served as text, the way the CSV and the staged files write them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { quoteLiteral } from '../../db/sql-text.ts';
import { toWarehouseType } from '../sqlserver-types.ts';
import type { ExtractSource, ReconcileFigure, SourceRow, SourceTable } from './extract-source.ts';
import { sourceFiguresSql } from './source-figures-sql.ts';
import { sourceTableOf, type TableShape } from './source-table-of.ts';

export interface DemoErpSourceOptions {
  /** The demo folder; table T is read from erp/T.csv. */
  dir: string;
  tables: readonly TableShape[];
  /** The DuckDB file holding the source's copy of the CSVs. */
  cacheFile: string;
}

export class DemoErpSource implements ExtractSource {
  readonly name = 'erp';
  readonly description: string;
  readonly tables: readonly SourceTable[];
  private readonly fresh = new Set<string>();

  private constructor(
    private readonly db: DuckDbWarehouse,
    private readonly options: DemoErpSourceOptions,
  ) {
    this.description = `demo ERP files in ${options.dir}`;
    this.tables = options.tables.map(sourceTableOf);
  }

  static async open(options: DemoErpSourceOptions): Promise<DemoErpSource> {
    const db = await DuckDbWarehouse.open(options.cacheFile);
    await db.execute(
      'CREATE TABLE IF NOT EXISTS source_files (table_name VARCHAR PRIMARY KEY, fingerprint VARCHAR)',
    );
    return new DemoErpSource(db, options);
  }

  async extractBatch(table: string, since: bigint, batchSize: number): Promise<SourceRow[]> {
    const spec = await this.ready(table);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
      throw new CodedError(ErrorCode.BadArgument, `batchSize must be from 1 to 1000000, not ${batchSize}.`);
    }
    const columns = spec.columns.map((c) => `CAST(${c.name} AS VARCHAR) AS ${c.name}`).join(', ');
    // The copy was inserted in watermark order and DuckDB keeps insertion order in scans
    // (preserve_insertion_order, on by default), so no sort is needed for "ascending".
    return this.db.selectText(`SELECT ${columns} FROM src_${spec.name} WHERE wm__ > $1 LIMIT ${batchSize}`, [
      since,
    ]);
  }

  async reconcileFigures(table: string): Promise<ReconcileFigure[]> {
    const spec = await this.ready(table);
    const { rows } = await this.db.query(`SELECT * FROM fig_${spec.name}`);
    return rows.map((row) => ({
      day: row.day === null ? null : String(row.day),
      rows: Number(row.row_count),
      sums: Object.fromEntries(spec.sumColumns.map((c, i) => [c, String(row[`sum_${i}`] ?? '0')])),
    }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** The table's spec, after copying its CSV into the cache if the file changed since the last copy. */
  private async ready(table: string): Promise<SourceTable> {
    const spec = this.tables.find((t) => t.name === table);
    if (!spec) {
      throw new CodedError(ErrorCode.BadArgument, `The demo ERP has no table "${table}".`);
    }
    if (this.fresh.has(table)) return spec;
    const file = path.join(this.options.dir, 'erp', `${table}.csv`);
    const info = await stat(file).catch(() => {
      throw new CodedError(
        ErrorCode.DemoDataMissing,
        `The demo ERP file ${file} is missing; run \`shoebox generate\` or \`shoebox demo\` first.`,
      );
    });
    const fingerprint = `${info.size}:${info.mtimeMs}`;
    const known = await this.db.query('SELECT fingerprint FROM source_files WHERE table_name = $1', [table]);
    if (known.rows[0]?.fingerprint !== fingerprint) {
      const types = spec.columns
        .map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(toWarehouseType(c.type, 'duckdb'))}`)
        .join(', ');
      await this.db.execute(
        `CREATE OR REPLACE TABLE src_${table} AS SELECT *, CAST(${spec.watermarkColumn} AS BIGINT) AS wm__ FROM read_csv(${quoteLiteral(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}}) ORDER BY wm__`,
      );
      await this.db.execute(
        `CREATE OR REPLACE TABLE fig_${table} AS ${sourceFiguresSql(spec, `src_${table}`)}`,
      );
      await this.db.execute('DELETE FROM source_files WHERE table_name = $1', [table]);
      await this.db.execute('INSERT INTO source_files VALUES ($1, $2)', [table, fingerprint]);
    }
    this.fresh.add(table);
    return spec;
  }
}
