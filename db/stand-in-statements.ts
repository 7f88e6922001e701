/**
 * The stand-in's statements: each ExecuteStatement (or BatchExecuteStatement) runs
 * asynchronously on a pooled pg client and moves SUBMITTED → STARTED → FINISHED | FAILED |
 * ABORTED, keeping its whole result for GetStatementResult to page through.
 */
import { randomUUID } from 'node:crypto';
import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import type pg from 'pg';
import { PgTypeNames } from './pg-type-names.ts';
import { RAW_TEXT_PG_TYPES } from './pg-value-kinds.ts';
import { StandInError } from './stand-in-error.ts';
import { columnMetadataOf, fieldOf } from './stand-in-results.ts';

/** Runs a statement the stand-in handles itself (COPY from S3); undefined when it is not one. */
export type StatementInterceptor = (
  client: pg.PoolClient,
  sql: string,
  statementId: string,
  inTransaction: boolean,
) => Promise<number> | undefined;

export type StatementStatus = 'SUBMITTED' | 'STARTED' | 'FINISHED' | 'FAILED' | 'ABORTED';

export interface StandInStatement {
  Id: string;
  QueryString: string;
  Status: StatementStatus;
  Error?: string;
  HasResultSet: boolean;
  ResultRows: number;
  CreatedAt: number;
  UpdatedAt: number;
  target: Record<string, string | undefined>;
  records: Field[][];
  columns: ColumnMetadata[];
  pid?: number;
  cancelRequested?: boolean;
}

const now = () => Date.now() / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class StandInStatements {
  private readonly statements = new Map<string, StandInStatement>();
  private readonly running = new Set<Promise<void>>();
  private readonly typeNames = new PgTypeNames('short');

  constructor(
    private readonly pool: pg.Pool,
    /** How long a statement stays SUBMITTED before it runs, so tests can watch the polling. */
    public startDelayMs: number,
    private readonly intercept?: StatementInterceptor,
  ) {}

  start(sqls: string[], values: string[], target: Record<string, string | undefined>): StandInStatement {
    const statement: StandInStatement = {
      Id: randomUUID(),
      QueryString: sqls.join('; '),
      Status: 'SUBMITTED',
      HasResultSet: false,
      ResultRows: -1,
      CreatedAt: now(),
      UpdatedAt: now(),
      target,
      records: [],
      columns: [],
    };
    this.statements.set(statement.Id, statement);
    const run = this.run(statement, sqls, values).finally(() => this.running.delete(run));
    this.running.add(run);
    return statement;
  }

  get(id: unknown): StandInStatement {
    const statement = typeof id === 'string' ? this.statements.get(id) : undefined;
    if (!statement)
      throw new StandInError(`Query ${String(id)} does not exist`, 'ResourceNotFoundException', 404);
    return statement;
  }

  async cancel(id: unknown): Promise<void> {
    const statement = this.get(id);
    if (statement.Status !== 'SUBMITTED' && statement.Status !== 'STARTED') {
      throw new StandInError(`Could not cancel a query that is already in ${statement.Status} state`);
    }
    statement.cancelRequested = true;
    if (statement.pid !== undefined) await this.pool.query('SELECT pg_cancel_backend($1)', [statement.pid]);
  }

  /** Waits for every statement still running (before the pool closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(statement: StandInStatement, sqls: string[], values: string[]): Promise<void> {
    if (this.startDelayMs > 0) await sleep(this.startDelayMs);
    if (statement.cancelRequested) return this.finish(statement, 'ABORTED');
    const client = await this.pool.connect();
    try {
      statement.pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
      if (statement.cancelRequested) return this.finish(statement, 'ABORTED');
      this.finish(statement, 'STARTED');
      const intercepted = (sql: string, inTransaction: boolean) =>
        this.intercept?.(client, sql, statement.Id, inTransaction);
      const result =
        sqls.length > 1
          ? await runBatch(client, sqls, intercepted)
          : await runOne(client, sqls[0] as string, values, intercepted);
      if (result.fields.length > 0) {
        const names = await this.typeNames.namesOf(
          result.fields,
          async (text) => (await client.query(text)).rows,
        );
        statement.columns = result.fields.map((field, i) => columnMetadataOf(field, names[i] as string));
        statement.records = result.rows.map((row) =>
          row.map((text, i) => fieldOf(text, result.fields[i]?.dataTypeID ?? 0)),
        );
        statement.HasResultSet = true;
        statement.ResultRows = result.rows.length;
      } else {
        statement.ResultRows = result.rowCount ?? -1;
      }
      this.finish(statement, 'FINISHED');
    } catch (error) {
      statement.Error = `ERROR: ${error instanceof Error ? error.message : String(error)}`;
      this.finish(statement, statement.cancelRequested ? 'ABORTED' : 'FAILED');
    } finally {
      client.release();
    }
  }

  private finish(statement: StandInStatement, status: StatementStatus): void {
    statement.Status = status;
    statement.UpdatedAt = now();
  }
}

/** The last result of a simple-protocol script, or of one parameterised statement. */
type Intercepted = (sql: string, inTransaction: boolean) => Promise<number> | undefined;

async function runOne(
  client: pg.PoolClient,
  text: string,
  values: string[],
  intercept?: Intercepted,
  inTransaction = false,
): Promise<pg.QueryArrayResult> {
  const handled = intercept?.(text, inTransaction);
  if (handled) return { command: 'COPY', rowCount: await handled, oid: 0, fields: [], rows: [] };
  const result = (await client.query({ text, values, rowMode: 'array', types: RAW_TEXT_PG_TYPES })) as
    | pg.QueryArrayResult
    | pg.QueryArrayResult[];
  return Array.isArray(result) ? (result.at(-1) as pg.QueryArrayResult) : result;
}

/** BatchExecuteStatement runs its statements in one transaction, as Redshift does. */
async function runBatch(
  client: pg.PoolClient,
  sqls: string[],
  intercept?: Intercepted,
): Promise<pg.QueryArrayResult> {
  await client.query('BEGIN');
  try {
    let last: pg.QueryArrayResult | undefined;
    for (const sql of sqls) last = await runOne(client, sql, [], intercept, true);
    await client.query('COMMIT');
    return last as pg.QueryArrayResult;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
