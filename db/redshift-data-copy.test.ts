/**
 * Redshift COPY from a staged gzip manifest, end to end: parts and manifest in s3rver, the COPY
 * built by redshift-copy.ts, sent by the real Data API client to the stand-in, which reads S3
 * and loads Postgres. Also what Redshift refuses (no IAM role) and how a bad row is reported.
 */

import { gzipSync } from 'node:zlib';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { RedshiftDataStandIn } from './redshift-data-stand-in.ts';
import { RedshiftDataWarehouse } from './redshift-data-warehouse.ts';
import { createTestDatabase } from './test-postgres.ts';
import { startTestS3Server, type TestS3Server } from './test-s3-server.ts';
import type { StagedFile } from './warehouse.ts';

const BUCKET = 'shoebox-copy';
const ROLE = 'arn:aws:iam::123456789012:role/shoebox-copy';
const S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const COLUMNS = ['id', 'order_date', 'updated_at', 'amount', 'note'];
const HEADER = `${COLUMNS.join(',')}\n`;

let s3Server: TestS3Server | undefined;
let s3: S3Client;
let database: { url: string; drop: () => Promise<void> };
let db: pg.Client;
let standIn: RedshiftDataStandIn;
let warehouse: RedshiftDataWarehouse;

const put = (key: string, body: string | Uint8Array) =>
  s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
const manifestOf = (keys: string[]) =>
  JSON.stringify({ entries: keys.map((key) => ({ url: `s3://${BUCKET}/${key}`, mandatory: true })) });
const staged = (location: string): StagedFile => ({
  location,
  format: 'csv',
  compression: 'gzip',
  manifest: true,
  headerLines: 1,
  columns: COLUMNS,
});

beforeAll(async () => {
  s3Server = await startTestS3Server([BUCKET]);
  const endpoint = s3Server.endpoint;
  s3 = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: S3_KEYS });
  database = await createTestDatabase('rscopy');
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await db.query(`CREATE SCHEMA staging;
    CREATE TABLE staging.orders (id integer NOT NULL, order_date date, updated_at timestamp,
      amount numeric(12,2), note varchar(40), loaded_by varchar(10) DEFAULT 'copy')`);
  standIn = await RedshiftDataStandIn.start({
    databaseUrl: database.url,
    s3: { endpoint, credentials: S3_KEYS },
  });
  warehouse = new RedshiftDataWarehouse({
    target: { WorkgroupName: 'wg', Database: 'dev' },
    region: 'eu-west-1',
    endpoint: standIn.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    copyIamRole: ROLE,
  });
});

afterAll(async () => {
  await warehouse?.close();
  await standIn?.close();
  await db?.end();
  await database?.drop();
  await s3Server?.close();
});

describe('COPY from a staged gzip manifest through the Data API stand-in', () => {
  it('loads every part the manifest lists, with Redshift types and NULL rules', async () => {
    await put(
      'runs/1/orders/part-0000.csv.gz',
      gzipSync(
        `${HEADER}1,2025-03-01,2025-03-01T09:15:00.250Z,1234.50,"Oxford, brown"\n` +
          `2,2025-03-02,2025-03-02 18:00:00,0.05,"say ""hi"""\n`,
      ),
    );
    await put(
      'runs/1/orders/part-0001.csv.gz',
      gzipSync(`${HEADER}3,,,,\n4,2024-02-29,2024-02-29T23:59:59Z,-7.00,"   "\n5,2025-01-01,,99999.99,""\n`),
    );
    // A leftover part from a crashed run under the same prefix: not in the manifest, never loaded.
    await put('runs/1/orders/part-0009.csv.gz', gzipSync(`${HEADER}99,2025-01-01,,1,stale\n`));
    await put(
      'runs/1/orders.manifest',
      manifestOf(['runs/1/orders/part-0000.csv.gz', 'runs/1/orders/part-0001.csv.gz']),
    );

    const result = await warehouse.loadStagedFile(
      'staging',
      'orders',
      staged(`s3://${BUCKET}/runs/1/orders.manifest`),
    );
    expect(result.rowsLoaded).toBe(5);
    const { rows } = await db.query(
      `SELECT id, to_char(order_date, 'YYYY-MM-DD') AS d, to_char(updated_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS t,
              amount::text AS amount, note, loaded_by FROM staging.orders ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: 1,
        d: '2025-03-01',
        t: '2025-03-01 09:15:00.250',
        amount: '1234.50',
        note: 'Oxford, brown',
        loaded_by: 'copy',
      },
      {
        id: 2,
        d: '2025-03-02',
        t: '2025-03-02 18:00:00.000',
        amount: '0.05',
        note: 'say "hi"',
        loaded_by: 'copy',
      },
      { id: 3, d: null, t: null, amount: null, note: null, loaded_by: 'copy' },
      {
        id: 4,
        d: '2024-02-29',
        t: '2024-02-29 23:59:59.000',
        amount: '-7.00',
        note: null,
        loaded_by: 'copy',
      },
      { id: 5, d: '2025-01-01', t: null, amount: '99999.99', note: null, loaded_by: 'copy' },
    ]);
    // The same answer through the Data API, typed as Redshift's Data API types it.
    const back = await warehouse.query(
      'SELECT sum(amount) AS total, count(note) AS notes FROM staging.orders',
    );
    expect(back.rows).toEqual([{ total: 101227.54, notes: 2 }]);
  });

  it('fails the whole COPY on a bad date and records it like sys_load_error_detail', async () => {
    await db.query('TRUNCATE staging.orders');
    await put(
      'runs/2/orders/part-0000.csv.gz',
      gzipSync(`${HEADER}10,2025-04-01,,1.00,ok\n11,04/02/2025,,2.00,us date\n`),
    );
    await put('runs/2/orders.manifest', manifestOf(['runs/2/orders/part-0000.csv.gz']));
    await expect(
      warehouse.loadStagedFile('staging', 'orders', staged(`s3://${BUCKET}/runs/2/orders.manifest`)),
    ).rejects.toMatchObject({
      code: ErrorCode.WarehouseQueryFailed,
      message: expect.stringMatching(/Load into table 'orders' failed\. Check 'sys_load_error_detail'/),
    });
    expect((await db.query('SELECT count(*)::int AS n FROM staging.orders')).rows[0].n).toBe(0);
    const detail = await db.query(
      'SELECT file_name, line_number, column_name, raw_field_value, raw_line, error_message FROM sys_load_error_detail',
    );
    expect(detail.rows).toEqual([
      {
        file_name: `s3://${BUCKET}/runs/2/orders/part-0000.csv.gz`,
        line_number: '3',
        column_name: 'order_date',
        raw_field_value: '04/02/2025',
        raw_line: '11,04/02/2025,,2.00,us date',
        error_message: expect.stringMatching(/invalid input syntax for type date/),
      },
    ]);
  });

  it('reports a string longer than its column and a missing mandatory part', async () => {
    await put('runs/3/a.csv.gz', gzipSync(`${HEADER}20,2025-04-01,,1.00,${'x'.repeat(41)}\n`));
    await put('runs/3/a.manifest', manifestOf(['runs/3/a.csv.gz']));
    await expect(
      warehouse.loadStagedFile('staging', 'orders', staged(`s3://${BUCKET}/runs/3/a.manifest`)),
    ).rejects.toThrow(/Load into table 'orders' failed/);
    const last = await db.query(
      'SELECT column_name, error_message FROM sys_load_error_detail ORDER BY start_time DESC LIMIT 1',
    );
    expect(last.rows[0]).toEqual({ column_name: 'note', error_message: 'String length exceeds DDL length' });

    await put('runs/3/b.manifest', manifestOf(['runs/3/missing.csv.gz']));
    await expect(
      warehouse.loadStagedFile('staging', 'orders', staged(`s3://${BUCKET}/runs/3/b.manifest`)),
    ).rejects.toThrow(/mandatory file 's3:\/\/shoebox-copy\/runs\/3\/missing\.csv\.gz' not found/);
  });

  it('runs a COPY inside a batch as part of its transaction', async () => {
    await db.query('TRUNCATE staging.orders');
    const copy = (run: string) =>
      `COPY staging.orders (id, order_date, updated_at, amount, note) FROM 's3://${BUCKET}/runs/${run}/orders.manifest' IAM_ROLE '${ROLE}' FORMAT AS CSV MANIFEST GZIP IGNOREHEADER 1 DATEFORMAT 'YYYY-MM-DD' TIMEFORMAT 'auto' EMPTYASNULL BLANKSASNULL`;
    await warehouse.execute(`INSERT INTO staging.orders (id) VALUES (77);\n${copy('1')}`);
    expect((await db.query('SELECT count(*)::int AS n FROM staging.orders')).rows[0].n).toBe(6);
    const errorsBefore = (await db.query('SELECT count(*)::int AS n FROM sys_load_error_detail')).rows[0].n;
    await expect(
      warehouse.execute(`INSERT INTO staging.orders (id) VALUES (78);\n${copy('2')}`),
    ).rejects.toThrow(/Load into table 'orders' failed/);
    // The batch rolled back as a whole; the load error was kept.
    expect((await db.query('SELECT count(*)::int AS n FROM staging.orders WHERE id = 78')).rows[0].n).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM sys_load_error_detail')).rows[0].n).toBe(
      errorsBefore + 1,
    );
  });

  it('refuses a COPY without IAM_ROLE, as Redshift does', async () => {
    await expect(
      warehouse.execute(
        `COPY staging.orders FROM 's3://${BUCKET}/runs/1/orders.manifest' FORMAT AS CSV MANIFEST GZIP`,
      ),
    ).rejects.toThrow(/Invalid credentials/);
    const noRole = new RedshiftDataWarehouse({
      target: { WorkgroupName: 'wg', Database: 'dev' },
      region: 'eu-west-1',
      endpoint: standIn.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    await expect(
      noRole.loadStagedFile('staging', 'orders', staged(`s3://${BUCKET}/x`)),
    ).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
      message: expect.stringMatching(/REDSHIFT_COPY_IAM_ROLE/),
    });
    await noRole.close();
  });

  it('loads every object under the prefix when there is no manifest, as Redshift does', async () => {
    await db.query('TRUNCATE staging.orders');
    await put('runs/4/orders/p0.csv', `${HEADER}30,2025-05-01,,3.00,a\n`);
    await put('runs/4/orders/p1.csv', `${HEADER}31,2025-05-02,,4.00,b\n`);
    const file = {
      ...staged(`s3://${BUCKET}/runs/4/orders/`),
      manifest: false,
      compression: 'none' as const,
    };
    expect((await warehouse.loadStagedFile('staging', 'orders', file)).rowsLoaded).toBe(2);
    expect(
      (await db.query('SELECT array_agg(id ORDER BY id) AS ids FROM staging.orders')).rows[0].ids,
    ).toEqual([30, 31]);
  });
});
