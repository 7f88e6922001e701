/**
 * A local stand-in for the Amazon Redshift Data API, for tests: an HTTP server speaking the AWS
 * JSON 1.1 protocol (`POST /`, `X-Amz-Target: RedshiftData.<Operation>`) backed by a real
 * Postgres database. The real AWS SDK talks to it through an endpoint override. It serves
 * ExecuteStatement, BatchExecuteStatement, DescribeStatement, GetStatementResult (paged with a
 * configurable page size) and CancelStatement; errors come back as `{"__type", "message"}`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { isCodedError } from '../core/coded-error.ts';
import { namedToPositional } from './sql-params.ts';
import { StandInCopier, type StandInS3Options } from './stand-in-copy.ts';
import { isS3Copy } from './stand-in-copy-parse.ts';
import { StandInError } from './stand-in-error.ts';
import {
  described,
  type Input,
  parametersOf,
  readBody,
  send,
  submitted,
  targetOf,
  text,
} from './stand-in-shapes.ts';
import { type StandInStatement, StandInStatements } from './stand-in-statements.ts';

export interface RedshiftDataStandInOptions {
  /** The Postgres database that plays Redshift. */
  databaseUrl: string;
  /** Records per GetStatementResult page (the real API pages by size, ~100 MB). */
  pageSize?: number;
  /** Milliseconds a statement waits in SUBMITTED before it runs. */
  startDelayMs?: number;
  /** The S3-compatible server a `COPY ... FROM 's3://...'` reads; without it COPY goes to Postgres as is. */
  s3?: StandInS3Options;
}

export interface StandInCall {
  operation: string;
  at: number;
}

export class RedshiftDataStandIn {
  /** Every request received, in order, for tests that check how the client polls. */
  readonly calls: StandInCall[] = [];
  pageSize: number;
  private readonly pool: pg.Pool;
  private readonly statements: StandInStatements;
  private readonly copier: StandInCopier | undefined;
  private server: Server | undefined;
  endpoint = '';

  private constructor(options: RedshiftDataStandInOptions) {
    this.pageSize = options.pageSize ?? 1000;
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8 });
    const copier = options.s3 ? new StandInCopier(this.pool, options.s3) : undefined;
    this.copier = copier;
    this.statements = new StandInStatements(this.pool, options.startDelayMs ?? 0, (client, sql, id, inTx) =>
      copier && isS3Copy(sql) ? copier.run(client, sql, id, inTx) : undefined,
    );
  }

  static async start(options: RedshiftDataStandInOptions): Promise<RedshiftDataStandIn> {
    const standIn = new RedshiftDataStandIn(options);
    const server = createServer((request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn.server = server;
    standIn.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return standIn;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve).closeAllConnections());
    await this.statements.settle();
    this.copier?.close();
    await this.pool.end();
  }

  /** Milliseconds each new statement waits in SUBMITTED; tests raise it to watch the polling. */
  get startDelay(): number {
    return this.statements.startDelayMs;
  }

  set startDelay(ms: number) {
    this.statements.startDelayMs = ms;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^RedshiftData\./, '');
    this.calls.push({ operation, at: performance.now() });
    try {
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
        throw new StandInError('Missing Authentication Token', 'MissingAuthenticationTokenException', 403);
      }
      const body = await readBody(request);
      const input = (body === '' ? {} : JSON.parse(body)) as Input;
      send(response, 200, await this.dispatch(operation, input));
    } catch (error) {
      const known = error instanceof StandInError ? error : undefined;
      const type = known?.type ?? (isCodedError(error) ? 'ValidationException' : 'InternalServerException');
      const status = known?.status ?? (type === 'ValidationException' ? 400 : 500);
      send(response, status, {
        __type: type,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async dispatch(operation: string, input: Input): Promise<object> {
    switch (operation) {
      case 'ExecuteStatement': {
        const parameters = parametersOf(input.Parameters);
        const sql = namedToPositional(
          text(input.Sql, 'Sql'),
          parameters.map((p) => p.name),
        );
        return submitted(
          this.statements.start(
            [sql],
            parameters.map((p) => p.value),
            targetOf(input),
          ),
        );
      }
      case 'BatchExecuteStatement': {
        const sqls = Array.isArray(input.Sqls) ? input.Sqls.map((sql) => text(sql, 'Sqls')) : [];
        if (sqls.length === 0) throw new StandInError('Sqls must hold at least one statement');
        return submitted(this.statements.start(sqls, [], targetOf(input)));
      }
      case 'DescribeStatement':
        return described(this.statements.get(input.Id));
      case 'GetStatementResult':
        return this.page(this.statements.get(input.Id), input.NextToken);
      case 'CancelStatement':
        await this.statements.cancel(input.Id);
        return { Status: true };
      default:
        throw new StandInError(
          `The stand-in does not serve ${operation || 'this request'}`,
          'UnknownOperationException',
        );
    }
  }

  private page(statement: StandInStatement, token: unknown): object {
    if (statement.Status !== 'FINISHED' || !statement.HasResultSet) {
      throw new StandInError(`Query ${statement.Id} has no result set to fetch (status ${statement.Status})`);
    }
    const offset = token === undefined ? 0 : Number(token);
    if (!Number.isInteger(offset) || offset < 0) throw new StandInError('The NextToken is not valid');
    const end = offset + this.pageSize;
    return {
      Records: statement.records.slice(offset, end),
      ColumnMetadata: statement.columns,
      TotalNumRows: statement.records.length,
      NextToken: end < statement.records.length ? String(end) : undefined,
    };
  }
}
