/**
 * The stand-in's AWS JSON: validating request members the way the Data API does (required
 * strings, named string parameters, exactly one of WorkgroupName / ClusterIdentifier) and
 * shaping responses (epoch-second timestamps, as AWS JSON 1.1 sends them).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StandInError } from './stand-in-error.ts';
import type { StandInStatement } from './stand-in-statements.ts';

export type Input = Record<string, unknown>;

export function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new StandInError(`${name} is required`);
  return value;
}

/** The Data API takes named string parameters only; a null value is a validation error there. */
export function parametersOf(value: unknown): { name: string; value: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new StandInError('Parameters must be a list');
  return value.map((p: Input) => ({
    name: text(p?.name, 'Parameters.name'),
    value: text(p?.value, 'Parameters.value'),
  }));
}

export function targetOf(input: Input): Record<string, string | undefined> {
  text(input.Database, 'Database');
  if ((input.WorkgroupName === undefined) === (input.ClusterIdentifier === undefined)) {
    throw new StandInError('Either WorkgroupName or ClusterIdentifier must be given, not both');
  }
  const pick = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : undefined);
  return {
    Database: pick('Database'),
    WorkgroupName: pick('WorkgroupName'),
    ClusterIdentifier: pick('ClusterIdentifier'),
    DbUser: pick('DbUser'),
    SecretArn: pick('SecretArn'),
  };
}

export function submitted(statement: StandInStatement): object {
  return { Id: statement.Id, CreatedAt: statement.CreatedAt, ...statement.target };
}

export function described(s: StandInStatement): object {
  return {
    Id: s.Id,
    QueryString: s.QueryString,
    Status: s.Status,
    Error: s.Error,
    HasResultSet: s.HasResultSet,
    ResultRows: s.ResultRows,
    ResultSize: 0,
    CreatedAt: s.CreatedAt,
    UpdatedAt: s.UpdatedAt,
    Duration: Math.round((s.UpdatedAt - s.CreatedAt) * 1e9),
    RedshiftPid: s.pid ?? 0,
    ...s.target,
  };
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
  });
  response.end(JSON.stringify(body));
}
