/**
 * The SQL Server ERP as an ExtractSource: every read is a call to one of the T-SQL procedures in
 * sql/sqlserver/ (extract.usp_extract_<table>, extract.usp_reconcile_<table>), so the login
 * needs EXECUTE on schema extract and nothing else. The tables, their columns and keys come
 * from the procedures' documented output contracts (./sqlserver-contracts.ts).
 * Never run against a real SQL Server here: tested through a fake at the request level.
 */
import mssql from 'mssql';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { redactText } from '../../core/redact.ts';
import type {
  ExtractSource,
  ReconcileFigure,
  SourceRow,
  SourceTable,
  SourceValue,
} from './extract-source.ts';
import { type MssqlTarget, parseMssqlUrl } from './mssql-url.ts';
import { readSqlServerTables } from './sqlserver-contracts.ts';

/** The part of an `mssql` Request this source uses (a fake in tests). */
export interface MssqlRequestLike {
  input(name: string, type: unknown, value: unknown): MssqlRequestLike;
  execute(procedure: string): Promise<{ recordset?: Record<string, unknown>[] }>;
}

/** The part of an `mssql` ConnectionPool this source uses. */
export interface MssqlConnectionLike {
  request(): MssqlRequestLike;
  close(): Promise<void>;
}

export interface MssqlErpSourceOptions {
  /** Opens the connection; the default is an `mssql` ConnectionPool. */
  connect?: (config: mssql.config) => Promise<MssqlConnectionLike>;
  /** The tables; by default those documented in sql/sqlserver/. */
  tables?: readonly SourceTable[];
}

const MAX_BATCH = 1_000_000;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

async function connectPool(config: mssql.config): Promise<MssqlConnectionLike> {
  const pool = new mssql.ConnectionPool(config);
  try {
    await pool.connect();
  } catch (error) {
    await pool.close().catch(() => undefined);
    throw error;
  }
  return pool;
}

export async function openMssqlErpSource(
  url: string,
  options: MssqlErpSourceOptions = {},
): Promise<ExtractSource> {
  const target = parseMssqlUrl(url);
  const tables = options.tables ?? readSqlServerTables();
  let connection: MssqlConnectionLike;
  try {
    connection = await (options.connect ?? connectPool)(target.config);
  } catch (error) {
    throw new CodedError(
      ErrorCode.EtlSourceFailed,
      `Cannot connect to SQL Server at ${target.host}:${target.port}, database "${target.database}", as ${target.user}: ${safe(error, target)}. Check ERP_URL, that the server is reachable, and its encrypt/trustServerCertificate options.`,
      { cause: error, details: { host: target.host, database: target.database } },
    );
  }
  return new MssqlErpSource(connection, target, tables);
}

class MssqlErpSource implements ExtractSource {
  readonly name = 'erp';
  readonly description: string;

  constructor(
    private readonly connection: MssqlConnectionLike,
    private readonly target: MssqlTarget,
    readonly tables: readonly SourceTable[],
  ) {
    this.description = target.description;
  }

  async extractBatch(table: string, since: bigint, batchSize: number): Promise<SourceRow[]> {
    const spec = this.table(table);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `batch size ${batchSize} must be a whole number from 1 to ${MAX_BATCH}`,
      );
    }
    if (since < 0n || since > MAX_BIGINT) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `watermark ${since} for ${table} is outside SQL Server's bigint range`,
      );
    }
    const request = this.connection
      .request()
      .input('since_row_version', mssql.BigInt, since.toString())
      .input('batch_size', mssql.Int, batchSize);
    const rows = await this.run(request, `extract.usp_extract_${spec.name}`);
    if (rows.length > batchSize) {
      throw this.contractError(spec.name, `returned ${rows.length} rows for a batch of ${batchSize}`);
    }
    const out = rows.map((row) => this.sourceRow(spec, row));
    // A procedure that breaks the order would make the next watermark skip rows: refuse it.
    let previous = since;
    for (const row of out) {
      const watermark = row[spec.watermarkColumn];
      if (typeof watermark !== 'bigint' || watermark <= previous) {
        throw this.contractError(
          spec.name,
          `returned ${spec.watermarkColumn} ${String(watermark)} after ${previous}, not in ascending order`,
        );
      }
      previous = watermark;
    }
    return out;
  }

  async reconcileFigures(table: string): Promise<ReconcileFigure[]> {
    const spec = this.table(table);
    const rows = await this.run(this.connection.request(), `extract.usp_reconcile_${spec.name}`);
    return rows.map((row) => {
      const sums: Record<string, string> = {};
      for (const column of spec.sumColumns) {
        const value = row[column];
        if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
          throw this.contractError(spec.name, `returned sum ${column}=${String(value)}, not a decimal text`);
        }
        sums[column] = value;
      }
      const day = row.figure_day;
      return {
        day: day instanceof Date ? day.toISOString().slice(0, 10) : null,
        rows: Number(row.row_count),
        sums,
      };
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private table(name: string): SourceTable {
    const spec = this.tables.find((t) => t.name === name);
    if (!spec) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The ERP has no extract table "${name}"; known: ${this.tables.map((t) => t.name).join(', ')}`,
      );
    }
    return spec;
  }

  private async run(request: MssqlRequestLike, procedure: string): Promise<Record<string, unknown>[]> {
    try {
      const result = await request.execute(procedure);
      return result.recordset ?? [];
    } catch (error) {
      const number = (error as { number?: unknown }).number;
      const hint =
        number === 2812
          ? ' The procedure is missing: install sql/sqlserver/*.sql (docs/sqlserver-setup.md).'
          : number === 229
            ? ' The login lacks permission: GRANT EXECUTE ON SCHEMA::extract TO it.'
            : '';
      throw new CodedError(
        ErrorCode.EtlSourceFailed,
        `SQL Server ${this.target.host}, database "${this.target.database}": ${procedure} failed: ${safe(error, this.target)}.${hint}`,
        { cause: error, details: { procedure, number } },
      );
    }
  }

  private sourceRow(spec: SourceTable, row: Record<string, unknown>): SourceRow {
    const out: SourceRow = {};
    for (const column of spec.columns) {
      if (!(column.name in row)) throw this.contractError(spec.name, `returned no column ${column.name}`);
      out[column.name] = toSourceValue(row[column.name], column.type);
    }
    return out;
  }

  private contractError(table: string, problem: string): CodedError {
    return new CodedError(
      ErrorCode.EtlSourceFailed,
      `SQL Server ${this.target.host}/${this.target.database}: the procedure for ${table} ${problem}; reinstall sql/sqlserver/ so it matches its documented output contract.`,
    );
  }
}

/** tedious returns bigint as a string: hand it over as a bigint (the watermark is one). */
function toSourceValue(value: unknown, type: string): SourceValue {
  if (value === null || value === undefined) return null;
  if (type === 'bigint') return BigInt(value as string | number | bigint);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint' || value instanceof Date) return value;
  return String(value);
}

function safe(error: unknown, target: MssqlTarget): string {
  return redactText(messageOf(error), [target.password]);
}
