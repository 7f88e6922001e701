/**
 * The stand-in itself, driven by the real AWS SDK: the response shapes the Data API's
 * clients rely on (Field unions, ColumnMetadata, statuses) and its AWS-style errors.
 */
import {
  CancelStatementCommand,
  DescribeStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedshiftDataStandIn } from './redshift-data-stand-in.ts';
import { DATABASE_URL } from './test-postgres.ts';

let standIn: RedshiftDataStandIn;
let client: RedshiftDataClient;
const TARGET = { WorkgroupName: 'wg', Database: 'dev' };

beforeAll(async () => {
  standIn = await RedshiftDataStandIn.start({ databaseUrl: DATABASE_URL });
  client = new RedshiftDataClient({
    region: 'us-east-1',
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
  });
});

afterAll(async () => {
  client?.destroy();
  await standIn?.close();
});

async function finished(id: string) {
  for (;;) {
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (described.Status !== 'SUBMITTED' && described.Status !== 'STARTED') return described;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('RedshiftDataStandIn', () => {
  it('answers with Field unions and ColumnMetadata as the Data API does', async () => {
    const { Id } = await client.send(
      new ExecuteStatementCommand({
        ...TARGET,
        Sql: `SELECT :n::int AS n, 2.5::numeric(12,2) AS d, true AS b, NULL::text AS z, 1.5::float8 AS f, ':n' AS lit, '2024-03-05'::date AS dt`,
        Parameters: [{ name: 'n', value: '7' }],
      }),
    );
    const described = await finished(Id as string);
    expect(described).toMatchObject({ Status: 'FINISHED', HasResultSet: true, ResultRows: 1 });
    expect(described.CreatedAt).toBeInstanceOf(Date);
    const result = await client.send(new GetStatementResultCommand({ Id }));
    expect(result.TotalNumRows).toBe(1);
    expect(result.Records?.[0]).toEqual([
      { longValue: 7 },
      { stringValue: '2.50' },
      { booleanValue: true },
      { isNull: true },
      { doubleValue: 1.5 },
      { stringValue: ':n' },
      { stringValue: '2024-03-05' },
    ]);
    expect(result.ColumnMetadata?.map((c) => c.typeName)).toEqual([
      'int4',
      'numeric',
      'bool',
      'text',
      'float8',
      'text',
      'date',
    ]);
    expect(result.ColumnMetadata?.[1]).toMatchObject({ name: 'd', precision: 12, scale: 2 });
  });

  it('reports a failed statement in DescribeStatement', async () => {
    const { Id } = await client.send(
      new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT * FROM no_such_table' }),
    );
    const described = await finished(Id as string);
    expect(described.Status).toBe('FAILED');
    expect(described.Error).toMatch(/no_such_table/);
  });

  it('aborts a running statement on CancelStatement', async () => {
    const { Id } = await client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT pg_sleep(5)' }));
    while ((await client.send(new DescribeStatementCommand({ Id }))).Status !== 'STARTED') {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await client.send(new CancelStatementCommand({ Id }))).toMatchObject({ Status: true });
    expect((await finished(Id as string)).Status).toBe('ABORTED');
    await expect(client.send(new CancelStatementCommand({ Id }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('answers mistakes with AWS JSON errors', async () => {
    await expect(
      client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT :missing' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/:missing/),
    });
    await expect(
      client.send(new ExecuteStatementCommand({ Database: 'dev', Sql: 'SELECT 1' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(client.send(new DescribeStatementCommand({ Id: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    const { Id } = await client.send(
      new ExecuteStatementCommand({ ...TARGET, Sql: 'CREATE TEMP TABLE x (a int)' }),
    );
    expect(await finished(Id as string)).toMatchObject({ Status: 'FINISHED', HasResultSet: false });
    await expect(client.send(new GetStatementResultCommand({ Id }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('refuses unsigned requests', async () => {
    const response = await fetch(standIn.endpoint, {
      method: 'POST',
      headers: {
        'x-amz-target': 'RedshiftData.DescribeStatement',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });
});
