/**
 * What only the Data API adapter does: paging with NextToken, polling with backoff, cancelling
 * on timeout, inlining NULL parameters, batch scripts. The real AWS SDK talks to the stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { RedshiftDataStandIn } from './redshift-data-stand-in.ts';
import { RedshiftDataWarehouse } from './redshift-data-warehouse.ts';
import { adminQuery, DATABASE_URL, uniqueName } from './test-postgres.ts';

const CREDENTIALS = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' };
let standIn: RedshiftDataStandIn;
let warehouse: RedshiftDataWarehouse;
const schema = uniqueName('rsd');

function connect(database = 'dev'): RedshiftDataWarehouse {
  return new RedshiftDataWarehouse({
    target: { WorkgroupName: 'wg', Database: database },
    region: 'eu-west-1',
    endpoint: standIn.endpoint,
    credentials: CREDENTIALS,
  });
}

const callsOf = (operation: string, since = 0) =>
  standIn.calls.slice(since).filter((call) => call.operation === operation);

beforeAll(async () => {
  await adminQuery(`CREATE SCHEMA ${schema}`);
  standIn = await RedshiftDataStandIn.start({ databaseUrl: DATABASE_URL, pageSize: 2 });
  warehouse = connect();
});

afterAll(async () => {
  await warehouse?.close();
  await standIn?.close();
  await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

describe('RedshiftDataWarehouse', () => {
  it('pages through a result with NextToken', async () => {
    const since = standIn.calls.length;
    const result = await warehouse.query('SELECT g AS n FROM generate_series(1, 7) AS g ORDER BY g');
    expect(result.rows.map((row) => row.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(callsOf('GetStatementResult', since)).toHaveLength(4);
  });

  it('stops paging once maxRows + 1 rows are in', async () => {
    const since = standIn.calls.length;
    const result = await warehouse.query('SELECT g AS n FROM generate_series(1, 50) AS g ORDER BY g', [], {
      maxRows: 3,
    });
    expect(result.rows).toHaveLength(3);
    expect(result.truncated).toBe(true);
    expect(callsOf('GetStatementResult', since)).toHaveLength(2);
  });

  it('polls DescribeStatement with growing waits', async () => {
    standIn.startDelay = 400;
    const since = standIn.calls.length;
    try {
      await warehouse.query('SELECT 1 AS one');
    } finally {
      standIn.startDelay = 0;
    }
    const times = callsOf('DescribeStatement', since).map((call) => call.at);
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times.length).toBeLessThanOrEqual(5);
    const gaps = times.slice(1).map((at, i) => at - (times[i] as number));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number);
  });

  it('cancels the statement when the timeout passes', async () => {
    const since = standIn.calls.length;
    await expect(warehouse.query('SELECT pg_sleep(5)', [], { timeoutMs: 150 })).rejects.toMatchObject({
      code: ErrorCode.WarehouseTimeout,
    });
    expect(callsOf('CancelStatement', since)).toHaveLength(1);
  });

  it('inlines NULL parameters and leaves $n inside literals alone', async () => {
    const result = await warehouse.query(`SELECT $1::integer AS a, '$1' AS lit, $2::text AS b`, [null, 'x']);
    expect(result.rows).toEqual([{ a: null, lit: '$1', b: 'x' }]);
  });

  it('runs a parameterless script as one batch, rolled back as a whole on failure', async () => {
    await warehouse.execute(`CREATE TABLE ${schema}.t (id integer); INSERT INTO ${schema}.t VALUES (1)`);
    await expect(
      warehouse.execute(`INSERT INTO ${schema}.t VALUES (2); INSERT INTO ${schema}.nope VALUES (3)`),
    ).rejects.toMatchObject({ code: ErrorCode.WarehouseQueryFailed, message: expect.stringMatching(/nope/) });
    await warehouse.execute(`INSERT INTO ${schema}.t VALUES ($1)`, [4]);
    const rows = await warehouse.query(`SELECT id FROM ${schema}.t ORDER BY id`);
    expect(rows.rows).toEqual([{ id: 1 }, { id: 4 }]);
  });

  it('loads from s3:// only and needs the COPY IAM role', async () => {
    const file = { location: 's3://bucket/key.csv', format: 'csv' as const, headerLines: 1, columns: ['id'] };
    await expect(warehouse.loadStagedFile(schema, 't', file)).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
      message: expect.stringMatching(/REDSHIFT_COPY_IAM_ROLE/),
    });
  });

  it('reports an API validation error as a failed query', async () => {
    const noDatabase = connect('');
    try {
      await expect(noDatabase.query('SELECT 1')).rejects.toMatchObject({
        code: ErrorCode.WarehouseQueryFailed,
        message: expect.stringMatching(/Database is required/),
      });
    } finally {
      await noDatabase.close();
    }
  });

  it('describes itself without credentials', () => {
    expect(warehouse.description).toBe('redshift-data: workgroup wg, database dev');
    expect(warehouse.dialect).toBe('redshift');
  });
});
