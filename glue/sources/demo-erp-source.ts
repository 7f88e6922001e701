/**
 * The demo ERP as an extract source: the generator's CSVs (erp/<table>.csv) stand in for the SQL
 * Server tables. They are copied into a DuckDB file of the source's own (rebuilt for a table
 * only when its CSV changes, by size and time) so that each batch is one indexed SELECT, served
 * exactly as the T-SQL procedures serve it: row_version > since, ascending, at most batchSize.
 * Columns keep the ERP's types (so reconciliation figures are computed natively, once per copy)
 * and are served as text, the way the CSV and the staged files write them.
 */
import { mkdtempSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { quoteLiteral } from '../../db/sql-text.ts';
import { toWarehouseType } from '../sqlserver-types.ts';
import type { CsvBatch } from './csv-batch-source.ts';
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

const gzipAsync = promisify(gzip);

export class DemoErpSource implements ExtractSource {
  readonly name = 'erp';
  readonly description: string;
  readonly tables: readonly SourceTable[];
  private readonly fresh = new Set<string>();
  private readonly scratch: string;
  private readonly batchEnds = new Map<string, { since: bigint; ends: bigint[] }>();

  private constructor(
    private readonly db: DuckDbWarehouse,
    private readonly options: DemoErpSourceOptions,
  ) {
    this.description = `demo ERP files in ${options.dir}`;
    this.tables = options.tables.map(sourceTableOf);
    this.scratch = mkdtempSync(path.join(os.tmpdir(), 'shoebox-demo-erp-'));
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
    checkBatchSize(batchSize);
    const columns = spec.columns.map((c) => `CAST(${c.name} AS VARCHAR) AS ${c.name}`).join(', ');
    return this.db.selectText(
      `SELECT ${columns} FROM src_${spec.name} WHERE wm__ > $1 ORDER BY wm__ LIMIT ${batchSize}`,
      [since],
    );
  }

  /** The same batch, written by DuckDB itself as gzip CSV (csv-batch-source.ts). */
  async extractCsvBatch(table: string, since: bigint, batchSize: number): Promise<CsvBatch> {
    const spec = await this.ready(table);
    checkBatchSize(batchSize);
    const end = await this.batchEnd(spec.name, since, batchSize);
    const { rows } = await this.db.query(
      `SELECT COUNT(*) AS n, CAST(MAX(wm__) AS VARCHAR) AS top FROM src_${spec.name} WHERE wm__ > ${since}${end === undefined ? '' : ` AND wm__ <= ${end}`}`,
    );
    const count = Number(rows[0]?.n ?? 0);
    const watermark = count > 0 ? BigInt(String(rows[0]?.top)) : since;
    const file = path.join(this.scratch, `batch-${table}.csv`);
    const columns = spec.columns.map((c) => c.name).join(', ');
    // Bounded by the watermark found above, so the file holds exactly those rows (in any order:
    // the merge keeps each key's highest row_version). DuckDB's own gzip is slow; zlib's is not.
    await this.db.execute(
      `COPY (SELECT ${columns} FROM src_${spec.name} WHERE wm__ > ${since} AND wm__ <= ${watermark}) TO ${quoteLiteral(file)} (FORMAT csv, HEADER true)`,
    );
    return { gzipCsv: await gzipAsync(await readFile(file), { level: 1 }), rows: count, watermark };
  }

  /**
   * The last watermark of the batch after `since`, or undefined for the last (short) batch. All
   * batch ends of an extract come from one sort, kept for the calls that follow, instead of one
   * top-N sort per batch.
   */
  private async batchEnd(table: string, since: bigint, batchSize: number): Promise<bigint | undefined> {
    const key = `${table}:${batchSize}`;
    let plan = this.batchEnds.get(key);
    if (!plan || (plan.since !== since && !plan.ends.includes(since))) {
      const { rows } = await this.db.query(
        `SELECT CAST(wm__ AS VARCHAR) AS b FROM (SELECT wm__, ROW_NUMBER() OVER (ORDER BY wm__) AS rn FROM src_${table} WHERE wm__ > ${since}) r WHERE rn % ${batchSize} = 0 ORDER BY wm__`,
      );
      plan = { since, ends: rows.map((r) => BigInt(String(r.b))) };
      this.batchEnds.set(key, plan);
    }
    return plan.ends.find((end) => end > since);
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
    await rm(this.scratch, { recursive: true, force: true });
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
        `CREATE OR REPLACE TABLE src_${table} AS SELECT *, CAST(${spec.watermarkColumn} AS BIGINT) AS wm__ FROM read_csv(${quoteLiteral(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`,
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

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
    throw new CodedError(ErrorCode.BadArgument, `batchSize must be from 1 to 1000000, not ${batchSize}.`);
  }
}
