/** What only the wire-protocol adapter does, beyond the shared contract. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { PostgresWarehouse, postgresDialectOf } from './postgres-warehouse.ts';
import { adminQuery, DATABASE_URL, uniqueName } from './test-postgres.ts';

const file = { location: '/tmp/none.csv', format: 'csv' as const, headerLines: 1, columns: ['id'] };

describe('postgresDialectOf', () => {
  it.each([
    ['postgres://u@host:5432/db', 'postgres'],
    ['postgresql://u@host/db', 'postgres'],
    ['postgres://u:pw@cluster.abc.eu-west-1.redshift.amazonaws.com:5439/dev', 'redshift'],
    ['redshift://u@cluster:5439/dev', 'redshift'],
    ['redshift://u@localhost/dev', 'redshift'],
  ])('%s is %s', (url, dialect) => {
    expect(postgresDialectOf(url)).toBe(dialect);
  });
});

describe('PostgresWarehouse on Postgres', () => {
  const schema = uniqueName('pgw');
  const warehouse = new PostgresWarehouse({ url: DATABASE_URL });

  beforeAll(() => adminQuery(`CREATE SCHEMA ${schema}; CREATE SEQUENCE ${schema}.seq`));
  afterAll(async () => {
    await warehouse.close();
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('runs queries in a READ ONLY transaction behind the text guard', async () => {
    await expect(warehouse.query(`SELECT nextval('${schema}.seq')`)).rejects.toMatchObject({
      code: ErrorCode.WarehouseQueryFailed,
      details: { engineCode: '25006' },
    });
  });

  it('sends bigint parameters and reads int8 as numbers', async () => {
    const result = await warehouse.query('SELECT $1::bigint AS b, 2::int8 * 3 AS c', [10n]);
    expect(result.rows).toEqual([{ b: 10, c: 6 }]);
    expect(result.columns).toEqual([
      { name: 'b', type: 'bigint' },
      { name: 'c', type: 'bigint' },
    ]);
  });

  it('loads local files only, and says so', async () => {
    await expect(
      warehouse.loadStagedFile(schema, 't', { ...file, location: 's3://b/k.csv' }),
    ).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
      message: expect.stringMatching(/local disk/),
    });
    await expect(warehouse.loadStagedFile(schema, 't', file)).rejects.toMatchObject({
      code: ErrorCode.PathUnreadable,
    });
  });
});

describe('PostgresWarehouse, Redshift dialect', () => {
  const warehouse = new PostgresWarehouse({ url: 'redshift://admin:hunter22@127.0.0.1:1/dev' });
  afterAll(() => warehouse.close());

  it('redacts the password and loads from S3 with the IAM role only', async () => {
    expect(warehouse.dialect).toBe('redshift');
    expect(warehouse.description).toBe('redshift://admin:***@127.0.0.1:1/dev');
    await expect(warehouse.loadStagedFile('s', 't', file)).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
    });
    await expect(
      warehouse.loadStagedFile('s', 't', { ...file, location: 's3://b/k.csv' }),
    ).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
    });
  });

  it('reports an unreachable server as a connection failure', async () => {
    await expect(warehouse.query('SELECT 1')).rejects.toMatchObject({
      code: ErrorCode.WarehouseConnectFailed,
    });
  });
});
