/**
 * The warehouse on Amazon Redshift through the Data API (@aws-sdk/client-redshift-data): no
 * driver, no open connection, IAM credentials from the default chain. Statements are submitted,
 * polled (redshift-data-poll.ts) and their results paged with NextToken until maxRows + 1.
 * The Data API has no read-only transaction: the text guard is the only line of defence.
 */
import {
  BatchExecuteStatementCommand,
  ExecuteStatementCommand,
  RedshiftDataClient,
  type RedshiftDataClientConfig,
} from '@aws-sdk/client-redshift-data';
import { elapsedSince } from './elapsed.ts';
import { InformationSchemaWarehouse } from './information-schema.ts';
import { mapErrors } from './map-errors.ts';
import { assertReadOnlySelect } from './read-only-guard.ts';
import { redshiftCopySql } from './redshift-copy.ts';
import { waitForStatement } from './redshift-data-poll.ts';
import { readStatementResult } from './redshift-data-results.ts';
import type { RedshiftDataTarget } from './redshift-data-url.ts';
import { inlineParams, positionalToNamed } from './sql-params.ts';
import { splitStatements } from './sql-text.ts';
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

export interface RedshiftDataWarehouseOptions {
  target: RedshiftDataTarget;
  region?: string;
  /** Overrides the service endpoint (tests point it at the local stand-in). */
  endpoint?: string;
  /** Explicit credentials; by default the SDK's chain (environment, profile, instance role). */
  credentials?: RedshiftDataClientConfig['credentials'];
  copyIamRole?: string;
}

/** Redshift reads backslashes inside '...' as escapes. */
const REDSHIFT_TEXT = { backslashEscapes: true };

export class RedshiftDataWarehouse extends InformationSchemaWarehouse implements Warehouse {
  readonly dialect = 'redshift';
  readonly description: string;
  private readonly client: RedshiftDataClient;

  constructor(private readonly options: RedshiftDataWarehouseOptions) {
    super();
    const { target } = options;
    const where = target.WorkgroupName
      ? `workgroup ${target.WorkgroupName}`
      : `cluster ${target.ClusterIdentifier}`;
    this.description = `redshift-data: ${where}, database ${target.Database}`;
    this.client = new RedshiftDataClient({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
    });
  }

  async query(
    sql: string,
    params: readonly SqlParam[] = [],
    options: QueryOptions = {},
  ): Promise<QueryResult> {
    assertReadOnlySelect(sql, REDSHIFT_TEXT);
    const start = performance.now();
    return mapErrors(async () => {
      const id = await this.submit(sql, params);
      const described = await waitForStatement(this.client, id, options.timeoutMs);
      const read = described.HasResultSet
        ? await readStatementResult(this.client, id, options.maxRows)
        : emptyRead();
      return { ...read, elapsedMs: elapsedSince(start) };
    }, warehouseError);
  }

  /** A multi-statement script without parameters runs as one BatchExecuteStatement (one transaction). */
  async execute(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    await mapErrors(async () => {
      const statements = params.length === 0 ? splitStatements(sql, REDSHIFT_TEXT) : [sql];
      const id =
        statements.length > 1
          ? (
              await this.client.send(
                new BatchExecuteStatementCommand({ ...this.options.target, Sqls: statements }),
              )
            ).Id
          : await this.submit(sql, params);
      await waitForStatement(this.client, id as string);
    }, warehouseError);
  }

  /** COPY from s3:// only: the Data API cannot see the caller's disk. */
  async loadStagedFile(schema: string, table: string, file: StagedFile): Promise<LoadResult> {
    const copy = redshiftCopySql(schema, table, file, this.options.copyIamRole);
    return mapErrors(async () => {
      const described = await waitForStatement(this.client, await this.submit(copy, []));
      // ResultRows is the number of rows a COPY loaded; -1 means "not reported".
      return { rowsLoaded: Math.max(0, described.ResultRows ?? 0) };
    }, warehouseError);
  }

  /** BatchExecuteStatement runs its statements as one transaction; it takes no parameters, so values are inlined as literals. */
  async transaction(statements: readonly SqlStatement[]): Promise<void> {
    if (statements.length === 0) return;
    await mapErrors(async () => {
      const sqls = statements.map(({ sql, params = [] }) => inlineParams(sql, params, REDSHIFT_TEXT));
      const started = await this.client.send(
        new BatchExecuteStatementCommand({ ...this.options.target, Sqls: sqls }),
      );
      await waitForStatement(this.client, started.Id as string);
    }, warehouseError);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async submit(sql: string, params: readonly SqlParam[]): Promise<string> {
    const named = positionalToNamed(sql, params, REDSHIFT_TEXT);
    const started = await this.client.send(
      new ExecuteStatementCommand({
        ...this.options.target,
        Sql: named.sql,
        Parameters: named.parameters.length > 0 ? named.parameters : undefined,
      }),
    );
    return started.Id as string;
  }
}

function emptyRead() {
  return { columns: [], rows: [], truncated: false };
}
